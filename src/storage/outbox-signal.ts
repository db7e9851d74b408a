// PostgreSQL only: app instances tell each other "there is something to send" with LISTEN/NOTIFY,
// so a reply written through one instance can be picked up by another at once instead of at the
// next poll. One dedicated connection (Prisma cannot LISTEN) both listens and notifies. Notices are
// coalesced (at most one per NOTIFY_GAP_MS per instance) and carry the sender's name, so an
// instance ignores its own. On SQLite there is one process per file and nothing to do.
import pg from 'pg';
import type { Logger } from '../core/ports/index.js';

const CHANNEL = 'poruch_outbox';
const NOTIFY_GAP_MS = 50;

export interface OutboxSignal {
  /** Tell the other instances (coalesced). */
  announce(): void;
  close(): Promise<void>;
}

export async function listenForOutbox(
  databaseUrl: string,
  self: string,
  onNotice: () => void,
  log: Logger,
): Promise<OutboxSignal> {
  const client = new pg.Client({ connectionString: databaseUrl });
  // Losing the connection only costs speed: the dispatcher's poll still finds the work.
  client.on('error', (error) => log.warn({ err: error.message }, 'outbox LISTEN connection lost'));
  await client.connect();
  client.on('notification', (message) => {
    if (message.channel === CHANNEL && message.payload !== self) onNotice();
  });
  await client.query(`LISTEN ${CHANNEL}`);
  let pending: NodeJS.Timeout | null = null;
  let closed = false;
  return {
    announce() {
      if (pending || closed) return;
      pending = setTimeout(() => {
        pending = null;
        client.query('SELECT pg_notify($1, $2)', [CHANNEL, self]).catch((error: Error) => {
          log.warn({ err: error.message }, 'outbox NOTIFY failed');
        });
      }, NOTIFY_GAP_MS);
    },
    async close() {
      closed = true;
      if (pending) clearTimeout(pending);
      await client.end().catch(() => {});
    },
  };
}
