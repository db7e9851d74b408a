// Signing in to the staff console without a password: the bot (on /web) or an admin command gives a
// specialist a one-time link; opening it starts a browser session. Random tokens, stored as hashes;
// the link works once within LOGIN_LINK_MINUTES; a session ends after SESSION_IDLE_HOURS unused, on
// sign-out, or the moment the specialist is switched off.
import type { Specialist } from '../model.js';
import type { Clock, StaffAccessRepository } from '../ports/index.js';

export const LOGIN_LINK_MINUTES = 10;
export const SESSION_IDLE_HOURS = 12;

export interface SignInDeps {
  clock: Clock;
  /** A fresh random token (URL-safe). */
  randomToken(): string;
  /** The one-way hash stored instead of a token or session id. */
  hash(secret: string): string;
  /** Where the console lives, e.g. https://poruch.example.org (no trailing slash). */
  publicUrl: string;
}

export const loginPath = (token: string) => `/console/login/${token}`;

export function createSignIn(deps: SignInDeps) {
  const now = () => deps.clock.now();
  return {
    /** A one-time link for an active specialist, written in the caller's transaction. */
    async issueLink(repo: StaffAccessRepository, specialist: Pick<Specialist, 'id' | 'active'>) {
      if (!specialist.active) return null;
      const token = deps.randomToken();
      const expiresAt = new Date(now().getTime() + LOGIN_LINK_MINUTES * 60_000);
      await repo.createLoginToken({ tokenHash: deps.hash(token), specialistId: specialist.id, expiresAt });
      return { url: `${deps.publicUrl}${loginPath(token)}`, expiresAt };
    },

    /** Spends the token and opens a session; null for a forged, expired or used token. */
    async signIn(repo: StaffAccessRepository, token: string) {
      const specialistId = await repo.spendLoginToken(deps.hash(token), now());
      if (!specialistId) return null;
      const sessionId = deps.randomToken();
      await repo.createSession({ idHash: deps.hash(sessionId), specialistId, now: now() });
      // Read back through the session, so a switched-off specialist's link opens nothing.
      const specialist = await this.session(repo, sessionId);
      return specialist ? { sessionId, specialist } : null;
    },

    /** The signed-in specialist of a session id, or null when it is unknown, idle too long or switched off. */
    session(repo: StaffAccessRepository, sessionId: string) {
      const idleSince = new Date(now().getTime() - SESSION_IDLE_HOURS * 3_600_000);
      return repo.sessionSpecialist(deps.hash(sessionId), idleSince, now());
    },

    signOut: (repo: StaffAccessRepository, sessionId: string) => repo.endSession(deps.hash(sessionId)),
  };
}

export type SignIn = ReturnType<typeof createSignIn>;
