// The console's error boundary: a short page in the reader's language, never internals. A form
// without a valid CSRF token gets 403 with "reload the page and try again".
import type { FastifyError, FastifyInstance } from 'fastify';
import type { ConsoleDeps } from './deps.js';
import { sendHtml, viewFor } from './view.js';
import { Notice } from './views/layout.js';

export function registerConsoleErrors(app: FastifyInstance, deps: ConsoleDeps) {
  app.setErrorHandler(async (error: FastifyError, request, reply) => {
    const status = error.statusCode && error.statusCode >= 400 ? error.statusCode : 500;
    if (status >= 500) request.log.error({ err: error }, 'console request failed');
    else request.log.warn({ code: error.code, status }, 'console request rejected');
    const kind = error.code?.startsWith('FST_CSRF')
      ? 'csrf'
      : status === 429
        ? 'tooMany'
        : status >= 500
          ? 'server'
          : 'bad';
    const view = viewFor(deps, request, reply);
    return sendHtml(
      reply,
      <Notice view={view} title={view.t(`failure.${kind}.title`)} text={view.t(`failure.${kind}.text`)} />,
      status,
    );
  });
}
