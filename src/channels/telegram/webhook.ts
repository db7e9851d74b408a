// The Telegram webhook: a plain fastify route. telegraf's Telegraf/handleUpdate is not needed here:
// our mapper already turns updates into core events, and Telegram is only called through the client.
//
// Order of checks: the secret header first (in onRequest, before the body is even read), so a forged
// request costs nothing and stores nothing; then the body. Answers:
//   401 forged or missing secret;
//   200 once the Inbox has durably handled the update, and also for malformed or ignored updates
//       from Telegram itself (redelivering poison would never succeed). For a pressed button the
//       200 carries `answerCallbackQuery` (Telegram runs a method given in the webhook's answer), so
//       the spinner stops without another HTTP call to Telegram. Only that method goes this way: a
//       method in the webhook's answer gets no result back, so its failure can be neither seen nor
//       retried. A lost answerCallbackQuery costs a spinner; a lost reply (the emergency numbers
//       above all) would cost a person, so every reply goes through the outbox, paced and retried;
//   500 when handling failed unexpectedly, so that Telegram delivers the update again.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { Telegram } from 'telegraf';
import { ALLOWED_UPDATES } from './schema.js';
import { errorSummary, type ProcessUpdate } from './updates.js';

export const SECRET_HEADER = 'x-telegram-bot-api-secret-token';

export interface TelegramWebhookOptions {
  path: string;
  secret: string;
  processUpdate: ProcessUpdate;
}

// Digests have equal length whatever was sent, so the comparison is constant-time and length-safe.
const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();

export function isSecretValid(header: unknown, expected: Buffer): boolean {
  if (typeof header !== 'string') return false;
  return timingSafeEqual(digest(header), expected);
}

export function telegramWebhook(options: TelegramWebhookOptions): FastifyPluginAsync {
  const expected = digest(options.secret);

  async function checkSecret(request: FastifyRequest, reply: FastifyReply) {
    if (isSecretValid(request.headers[SECRET_HEADER], expected)) return;
    request.log.warn('telegram webhook: missing or wrong secret');
    return reply.code(401).send({ error: 'Unauthorized', statusCode: 401 });
  }

  return async (app) => {
    // Broken JSON from an authenticated sender is a poison update: it becomes `null` (rejected and
    // answered 200 by the handler) instead of fastify's 400, which Telegram would redeliver forever.
    const json = app.getDefaultJsonParser('error', 'error');
    app.removeContentTypeParser('application/json');
    app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
      json(request, body as string, (error, value) => {
        if (error) request.log.warn('telegram webhook: body is not JSON');
        done(null, error ? null : value);
      });
    });

    app.post(options.path, { onRequest: checkSecret }, async (request, reply) => {
      try {
        const { callbackQueryId } = await options.processUpdate(request.body);
        if (callbackQueryId === null) return reply.code(200).send({});
        return reply.code(200).send({ method: 'answerCallbackQuery', callback_query_id: callbackQueryId });
      } catch (error) {
        request.log.error(
          { updateId: updateIdOf(request.body), err: errorSummary(error) },
          'telegram update failed; Telegram will deliver it again',
        );
        return reply.code(500).send({ error: 'Internal Server Error', statusCode: 500 });
      }
    });
  };
}

// Only a number is logged: a forged update_id could be any string.
function updateIdOf(body: unknown): number | null {
  const id = typeof body === 'object' && body !== null ? (body as { update_id?: unknown }).update_id : null;
  return typeof id === 'number' ? id : null;
}

/** Points Telegram at our webhook, with the secret it must echo and only the updates we handle. */
export async function setTelegramWebhook(telegram: Telegram, url: string, secret: string): Promise<void> {
  await telegram.setWebhook(url, {
    secret_token: secret,
    allowed_updates: [...ALLOWED_UPDATES],
    drop_pending_updates: false,
  });
}
