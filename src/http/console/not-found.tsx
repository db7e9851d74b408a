// The console's "not found": the same page whether the case does not exist or is another centre's.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ConsoleDeps } from './deps.js';
import { sendHtml, viewFor } from './view.js';
import { Notice } from './views/layout.js';

export function notFound(deps: ConsoleDeps, request: FastifyRequest, reply: FastifyReply) {
  const view = viewFor(deps, request, reply);
  return sendHtml(
    reply,
    <Notice view={view} title={view.t('notFound.title')} text={view.t('notFound.text')} back />,
    404,
  );
}
