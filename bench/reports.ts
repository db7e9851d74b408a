// `npm run bench:reports [-- FILE]`: how long the data of each statistics page takes on a year of
// traffic (100,000 closed and 5,000 open requests, bench/reports/seed.ts; seeded first when FILE,
// default data/bench-reports.db, does not exist). With BENCH_DATABASE_URL=postgresql://... the same
// on PostgreSQL, seeded into that empty database the first time.
//
// What is timed: everything the console does for a page except drawing its HTML and charts: every
// SQL query of the report (casework deadlines included), its assembly, and its tables with
// small-count suppression. Each dashboard runs once to warm up, then BENCH_RUNS times (default 7);
// min, median and max wall time are printed, because the machine is shared and single runs are noisy,
// and the median CPU time of this process (what the work costs without waiting for a shared core).
import { existsSync } from 'node:fs';
import { loadavg } from 'node:os';
import { DEFAULT_CASEWORK_POLICY } from '../src/core/casework/deadlines.js';
import { type Directory, LOCALES } from '../src/core/model.js';
import { tablesFor } from '../src/core/reports/exposure.js';
import { REACTIONS, type ReportScope } from '../src/core/reports/model.js';
import { lastDays } from '../src/core/reports/period.js';
import { buildReport } from '../src/core/reports/report.js';
import { centreNames } from '../src/export/report-csv.js';
import { applyMigrations } from '../src/storage/migrations.js';
import { reportSources } from '../src/storage/reports/index.js';
import { createStore } from '../src/storage/store.js';
import { SEED_END, seedReports } from './reports/seed.js';

const TARGET_MS = 300;
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const file = process.argv[2] ?? 'data/bench-reports.db';
const clock = { now: () => SEED_END };

const postgres = process.env.BENCH_DATABASE_URL;
if (postgres) {
  // PostgreSQL: seeded once into that (empty) database; its Request table tells whether it was.
  await applyMigrations(postgres);
  const probe = createStore(postgres);
  const [row] = await probe.database.sql.all<{ n: number }>(
    'SELECT CAST(COUNT(*) AS INTEGER) AS "n" FROM "Request"',
  );
  await probe.close();
  if (!row?.n) await seedReports(postgres);
} else if (!existsSync(file)) {
  console.log(`${file} does not exist: seeding it (about a minute)`);
  await seedReports(file);
}
const url = postgres ?? `file:${file}`;
await applyMigrations(url);
const store = createStore(url);
const directory: Directory = await store.directory.load();
const sources = reportSources(store.database, DEFAULT_CASEWORK_POLICY);
const [locale] = LOCALES;
const oblastCentres = directory.centres.map((c) => c.id);

async function dashboard(scope: ReportScope, days: number) {
  const period = lastDays(clock, days);
  const report = await buildReport(
    { ...sources, clock },
    scope,
    period,
    'oblastId' in scope ? oblastCentres : [],
  );
  const { tables } = tablesFor(
    report,
    { units: directory.units, nameOf: centreNames(directory, locale) },
    locale,
  );
  return { received: report.total.received, tables: tables.length };
}

const [top] = await store.database.sql.all<{ centreId: string }>(
  `SELECT "centreId" FROM "Request" GROUP BY "centreId" ORDER BY COUNT(*) DESC LIMIT 1`,
);
const busiest = top?.centreId ?? '';
const cases: { name: string; scope: ReportScope; days: number }[] = [
  { name: `centre dashboard (${busiest}), last 30 days`, scope: { centreId: busiest }, days: 30 },
  { name: `centre dashboard (${busiest}), last 365 days`, scope: { centreId: busiest }, days: 365 },
  { name: 'oblast roll-up (16 centres), last 30 days', scope: { oblastId: 'donetska' }, days: 30 },
  { name: 'oblast roll-up (16 centres), last 365 days', scope: { oblastId: 'donetska' }, days: 365 },
];

const [counts] = await store.database.sql.all<{ closed: number; open: number }>(
  `SELECT SUM(CASE WHEN "status" = 'CLOSED' THEN 1 ELSE 0 END) AS "closed",
          SUM(CASE WHEN "status" <> 'CLOSED' THEN 1 ELSE 0 END) AS "open" FROM "Request"`,
);
/** Like `uptime`: on a shared machine the wall times mean little without it. */
const load = () =>
  `load average ${loadavg()
    .map((l) => l.toFixed(2))
    .join(', ')}`;
console.log(
  `${postgres ? 'PostgreSQL' : file}: ${counts?.closed} closed and ${counts?.open} open requests; ${RUNS} runs after one warm-up; ${load()}\n`,
);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)] ?? 0;
const ms = (n: number | undefined) => `${(n ?? 0).toFixed(0).padStart(5)} ms`;
let over = 0;
for (const c of cases) {
  const { received, tables } = await dashboard(c.scope, c.days);
  const times: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    const cpuBefore = process.cpuUsage();
    await dashboard(c.scope, c.days);
    const used = process.cpuUsage(cpuBefore);
    times.push(performance.now() - started);
    cpu.push((used.user + used.system) / 1000);
  }
  if (median(times) > TARGET_MS) over++;
  console.log(
    `${c.name.padEnd(52)} wall: min ${ms(Math.min(...times))} median ${ms(median(times))} max ${ms(Math.max(...times))}` +
      ` | CPU median ${ms(median(cpu))}   (${received} requests, ${tables} tables)`,
  );
}
/**
 * Where the time of the slowest dashboard goes: each query of the report alone, one after the other
 * (the page runs them at once), median of BENCH_RUNS, wall and CPU of this process. On PostgreSQL
 * the CPU is the server's, not ours: there only the wall time tells.
 */
async function breakdown(scope: ReportScope, days: number) {
  const period = lastDays(clock, days);
  const now = clock.now();
  const { source, casework } = sources;
  const queries: [string, () => Promise<unknown>][] = [
    ['received (all breakdowns)', () => source.received(scope, period)],
    ['received per day', () => source.receivedPerDay(scope, period)],
    ['closed by outcome', () => source.closedByOutcome(scope, period)],
    ['escalations, lease lapses', () => source.events(scope, period)],
    ['backlog', () => source.backlog(scope, now)],
    ...REACTIONS.map((r): [string, () => Promise<unknown>] => [
      `reaction times: ${r}`,
      () => source.reactionTimes(scope, period, r),
    ]),
    ['casework deadlines', () => casework.deadlines(scope, period, now)],
  ];
  console.log(`\nper query, oblast roll-up, last ${days} days (alone, median of ${RUNS}):`);
  for (const [name, run] of queries) {
    await run();
    const times: number[] = [];
    const cpu: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const started = performance.now();
      const cpuBefore = process.cpuUsage();
      await run();
      const used = process.cpuUsage(cpuBefore);
      times.push(performance.now() - started);
      cpu.push((used.user + used.system) / 1000);
    }
    console.log(`  ${name.padEnd(28)} wall ${ms(median(times))} | CPU ${ms(median(cpu))}`);
  }
}
await breakdown({ oblastId: 'donetska' }, 365);

console.log(`\n${load()} (2 cores: above 2, the wall times include waiting for a core; CPU does not)`);
console.log(
  `target: median under ${TARGET_MS} ms per dashboard — ${over === 0 ? 'met' : `missed by ${over}`}`,
);
await store.close();
