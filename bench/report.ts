// What the benchmark prints: speed per target, then the database counted after each run.
import { setTimeout as sleep } from 'node:timers/promises';
import { createStore } from '../src/storage/store.js';
import type { Counters, Measured } from './load.js';

export interface Targets {
  updatesPerSecond: number;
  p99Ms: number;
  /** Share of the bare fastify route; null where no target is set. */
  shareOfBare: number | null;
}

export interface AfterRun {
  outbox: { seconds: number; sent: number; pending: number };
  rows: { requests: number; reporters: number; processedUpdates: number; outboxNotSent: number };
}

export interface RunResult extends AfterRun {
  instances: number;
  speed: Measured;
  counters: Counters;
  /** sendMessage calls the stand-in Telegram answered. */
  telegramCalls: number;
}

export const fmt = (n: number, digits = 0) =>
  n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const verdict = (ok: boolean) => (ok ? 'met' : 'NOT MET');
/** How long to wait for the outbox to drain: at Telegram's 30 messages/s a big run cannot drain in 2 min. */
const DRAIN_SECONDS = Number(process.env.BENCH_DRAIN_SECONDS ?? 120);

/** Waits (up to BENCH_DRAIN_SECONDS, default 120 s) for the instances' outbox to drain, then counts rows. */
export async function countAfterRun(databaseUrl: string): Promise<AfterRun> {
  const store = createStore(databaseUrl);
  const db = store.database.prisma;
  const started = performance.now();
  try {
    let pending = await db.outboxMessage.count({ where: { status: 'PENDING' } });
    while (pending > 0 && performance.now() - started < DRAIN_SECONDS * 1000) {
      await sleep(250);
      pending = await db.outboxMessage.count({ where: { status: 'PENDING' } });
    }
    const seconds = (performance.now() - started) / 1000;
    const sent = await db.outboxMessage.count({ where: { status: 'SENT' } });
    const rows = {
      requests: await db.request.count(),
      reporters: (await db.request.groupBy({ by: ['reporterHandleId'] })).length,
      processedUpdates: await db.processedUpdate.count(),
      outboxNotSent: await db.outboxMessage.count({ where: { status: { not: 'SENT' } } }),
    };
    return { outbox: { seconds, sent, pending }, rows };
  } finally {
    await store.close();
  }
}

const nameOf = (run: RunResult) => (run.instances === 1 ? 'Poruch' : `Poruch ×${run.instances} (rr)`);

export function printSpeed(bare: Measured, runs: readonly RunResult[]): void {
  const row = (name: string, m: Measured) =>
    `${name.padEnd(18)}${fmt(m.updatesPerSecond).padStart(10)}${fmt(m.p50, 1).padStart(9)}${fmt(m.p99, 1).padStart(9)}${fmt(m.total).padStart(10)}${fmt(m.errors).padStart(8)}`;
  console.log(
    `${''.padEnd(18)}${'updates/s'.padStart(10)}${'p50 ms'.padStart(9)}${'p99 ms'.padStart(9)}${'updates'.padStart(10)}${'errors'.padStart(8)}`,
  );
  console.log(row('bare fastify', bare));
  for (const run of runs) console.log(row(nameOf(run), run.speed));
  for (const run of runs) {
    console.log(
      `\n${nameOf(run)} reaches ${fmt((run.speed.updatesPerSecond / bare.updatesPerSecond) * 100, 1)} % of bare fastify.`,
    );
  }
}

/** Prints what the database holds after a run; checks the targets when given. True when all are met. */
export function printRun(run: RunResult, bare: Measured, targets: Targets | null): boolean {
  const { counters, rows, outbox, speed } = run;
  const lost = counters.finishedChats - rows.reporters;
  const duplicated = rows.requests - rows.reporters;
  console.log(`\nAfter the ${nameOf(run)} run (counted in the database):`);
  console.log(`  reports finished (Send answered 200)   ${fmt(counters.finishedChats)}`);
  console.log(
    `  requests stored                        ${fmt(rows.requests)} from ${fmt(rows.reporters)} people: ${fmt(lost)} lost, ${fmt(duplicated)} duplicated`,
  );
  console.log(
    `  updates acknowledged / recorded once   ${fmt(counters.acknowledgedUpdates)} / ${fmt(rows.processedUpdates)}`,
  );
  console.log(
    `  redeliveries of Send answered 200      ${fmt(counters.finishedChats)} (none became a request)`,
  );
  console.log(
    `  replies sent through the outbox        ${fmt(outbox.sent)} (fake Telegram got ${fmt(run.telegramCalls)}), drained ${fmt(outbox.seconds, 1)} s after the last update, ${fmt(rows.outboxNotSent)} not sent`,
  );
  const failures = [...counters.failures].map(([status, n]) => `${n}× HTTP ${status}`).join(', ');
  if (failures) console.log(`  non-200 answers                        ${failures}`);

  const share = speed.updatesPerSecond / bare.updatesPerSecond;
  const checks: Record<string, boolean> = {
    'no request lost or duplicated':
      lost === 0 && duplicated === 0 && rows.requests === counters.finishedChats,
    'every update recorded once': rows.processedUpdates === counters.acknowledgedUpdates,
    'no error answers': speed.errors === 0,
  };
  if (targets) {
    checks[`≥ ${fmt(targets.updatesPerSecond)} updates/s`] =
      speed.updatesPerSecond >= targets.updatesPerSecond;
    checks[`p99 < ${targets.p99Ms} ms`] = speed.p99 < targets.p99Ms;
    if (targets.shareOfBare !== null)
      checks[`≥ ${targets.shareOfBare * 100} % of bare fastify`] = share >= targets.shareOfBare;
  }
  console.log(`\nTargets (${nameOf(run)}):`);
  for (const [name, ok] of Object.entries(checks)) console.log(`  ${verdict(ok).padEnd(8)} ${name}`);
  return Object.values(checks).every(Boolean);
}
