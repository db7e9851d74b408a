// `npm run bench`: how many Telegram updates per second the webhook turns into durable state, on the
// embedded SQLite backend, measured against a bare fastify route in the same run.
//
// Both targets run as their own processes (Poruch through src/main.ts, as in production); autocannon
// and a stand-in Telegram API share this one. Each autocannon connection plays people one after
// another: every person sends the ten updates of a concern report (CONCERN_FLOW), the last being a
// redelivery of "Send". Afterwards the database is counted: one request per finished report, no
// update lost or handled twice, and every queued reply delivered.
//
// Settings (environment): BENCH_UPDATES (default 40000), BENCH_CONNECTIONS (default 40, Telegram's
// default max_connections for a webhook), BENCH_BARE_SECONDS (default 10), BENCH_PROFILE (a folder
// for CPU profiles of the Poruch process).
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import autocannon from 'autocannon';
import { createStore } from '../src/storage/store.js';
import { type ChatContext, CONCERN_FLOW, REDELIVERY_STEP, SEND_STEP } from './concern-flow.js';
import { startFakeTelegramApi } from './fake-telegram-api.js';
import { freePort, spawnTarget, stop, waitUntilUp } from './processes.js';

const UPDATES = Number(process.env.BENCH_UPDATES ?? 40_000);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 40);
const BARE_SECONDS = Number(process.env.BENCH_BARE_SECONDS ?? 10);
const WARMUP_UPDATES = 2_000;
const SECRET = 'bench-webhook-secret_0123456789';
const TOKEN = '123456789:BenchTokenForPoruchWebhook_000000';
const WEBHOOK_PATH = '/telegram/webhook';

const TARGETS = { updatesPerSecond: 3_000, p99Ms: 50, shareOfBare: 0.25 };

interface Counters {
  nextChat: number;
  nextUpdate: number;
  /** Chats whose "Send" press was answered 200 (each must have exactly one request). */
  finishedChats: number;
  /** Distinct update_ids answered 200 (each must be recorded exactly once). */
  acknowledgedUpdates: number;
  failures: Map<number, number>;
  /** performance.now() of the latest answer: autocannon ends `amount` runs on its 1-second tick. */
  lastAnswerAt: number;
}

/** The concern flow as autocannon requests; every connection keeps its own person (context). */
function concernRequests(counters: Counters): autocannon.Request[] {
  return CONCERN_FLOW.map((step, index) => ({
    method: 'POST',
    path: WEBHOOK_PATH,
    setupRequest: (request: autocannon.Request, context: ChatContext) => {
      if (index === 0) context.chatId = counters.nextChat++;
      const updateId = index === REDELIVERY_STEP ? (context.sendUpdateId ?? 0) : counters.nextUpdate++;
      if (index === SEND_STEP) context.sendUpdateId = updateId;
      return { ...request, body: JSON.stringify(step(context, updateId)) };
    },
    onResponse: (status: number) => {
      counters.lastAnswerAt = performance.now();
      if (status !== 200) counters.failures.set(status, (counters.failures.get(status) ?? 0) + 1);
      else if (index !== REDELIVERY_STEP) counters.acknowledgedUpdates++;
      if (status === 200 && index === SEND_STEP) counters.finishedChats++;
    },
  })) as autocannon.Request[];
}

function fire(url: string, counters: Counters, limit: { amount: number } | { duration: number }) {
  return autocannon({
    url,
    connections: CONNECTIONS,
    pipelining: 1,
    ...limit,
    headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': SECRET },
    requests: concernRequests(counters),
  });
}

const newCounters = (firstChat: number): Counters => ({
  nextChat: firstChat,
  nextUpdate: 1,
  finishedChats: 0,
  acknowledgedUpdates: 0,
  failures: new Map(),
  lastAnswerAt: 0,
});

interface Measured {
  updatesPerSecond: number;
  p50: number;
  p99: number;
  total: number;
  seconds: number;
  errors: number;
}

function measured(result: autocannon.Result, seconds: number): Measured {
  return {
    updatesPerSecond: result.requests.total / seconds,
    p50: result.latency.p50,
    p99: result.latency.p99,
    total: result.requests.total,
    seconds,
    errors: result.errors + result.timeouts + result.non2xx,
  };
}

/** A run of `amount` updates, timed from the first request to the last answer. */
async function fireAmount(url: string, counters: Counters, amount: number): Promise<Measured> {
  const started = performance.now();
  const result = await fire(url, counters, { amount });
  return measured(result, (counters.lastAnswerAt - started) / 1000);
}

async function waitForOutbox(
  databaseUrl: string,
): Promise<{ seconds: number; sent: number; pending: number }> {
  const store = createStore(databaseUrl);
  const outbox = store.database.prisma.outboxMessage;
  const started = performance.now();
  try {
    let pending = await outbox.count({ where: { status: 'PENDING' } });
    while (pending > 0 && performance.now() - started < 120_000) {
      await sleep(250);
      pending = await outbox.count({ where: { status: 'PENDING' } });
    }
    const sent = await outbox.count({ where: { status: 'SENT' } });
    return { seconds: (performance.now() - started) / 1000, sent, pending };
  } finally {
    await store.close();
  }
}

async function countRows(databaseUrl: string) {
  const store = createStore(databaseUrl);
  const db = store.database.prisma;
  try {
    const requests = await db.request.count();
    const reporters = (await db.request.groupBy({ by: ['reporterHandleId'] })).length;
    const processedUpdates = await db.processedUpdate.count();
    const outboxNotSent = await db.outboxMessage.count({ where: { status: { not: 'SENT' } } });
    return { requests, reporters, processedUpdates, outboxNotSent };
  } finally {
    await store.close();
  }
}

const fmt = (n: number, digits = 0) =>
  n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const verdict = (ok: boolean) => (ok ? 'met' : 'NOT MET');

async function main(): Promise<void> {
  const workDir = mkdtempSync(path.join(tmpdir(), 'poruch-bench-'));
  const databaseUrl = `file:${path.join(workDir, 'bench.db')}`;
  const api = await startFakeTelegramApi();
  const children: ChildProcess[] = [];
  try {
    console.log(
      `Poruch webhook benchmark: SQLite, ${CONNECTIONS} connections, concern reports of ${CONCERN_FLOW.length} updates each\n`,
    );

    const barePort = await freePort();
    const bareUrl = `http://127.0.0.1:${barePort}${WEBHOOK_PATH}`;
    const bareProcess = spawnTarget('bench/bare-fastify.ts', { PORT: String(barePort) });
    children.push(bareProcess);
    await waitUntilUp(bareUrl, 'POST');
    await fire(bareUrl, newCounters(1), { amount: WARMUP_UPDATES });
    const bare = measured(await fire(bareUrl, newCounters(1), { duration: BARE_SECONDS }), BARE_SECONDS);
    await stop(bareProcess);

    const port = await freePort();
    const url = `http://127.0.0.1:${port}${WEBHOOK_PATH}`;
    const poruchProcess = spawnTarget('src/main.ts', {
      NODE_ENV: 'production',
      LOG_LEVEL: 'warn',
      HOST: '127.0.0.1',
      PORT: String(port),
      DATABASE_URL: databaseUrl,
      HANDLE_KEY: randomBytes(32).toString('hex'),
      TELEGRAM_BOT_TOKEN: TOKEN,
      TELEGRAM_API_ROOT: api.apiRoot,
      TELEGRAM_WEBHOOK_URL: `http://127.0.0.1:${port}${WEBHOOK_PATH}`,
      TELEGRAM_WEBHOOK_SECRET: SECRET,
      VIBER_AUTH_TOKEN: '',
    });
    children.push(poruchProcess);
    await waitUntilUp(`http://127.0.0.1:${port}/health`, 'GET');

    const counters = newCounters(700_000_000);
    await fire(url, counters, { amount: WARMUP_UPDATES });
    const poruch = await fireAmount(url, counters, UPDATES);
    const outbox = await waitForOutbox(databaseUrl);
    await stop(poruchProcess);
    const rows = await countRows(databaseUrl);

    const share = poruch.updatesPerSecond / bare.updatesPerSecond;
    const row = (name: string, m: Measured) =>
      `${name.padEnd(14)}${fmt(m.updatesPerSecond).padStart(10)}${fmt(m.p50, 1).padStart(9)}${fmt(m.p99, 1).padStart(9)}${fmt(m.total).padStart(10)}${fmt(m.errors).padStart(8)}`;
    console.log(
      `${''.padEnd(14)}${'updates/s'.padStart(10)}${'p50 ms'.padStart(9)}${'p99 ms'.padStart(9)}${'updates'.padStart(10)}${'errors'.padStart(8)}`,
    );
    console.log(row('bare fastify', bare));
    console.log(row('Poruch', poruch));
    console.log(`\nPoruch reaches ${fmt(share * 100, 1)} % of bare fastify.`);

    const lost = counters.finishedChats - rows.reporters;
    const duplicated = rows.requests - rows.reporters;
    console.log('\nAfter the run (counted in the database):');
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
      `  replies sent through the outbox        ${fmt(outbox.sent)} (fake Telegram got ${fmt(api.calls.get('sendMessage') ?? 0)}), drained ${fmt(outbox.seconds, 1)} s after the last update, ${fmt(rows.outboxNotSent)} not sent`,
    );
    const failures = [...counters.failures].map(([status, n]) => `${n}× HTTP ${status}`).join(', ');
    if (failures) console.log(`  non-200 answers                        ${failures}`);

    const checks = {
      [`≥ ${fmt(TARGETS.updatesPerSecond)} updates/s`]: poruch.updatesPerSecond >= TARGETS.updatesPerSecond,
      [`p99 < ${TARGETS.p99Ms} ms`]: poruch.p99 < TARGETS.p99Ms,
      [`≥ ${TARGETS.shareOfBare * 100} % of bare fastify`]: share >= TARGETS.shareOfBare,
      'no request lost or duplicated':
        lost === 0 && duplicated === 0 && rows.requests === counters.finishedChats,
      'every update recorded once': rows.processedUpdates === counters.acknowledgedUpdates,
      'no error answers': poruch.errors === 0,
    };
    console.log('\nTargets:');
    for (const [name, ok] of Object.entries(checks)) console.log(`  ${verdict(ok).padEnd(8)} ${name}`);
    if (!Object.values(checks).every(Boolean)) process.exitCode = 1;
  } finally {
    for (const child of children) await stop(child);
    await api.close();
    rmSync(workDir, { recursive: true, force: true });
  }
}

await main();
