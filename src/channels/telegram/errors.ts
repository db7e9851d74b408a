// What a failed Bot API call means for the outbox. Reasons quote Telegram's description (which names
// the problem, never the message) or the network error's code, so they are safe to store and log.
import { TelegramError } from 'telegraf';
import type { SendOutcome } from '../../core/ports/index.js';

export type Operation = 'send' | 'edit' | 'delete';

interface ApiFailure {
  code: number;
  description: string;
  retryAfter: number | undefined;
}

export function outcomeOfError(
  error: unknown,
  operation: Operation,
  messageId: string | null = null,
): SendOutcome {
  const failure = apiFailureOf(error);
  if (!failure) return { ok: false, kind: 'retry', reason: networkReason(error) };
  const { code, description, retryAfter } = failure;
  const reason = `telegram ${code}: ${description}`.slice(0, 300);
  // Too many requests: the bot as a whole must pause (the dispatcher does), not just this message.
  if (code === 429) {
    return retryAfter === undefined
      ? { ok: false, kind: 'throttled', reason }
      : { ok: false, kind: 'throttled', reason, retryAfterSeconds: retryAfter };
  }
  if (code >= 500) return { ok: false, kind: 'retry', reason };
  // Blocked by the person, or the account is gone: writing again would only be refused again.
  if (code === 403) return { ok: false, kind: 'unreachable', reason };
  if (code === 400) {
    // Editing to the same text is what we wanted anyway (e.g. a notification updated twice).
    if (operation === 'edit' && /message is not modified/i.test(description)) return { ok: true, messageId };
    return { ok: false, kind: 'rejected', reason };
  }
  // 401/404 (a revoked token), 409 and the like are our configuration, not this message: keep it
  // queued so it leaves once an operator fixes the token.
  return { ok: false, kind: 'retry', reason };
}

function apiFailureOf(error: unknown): ApiFailure | null {
  if (error instanceof TelegramError) {
    return {
      code: error.code,
      description: String(error.description ?? ''),
      retryAfter: positive(error.parameters?.retry_after),
    };
  }
  return null;
}

function positive(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : undefined;
}

function networkReason(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    const detail = typeof code === 'string' ? code : error.name;
    return `network: ${detail}`;
  }
  return 'network: unknown error';
}
