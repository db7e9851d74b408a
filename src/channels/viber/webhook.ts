// The Viber webhook as a fastify plugin. Order matters: raw bytes → signature → JSON → zod → core.
// A forged or unsigned request is answered 401 at once (viber-bot leaves it hanging) and nothing
// about it reaches the Inbox or the database. A correctly signed callback that we cannot read (not
// JSON, or not the shape Viber documents) is a poison callback: Viber redelivers anything not
// answered 2xx, and the same bytes would fail again forever, so it is logged and answered 200.
import type { FastifyPluginAsync } from 'fastify';
import { parseCallback } from './callbacks.js';
import { type EventDeps, handleCallback } from './events.js';
import { isSignatureValid, SIGNATURE_HEADER } from './signature.js';

export interface WebhookDeps extends EventDeps {
  path: string;
  authToken: string;
}

/** Viber callbacks are a few KB (a text is at most 7000 characters); more is not from Viber. */
export const WEBHOOK_BODY_LIMIT = 64 * 1024;

export function viberWebhook(deps: WebhookDeps): FastifyPluginAsync {
  return async (app) => {
    // Scoped to this plugin (no fastify-plugin wrapper): every body here stays a Buffer, whatever
    // its content type, because the signature covers the exact bytes Viber sent.
    app.removeAllContentTypeParsers();
    app.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, body, done) => done(null, body));

    app.post(deps.path, { bodyLimit: WEBHOOK_BODY_LIMIT }, async (request, reply) => {
      const log = deps.logger;
      const raw = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
      const signature = request.headers[SIGNATURE_HEADER];
      if (!isSignatureValid(raw, signature, deps.authToken)) {
        log.warn(
          { reqId: request.id, reason: signature ? 'forged' : 'missing' },
          'viber: signature rejected',
        );
        return reply.code(401).send({ error: 'Unauthorized', statusCode: 401 });
      }
      const parsed = parseCallback(raw);
      if (!parsed.ok) {
        // Only the kind of problem is logged: the body may carry someone's id or words.
        log.warn({ reqId: request.id, problem: parsed.error }, 'viber: malformed callback dropped');
        return reply.code(200).send({});
      }
      if (!parsed.value.known) {
        log.debug({ reqId: request.id, event: parsed.value.event }, 'viber: event ignored');
        return reply.code(200).send({});
      }
      const { callback, messageToken } = parsed.value;
      try {
        const body = await handleCallback(callback, messageToken, deps);
        return reply.code(200).send(body ?? {});
      } catch (error) {
        // Not handled durably: Viber retries on a non-2xx answer. An error message may quote ids or
        // text, so only its name and code are logged.
        log.error(
          { reqId: request.id, event: callback.event, messageToken, ...errorKind(error) },
          'viber: update failed',
        );
        return reply.code(500).send({ error: 'Internal Server Error', statusCode: 500 });
      }
    });
  };
}

function errorKind(error: unknown): { error: string; code?: string } {
  if (!(error instanceof Error)) return { error: typeof error };
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' ? { error: error.name, code } : { error: error.name };
}
