// The outbox's way out to Telegram: core Replies become sendMessage / editMessageText calls, and
// every failure becomes a SendOutcome the dispatcher knows how to handle.
import type { Telegram } from 'telegraf';
import type { Reply } from '../../core/conversation/types.js';
import type { Locale } from '../../core/model.js';
import type { Messenger, SendOutcome } from '../../core/ports/index.js';
import { timeoutSignal } from './client.js';
import { outcomeOfError } from './errors.js';
import { type RenderText, renderEdit, renderReply } from './renderer.js';

export interface TelegramMessengerDeps {
  telegram: Telegram;
  render: RenderText;
  /**
   * telegraf waits up to 500 s for an answer; an outbox entry stays locked while we wait, so a hung
   * connection is cut much sooner and retried.
   */
  timeoutMs?: number;
}

export function createTelegramMessenger(deps: TelegramMessengerDeps): Messenger {
  const timeoutMs = deps.timeoutMs ?? 15_000;
  const signal = () => timeoutSignal(timeoutMs);

  async function send(platformId: string, reply: Reply, locale: Locale): Promise<SendOutcome> {
    const rendered = renderReply(reply, locale, deps.render);
    if (!rendered.ok) return { ok: false, kind: 'rejected', reason: rendered.error };
    const messageIds: string[] = [];
    // Parts of a long text go out in order; a failure part-way is retried from the start, which may
    // repeat the first parts (Telegram has no transactions) but never loses the last one.
    for (const part of rendered.value) {
      try {
        const sent = await deps.telegram.callApi(
          'sendMessage',
          { chat_id: platformId, ...part },
          { signal: signal() },
        );
        messageIds.push(String(sent.message_id));
      } catch (error) {
        return outcomeOfError(error, 'send');
      }
    }
    return { ok: true, messageId: messageIds.at(-1) ?? null, messageIds };
  }

  async function edit(
    platformId: string,
    messageId: string,
    reply: Reply,
    locale: Locale,
  ): Promise<SendOutcome> {
    const rendered = renderEdit(reply, locale, deps.render);
    if (!rendered.ok) return { ok: false, kind: 'rejected', reason: rendered.error };
    const id = Number(messageId);
    if (!Number.isSafeInteger(id))
      return { ok: false, kind: 'rejected', reason: 'not a Telegram message id' };
    const { text, reply_markup, link_preview_options } = rendered.value;
    const payload = {
      chat_id: platformId,
      message_id: id,
      text,
      link_preview_options,
      ...(reply_markup && 'inline_keyboard' in reply_markup ? { reply_markup } : {}),
    };
    try {
      await deps.telegram.callApi('editMessageText', payload, { signal: signal() });
      return { ok: true, messageId };
    } catch (error) {
      return outcomeOfError(error, 'edit', messageId);
    }
  }

  async function remove(platformId: string, messageId: string): Promise<SendOutcome> {
    const id = Number(messageId);
    if (!Number.isSafeInteger(id))
      return { ok: false, kind: 'rejected', reason: 'not a Telegram message id' };
    try {
      await deps.telegram.callApi(
        'deleteMessage',
        { chat_id: platformId, message_id: id },
        { signal: signal() },
      );
      return { ok: true, messageId };
    } catch (error) {
      return outcomeOfError(error, 'delete', messageId);
    }
  }

  return { channel: 'TELEGRAM', send, edit, delete: remove };
}
