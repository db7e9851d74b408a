// One-time invite codes on both backends: a code works once (even when two chats race with it),
// an expired or mistyped code does not work, and only the hash is stored.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { hashInviteCode, issueInvite } from '../../../src/storage/invites.js';
import { createStore, type StoreWithDatabase } from '../../../src/storage/store.js';
import { describeBackends } from '../../helpers/db.js';

describeBackends('specialist invites', (backend) => {
  let store: StoreWithDatabase;
  const chat = async () =>
    (
      await store.database.prisma.chatHandle.create({
        data: { channel: 'TELEGRAM', lookupHash: randomUUID(), encryptedId: 'x' },
      })
    ).id;

  beforeAll(async () => {
    store = createStore(backend.url);
    await store.directory.replace({
      units: [],
      centres: [
        {
          id: 'centre-a',
          level: 'CITY',
          nameUk: 'A',
          nameRu: 'A',
          oblastId: 'o',
          addressUk: null,
          addressRu: null,
          phone: null,
          email: null,
          hoursUk: null,
          hoursRu: null,
          lat: 48,
          lon: 37,
          needsConfirmation: false,
          parentId: null,
          coverage: [],
        },
      ],
    });
  });
  afterAll(() => store?.close());

  it('stores only the hash; the code works once, even when two chats race with it', async () => {
    const { code } = await issueInvite(store.database.prisma, {
      centreId: 'centre-a',
      role: 'ADMIN',
      hours: 1,
      now: new Date(),
    });
    const stored = await store.database.prisma.invite.findMany();
    expect(JSON.stringify(stored)).not.toContain(code);
    expect(stored.map((i) => i.codeHash)).toContain(hashInviteCode(code.toLowerCase()));

    const [first, second] = [await chat(), await chat()];
    const redeem = (handleId: string) =>
      store.transaction((tx) =>
        tx.invites.redeem(hashInviteCode(code), { handleId, displayName: 'x' }, new Date()),
      );
    const results = await Promise.allSettled([redeem(first), redeem(second)]);
    const enrolled = results.flatMap((r) => (r.status === 'fulfilled' && r.value ? [r.value] : []));
    expect(enrolled).toHaveLength(1);
    expect(enrolled[0]).toMatchObject({ centreId: 'centre-a', role: 'ADMIN', active: true });
    expect(await store.database.prisma.specialist.count({ where: { centreId: 'centre-a' } })).toBe(1);
  });

  it('refuses an expired or unknown code', async () => {
    const { code } = await issueInvite(store.database.prisma, {
      centreId: 'centre-a',
      role: 'SPECIALIST',
      hours: 1,
      now: new Date(Date.now() - 2 * 3_600_000),
    });
    const handleId = await chat();
    const redeem = (c: string) =>
      store.transaction((tx) =>
        tx.invites.redeem(hashInviteCode(c), { handleId, displayName: 'x' }, new Date()),
      );
    expect(await redeem(code)).toBeNull();
    expect(await redeem('AAAA-BBBB-CCCC')).toBeNull();
  });
});
