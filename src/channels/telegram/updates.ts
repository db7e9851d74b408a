// One path for every update, whether it came by webhook or by polling: map, hand to the Inbox, then
// stop the button's spinner. Resolves only once the Inbox has durably handled the update; throws
// when it has not, so the caller lets Telegram deliver it again.
import type { Telegram } from 'telegraf';
import type { Inbox, InboxOutcome, Logger } from '../../core/ports/index.js';
import { timeoutSignal } from './client.js';
import { mapUpdate } from './mapper.js';

export type UpdateOutcome = InboxOutcome | 'ignored' | 'rejected';
export type HandleUpdate = (raw: unknown) => Promise<UpdateOutcome>;

/** An update taken in; a pressed button's query still waits for its answer (the spinner stops). */
export interface ProcessedUpdate {
  outcome: UpdateOutcome;
  callbackQueryId: string | null;
}
export type ProcessUpdate = (raw: unknown) => Promise<ProcessedUpdate>;

export interface UpdateHandlerDeps {
  inbox: Inbox;
  telegram: Telegram;
  logger: Logger;
}

/** Map, hand to the Inbox; resolves once the Inbox has durably handled the update. */
export function createUpdateProcessor(deps: Omit<UpdateHandlerDeps, 'telegram'>): ProcessUpdate {
  const { inbox, logger } = deps;
  return async function processUpdate(raw: unknown): Promise<ProcessedUpdate> {
    const mapped = mapUpdate(raw);
    if (mapped.kind === 'rejected') {
      logger.warn({ updateId: mapped.updateId, reason: mapped.reason }, 'telegram update rejected');
      return { outcome: 'rejected', callbackQueryId: mapped.callbackQueryId };
    }
    if (mapped.kind === 'ignored') {
      logger.debug({ updateId: mapped.updateId, reason: mapped.reason }, 'telegram update ignored');
      return { outcome: 'ignored', callbackQueryId: mapped.callbackQueryId };
    }
    const outcome = await inbox.receive(mapped.update);
    logger.debug(
      { updateId: Number(mapped.update.updateId), event: mapped.update.event.type, outcome },
      'telegram update handled',
    );
    return { outcome, callbackQueryId: mapped.callbackQueryId };
  };
}

/**
 * For long polling: process, then answer the button's query through the Bot API. (The webhook
 * answers it in its HTTP response instead, which saves a call per button press.)
 */
export function createUpdateHandler(deps: UpdateHandlerDeps): HandleUpdate {
  const processUpdate = createUpdateProcessor(deps);
  return async function handleUpdate(raw: unknown): Promise<UpdateOutcome> {
    const { outcome, callbackQueryId } = await processUpdate(raw);
    if (callbackQueryId !== null) await answerCallback(deps, callbackQueryId);
    return outcome;
  };
}

// The person's button keeps spinning until the query is answered. A failure here is cosmetic: the
// update is already handled, so it is logged and swallowed.
async function answerCallback(deps: UpdateHandlerDeps, callbackQueryId: string): Promise<void> {
  try {
    await deps.telegram.callApi(
      'answerCallbackQuery',
      { callback_query_id: callbackQueryId },
      { signal: timeoutSignal(5_000) },
    );
  } catch (error) {
    deps.logger.warn({ err: errorSummary(error) }, 'telegram: answerCallbackQuery failed');
  }
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
