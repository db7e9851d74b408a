// The slice of a pino logger the channel uses, so tests can pass a recording one. Fields logged by
// the channel never include message text or a Viber user id.
import type { FastifyBaseLogger } from 'fastify';

export type ChannelLogger = Pick<FastifyBaseLogger, 'debug' | 'info' | 'warn' | 'error'>;
