// One error boundary for HTTP: clients get a status and a short message, never internals.
import type { FastifyError, FastifyInstance } from 'fastify';

export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const status = error.statusCode && error.statusCode >= 400 ? error.statusCode : 500;
    if (status >= 500) request.log.error({ err: error }, 'request failed');
    else request.log.warn({ code: error.code, status }, 'request rejected');
    reply.status(status).send({
      error: status >= 500 ? 'Internal Server Error' : error.message,
      statusCode: status,
    });
  });
  app.setNotFoundHandler((_request, reply) => {
    reply.status(404).send({ error: 'Not Found', statusCode: 404 });
  });
}
