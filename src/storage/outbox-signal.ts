// PostgreSQL only: app instances tell each other "there is something to send" with LISTEN/NOTIFY,
// so a reply written through one instance can be picked up by another at once instead of at the
// next poll. One dedicated connection (Prisma cannot LISTEN) both listens and notifies. Notices are
// coalesced (at most one per NOTIFY_GAP_MS per instance) and carry the sender's name, so an
// instance ignores its own. On SQLite there is one process per file and nothing to do.
//
// A lost connection (a server restart, a failover, an administrator's pg_terminate_backend) is
// opened again, after RECONNECT_MS and then twice as long each failed try up to RECONNECT_MAX_MS:
// without it the instance would silently fall back to its slow poll for the rest of its life.
// Notices sent while it was away are lost, so a restored connection wakes the dispatcher once.
import pg from 'pg';
import type { Logger } from '../core/ports/index.js';

const CHANNEL = 'poruch_outbox';
const NOTIFY_GAP_MS = 50;
const RECONNECT_MS = 500;
const RECONNECT_MAX_MS = 30_000;
/** The connection's name in pg_stat_activity (so an operator can tell what it is). */
export const SIGNAL_APPLICATION = 'poruch-outbox-signal';

export interface OutboxSignal {
  /** Tell the other instances (coalesced). */
  announce(): void;
  close(): Promise<void>;
}

export interface SignalOptions {
  /** First wait before opening a lost connection again (tests make it short). */
  reconnectMs?: number;
}

export async function listenForOutbox(
  databaseUrl: string,
  self: string,
  onNotice: () => void,
  log: Logger,
  options: SignalOptions = {},
): Promise<OutboxSignal> {
  const firstRetryMs = options.reconnectMs ?? RECONNECT_MS;
  let client: pg.Client | null = null;
  let closed = false;
  let retry: NodeJS.Timeout | null = null;
  let pending: NodeJS.Timeout | null = null;

  async function open(): Promise<pg.Client> {
    const next = new pg.Client({
      connectionString: databaseUrl,
      application_name: `${SIGNAL_APPLICATION} ${self}`.slice(0, 63),
    });
    // Handled by the 'end' that follows; without a listener an 'error' would crash the process.
    next.on('error', (error) => log.warn({ err: error.message }, 'outbox LISTEN connection lost'));
    next.on('notification', (message) => {
      if (message.channel === CHANNEL && message.payload !== self) onNotice();
    });
    try {
      await next.connect();
      await next.query(`LISTEN ${CHANNEL}`);
    } catch (error) {
      await next.end().catch(() => {});
      throw error;
    }
    next.once('end', () => {
      if (client === next) client = null;
      if (!closed) reopenAfter(firstRetryMs);
    });
    return next;
  }

  function reopenAfter(waitMs: number): void {
    if (retry || closed) return;
    retry = setTimeout(async () => {
      retry = null;
      try {
        const next = await open();
        if (closed) {
          await next.end().catch(() => {});
          return;
        }
        client = next;
        log.info({}, 'outbox LISTEN connection restored');
        onNotice(); // what other instances announced meanwhile was not heard
      } catch (error) {
        log.warn({ err: (error as Error).message }, 'outbox LISTEN reconnect failed');
        reopenAfter(Math.min(waitMs * 2, RECONNECT_MAX_MS));
      }
    }, waitMs);
    retry.unref();
  }

  client = await open();
  return {
    announce() {
      if (pending || closed) return;
      pending = setTimeout(() => {
        pending = null;
        // Without a connection the notice is dropped: the others' poll still finds the work.
        client?.query('SELECT pg_notify($1, $2)', [CHANNEL, self]).catch((error: Error) => {
          log.warn({ err: error.message }, 'outbox NOTIFY failed');
        });
      }, NOTIFY_GAP_MS);
    },
    async close() {
      closed = true;
      if (pending) clearTimeout(pending);
      if (retry) clearTimeout(retry);
      await client?.end().catch(() => {});
    },
  };
}
