// One path for every update, whether it came by webhook or by polling: map, hand to the Inbox, then
// stop the button's spinner. Resolves only once the Inbox has durably handled the update; throws
// when it has not, so the caller lets Telegram deliver it again.
import type { Telegram } from 'telegraf';
import type { Inbox, InboxOutcome } from '../../core/delivery/ports.js';
import { timeoutSignal } from './client.js';
import { mapUpdate } from './mapper.js';

/** The pino-compatible subset this channel logs with. Never pass message text or chat ids. */
export interface ChannelLogger {
  debug(obj: object, msg: string): void;
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export type UpdateOutcome = InboxOutcome | 'ignored' | 'rejected';
export type HandleUpdate = (raw: unknown) => Promise<UpdateOutcome>;

export interface UpdateHandlerDeps {
  inbox: Inbox;
  telegram: Telegram;
  logger: ChannelLogger;
}

export function createUpdateHandler(deps: UpdateHandlerDeps): HandleUpdate {
  const { inbox, logger } = deps;

  // The person's button keeps spinning until the query is answered. A failure here is cosmetic: the
  // update is already handled, so it is logged and swallowed.
  async function answerCallback(callbackQueryId: string | null, updateId: number | null): Promise<void> {
    if (callbackQueryId === null) return;
    try {
      await deps.telegram.callApi(
        'answerCallbackQuery',
        { callback_query_id: callbackQueryId },
        { signal: timeoutSignal(5_000) },
      );
    } catch (error) {
      logger.warn({ updateId, err: errorSummary(error) }, 'telegram: answerCallbackQuery failed');
    }
  }

  return async function handleUpdate(raw: unknown): Promise<UpdateOutcome> {
    const mapped = mapUpdate(raw);
    if (mapped.kind === 'rejected') {
      logger.warn({ updateId: mapped.updateId, reason: mapped.reason }, 'telegram update rejected');
      await answerCallback(mapped.callbackQueryId, mapped.updateId);
      return 'rejected';
    }
    if (mapped.kind === 'ignored') {
      logger.debug({ updateId: mapped.updateId, reason: mapped.reason }, 'telegram update ignored');
      await answerCallback(mapped.callbackQueryId, mapped.updateId);
      return 'ignored';
    }
    const updateId = Number(mapped.update.updateId);
    const outcome = await inbox.receive(mapped.update);
    logger.debug({ updateId, event: mapped.update.event.type, outcome }, 'telegram update handled');
    await answerCallback(mapped.callbackQueryId, updateId);
    return outcome;
  };
}

/**
 * An error as it may be logged: its class and code only. Messages of database and HTTP errors can
 * quote the values involved, i.e. what a person wrote.
 */
export function errorSummary(error: unknown): { type: string; code?: string | number } {
  if (!(error instanceof Error)) return { type: typeof error };
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' || typeof code === 'number'
    ? { type: error.name, code }
    : { type: error.name };
}
