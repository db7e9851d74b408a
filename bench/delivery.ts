// `npm run bench:delivery`: Poruch at Telegram's real limits. 300 people file concern reports at
// once (about 2,700 webhook updates in a few seconds; every tenth says a child is in immediate
// danger) while a stand-in Bot API enforces 30 messages/s per bot and 1/s per chat (with a short
// burst), answering anything above with 429 and retry_after, as Telegram does. Printed: 429s and
// their share of sends, the delivered rate while a backlog waits, how long each endangered person
// waited for the emergency numbers, and whether every reply arrived exactly once.
//
// Settings (environment): BENCH_PEOPLE (300), BENCH_CONNECTIONS (40), BENCH_DANGER_EVERY (10),
// BENCH_API_BOT_PER_SECOND (30), BENCH_API_BOT_BURST (10), BENCH_API_CHAT_PER_SECOND (1),
// BENCH_API_CHAT_BURST (5), TELEGRAM_MESSAGES_PER_SECOND (Poruch's own, 30).
// `npm run bench:delivery -- --postgres` runs on a new, empty database on the PostgreSQL server
// BENCH_POSTGRES_URL names (dropped afterwards), as `npm run bench -- --postgres` does; default SQLite.
// `-- --postgres --two` runs two instances on it behind a round-robin proxy (bench/round-robin.ts):
// they share one bot budget through the database and wake each other with LISTEN/NOTIFY.
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createHandleCipher } from '../src/crypto/handle-cipher.js';
import { concernFlowWithDanger } from './concern-flow.js';
import { postgresDatabase, sqliteDatabase } from './databases.js';
import { backlogRate, compare, emergencyDelays, owedPerChat, percentile } from './delivery-check.js';
import { type Accepted, REPORT_PATH } from './fake-telegram-api.js';
import { watchOutbox } from './outbox-watch.js';
import { fileReports, nowMs } from './people.js';
import { freePort, spawnTarget, stop, waitUntilUp } from './processes.js';
import { type RoundRobin, startRoundRobin } from './round-robin.js';

const env = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const PEOPLE = env('BENCH_PEOPLE', 300);
const CONNECTIONS = env('BENCH_CONNECTIONS', 40);
const DANGER_EVERY = env('BENCH_DANGER_EVERY', 10);
const LIMITS = {
  bot: { perSecond: env('BENCH_API_BOT_PER_SECOND', 30), burst: env('BENCH_API_BOT_BURST', 10) },
  chat: { perSecond: env('BENCH_API_CHAT_PER_SECOND', 1), burst: env('BENCH_API_CHAT_BURST', 5) },
};
const SECRET = 'bench-webhook-secret_0123456789';
const TOKEN = '123456789:BenchTokenForPoruchDelivery_00000';
const WEBHOOK_PATH = '/telegram/webhook';
const FIRST_CHAT = 800_000_000;
const POSTGRES = process.argv.includes('--postgres');
/** Two instances need a shared database: SQLite is one process per file. */
const INSTANCES = POSTGRES && process.argv.includes('--two') ? 2 : 1;
const TARGETS = { throttledShare: 0.01, perSecond: 27, emergencyMs: 2_000 };

const fmt = (n: number, digits = 0) =>
  n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

async function main(): Promise<void> {
  const database = POSTGRES ? await postgresDatabase() : sqliteDatabase();
  const kind = POSTGRES ? 'PostgreSQL' : 'SQLite';
  const apiPort = await freePort();
  const apiRoot = `http://127.0.0.1:${apiPort}`;
  const apiProcess = spawnTarget('bench/stand-in-api.ts', {
    PORT: String(apiPort),
    API_BOT_PER_SECOND: String(LIMITS.bot.perSecond),
    API_BOT_BURST: String(LIMITS.bot.burst),
    API_CHAT_PER_SECOND: String(LIMITS.chat.perSecond),
    API_CHAT_BURST: String(LIMITS.chat.burst),
  });
  const handleKey = randomBytes(32);
  let poruch: ChildProcess[] = [];
  let proxy: RoundRobin | null = null;
  try {
    await waitUntilUp(`${apiRoot}${REPORT_PATH}`, 'GET');
    const ports = await Promise.all(Array.from({ length: INSTANCES }, freePort));
    proxy = INSTANCES > 1 ? await startRoundRobin(ports) : null;
    const url = `${proxy?.url ?? `http://127.0.0.1:${ports[0]}`}${WEBHOOK_PATH}`;
    // Started together, as on a fresh deployment: the start-up lock lets both come up.
    poruch = ports.map((port) =>
      spawnTarget('src/main.ts', {
        NODE_ENV: 'production',
        LOG_LEVEL: 'warn',
        HOST: '127.0.0.1',
        PORT: String(port),
        DATABASE_URL: database.url,
        HANDLE_KEY: handleKey.toString('hex'),
        TELEGRAM_BOT_TOKEN: TOKEN,
        TELEGRAM_API_ROOT: apiRoot,
        TELEGRAM_WEBHOOK_URL: url,
        TELEGRAM_WEBHOOK_SECRET: SECRET,
        VIBER_AUTH_TOKEN: '',
      }),
    );
    for (const port of ports) await waitUntilUp(`http://127.0.0.1:${port}/health`, 'GET');
    console.log(
      `Poruch delivery benchmark: ${kind}, ${INSTANCES === 1 ? 'one instance' : `${INSTANCES} instances behind round-robin`}, ${fmt(PEOPLE)} people, ${CONNECTIONS} connections, ` +
        `every ${DANGER_EVERY}th in danger\nStand-in Bot API: ${LIMITS.bot.perSecond}/s per bot (burst ${LIMITS.bot.burst}), ` +
        `${LIMITS.chat.perSecond}/s per chat (burst ${LIMITS.chat.burst}), 429 + retry_after above\n`,
    );

    const inDanger = (chatId: number) => (chatId - FIRST_CHAT) % DANGER_EVERY === 0;
    let filed = false;
    const watching = watchOutbox(database.url, 250, 15 * 60_000, () => filed);
    const burst = await fileReports({
      url,
      secret: SECRET,
      flow: concernFlowWithDanger(inDanger),
      people: PEOPLE,
      connections: CONNECTIONS,
      firstChat: FIRST_CHAT,
      inDanger,
    });
    const burstEnded = nowMs();
    filed = true;
    const samples = await watching;
    for (const child of poruch) await stop(child);
    poruch = [];
    const api = (await (await fetch(`${apiRoot}${REPORT_PATH}`)).json()) as {
      accepted: Accepted[];
      throttled: number;
    };

    const cipher = createHandleCipher(handleKey);
    const owed = await owedPerChat(
      database.url,
      cipher,
      burst.people.map((p) => p.chatId),
    );
    const check = compare(owed, api.accepted);
    const emergency = emergencyDelays(burst.people, api.accepted);
    const rate = backlogRate(samples, api.accepted, LIMITS.bot.perSecond);
    const after = backlogRate(
      samples.filter((s) => s.at >= burstEnded),
      api.accepted,
      LIMITS.bot.perSecond,
    );
    const sends = api.accepted.length + api.throttled;
    const share = sends > 0 ? api.throttled / sends : 0;
    const first = api.accepted[0]?.at ?? 0;
    const last = api.accepted.at(-1)?.at ?? 0;

    console.log(
      `Burst: ${fmt(burst.updates)} updates in ${fmt(burst.seconds, 1)} s (${fmt(burst.failures)} not answered 200)`,
    );
    if (proxy)
      console.log(`  round-robin: ${proxy.forwarded.map((n) => fmt(n)).join(' / ')} updates per instance`);
    console.log(
      `Messages accepted by the API      ${fmt(api.accepted.length)} over ${fmt((last - first) / 1000, 1)} s`,
    );
    console.log(
      `429 answers                       ${fmt(api.throttled)} (${fmt(share * 100, 2)} % of sends)`,
    );
    console.log(
      `Delivered while backlogged        ${fmt(rate.perSecond, 1)} messages/s (${fmt(rate.messages)} in ${fmt(rate.seconds, 1)} s with ≥ ${LIMITS.bot.perSecond} chats waiting)`,
    );
    console.log(
      `  of which after the burst        ${fmt(after.perSecond, 1)} messages/s (${fmt(after.messages)} in ${fmt(after.seconds, 1)} s)`,
    );
    console.log(
      `Emergency numbers, update → sent  max ${fmt(emergency.delays.at(-1) ?? Number.NaN)} ms, p99 ${fmt(percentile(emergency.delays, 0.99))} ms, p50 ${fmt(percentile(emergency.delays, 0.5))} ms (${emergency.delays.length} people, ${emergency.missing} never got them)`,
    );
    console.log(
      `Replies                           ${fmt(check.expected)} queued, ${fmt(check.notSent)} not sent, ${fmt(check.lost)} lost, ${fmt(check.duplicated)} sent twice`,
    );

    const checks = {
      [`429s under ${TARGETS.throttledShare * 100} % of sends`]: share < TARGETS.throttledShare,
      [`≥ ${TARGETS.perSecond} messages/s while backlogged`]: rate.perSecond >= TARGETS.perSecond,
      [`every emergency-number message within ${TARGETS.emergencyMs / 1000} s`]:
        emergency.missing === 0 && (emergency.delays.at(-1) ?? 0) <= TARGETS.emergencyMs,
      'all replies delivered': check.notSent === 0 && check.lost === 0,
      'none twice': check.duplicated === 0,
    };
    console.log('\nTargets:');
    for (const [name, ok] of Object.entries(checks))
      console.log(`  ${(ok ? 'met' : 'NOT MET').padEnd(8)} ${name}`);
    if (!Object.values(checks).every(Boolean)) process.exitCode = 1;
  } finally {
    for (const child of poruch) await stop(child);
    await proxy?.close();
    await stop(apiProcess);
    await database.drop();
  }
}

await main();
