// What the outbox holds while a benchmark runs, read from the database next to the app: how many
// chats still wait for something, sampled until nothing is pending.
import { setTimeout as sleep } from 'node:timers/promises';
import { createStore } from '../src/storage/store.js';
import { nowMs } from './people.js';

export interface Sample {
  at: number;
  pendingChats: number;
}

const PENDING_CHATS = `SELECT COUNT(DISTINCT "handleId") AS "n" FROM "OutboxMessage" WHERE "status" = 'PENDING'`;

/**
 * Samples every `everyMs` until no chat waits once `burstEnded()` (or `limitMs` passed). An empty
 * outbox before the burst's replies are written is not the end: on PostgreSQL the first sample
 * came before the first update, and the run measured nothing.
 */
export async function watchOutbox(
  databaseUrl: string,
  everyMs: number,
  limitMs: number,
  burstEnded: () => boolean,
): Promise<Sample[]> {
  const store = createStore(databaseUrl, { maxConnections: 1 });
  const samples: Sample[] = [];
  const started = nowMs();
  try {
    for (;;) {
      const ended = burstEnded(); // before the count: every reply of the burst is in it then
      const [row] = await store.database.sql.all<{ n: number }>(PENDING_CHATS);
      const pendingChats = Number(row?.n ?? 0);
      samples.push({ at: nowMs(), pendingChats });
      if ((pendingChats === 0 && ended) || nowMs() - started > limitMs) return samples;
      await sleep(everyMs);
    }
  } finally {
    await store.close();
  }
}
