// One-time sign-in links and sessions, against an in-memory repository and an injected clock.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Specialist } from '../../../../src/core/model.js';
import type { StaffAccessRepository } from '../../../../src/core/ports/index.js';
import { createSignIn } from '../../../../src/core/staff/sign-in.js';

const hash = (s: string) => createHash('sha256').update(s).digest('hex');

function memoryRepo(specialist: Specialist) {
  const tokens = new Map<string, { specialistId: string; expiresAt: Date; usedAt: Date | null }>();
  const sessions = new Map<string, { specialistId: string; lastSeenAt: Date }>();
  const repo: StaffAccessRepository = {
    async createLoginToken(t) {
      tokens.set(t.tokenHash, { ...t, usedAt: null });
    },
    async spendLoginToken(tokenHash, now) {
      const t = tokens.get(tokenHash);
      if (!t || t.usedAt || t.expiresAt <= now) return null;
      t.usedAt = now;
      return t.specialistId;
    },
    async createSession(s) {
      sessions.set(s.idHash, { specialistId: s.specialistId, lastSeenAt: s.now });
    },
    async sessionSpecialist(idHash, idleSince, now) {
      const s = sessions.get(idHash);
      if (!s || s.lastSeenAt <= idleSince || !specialist.active) return null;
      s.lastSeenAt = now;
      return specialist;
    },
    async endSession(idHash) {
      sessions.delete(idHash);
    },
    async endSessionsOf() {
      return 0;
    },
  };
  return { repo, tokens, sessions };
}

describe('sign-in links', () => {
  let at = new Date('2026-12-01T09:00:00Z');
  const advance = (minutes: number) => {
    at = new Date(at.getTime() + minutes * 60_000);
  };
  let n = 0;
  const signIn = createSignIn({
    clock: { now: () => at },
    randomToken: () => `token-${++n}`.padEnd(43, 'x'),
    hash,
    publicUrl: 'https://poruch.example.org',
  });
  const anna: Specialist = {
    id: 'anna',
    centreId: 'c',
    role: 'SPECIALIST',
    displayName: 'Anna',
    languages: ['uk'],
    active: true,
    handleId: null,
  };

  it('gives a link that works once, stores only its hash, and opens a session that idles out after 12 h', async () => {
    const { repo, tokens } = memoryRepo(anna);
    const link = await signIn.issueLink(repo, anna);
    const token = link?.url.split('/').pop() as string;
    expect(link?.url).toBe(`https://poruch.example.org/console/login/${token}`);
    expect([...tokens.keys()]).toEqual([hash(token)]);

    const session = await signIn.signIn(repo, token);
    expect(session?.specialist.id).toBe('anna');
    expect(await signIn.signIn(repo, token)).toBeNull();

    const id = session?.sessionId as string;
    advance(11 * 60);
    expect(await signIn.session(repo, id)).not.toBeNull();
    advance(12 * 60 + 1);
    expect(await signIn.session(repo, id)).toBeNull();
  });

  it('refuses a link after 10 minutes, and gives none to a switched-off specialist', async () => {
    const { repo } = memoryRepo(anna);
    const link = await signIn.issueLink(repo, anna);
    advance(10);
    expect(await signIn.signIn(repo, link?.url.split('/').pop() as string)).toBeNull();
    expect(await signIn.issueLink(repo, { ...anna, active: false })).toBeNull();
  });
});
