// When to try a failed send again. Exponential backoff from 2 s, capped at 15 minutes, and never
// sooner than the platform asked (Telegram's 429 retry_after). Eight attempts span about 4 minutes
// before the cap; a message still failing after MAX_ATTEMPTS (about 1.5 hours) is given up and logged.

export const MAX_ATTEMPTS = 12;
const BASE_MS = 2_000;
const CAP_MS = 15 * 60_000;

export function nextAttemptDelayMs(attempts: number, retryAfterSeconds?: number): number {
  const backoff = Math.min(CAP_MS, BASE_MS * 2 ** Math.max(0, attempts - 1));
  const asked = retryAfterSeconds !== undefined ? retryAfterSeconds * 1000 : 0;
  return Math.max(backoff, asked);
}
