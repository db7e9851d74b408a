// `npm run bench:reports:seed [-- FILE]`: an SQLite database with a year of Donetsk oblast's traffic
// for the statistics benchmark: 100,000 closed and 5,000 open requests over the bundled directory's
// 16 centres, each with the audit trail the queue leaves (received, claimed, answered, closed; some
// leases lapse, some requests escalate to the oblast centre), from 60,000 chats of which some write
// again; reports about a child carry their notices to the children's service and police and their
// needs assessment. Deterministic (a seeded generator), and the year ends on SEED_END, so figures
// are stable.
import { randomBytes } from 'node:crypto';
import { existsSync, rmSync } from 'node:fs';
import {
  CASE_OUTCOMES,
  CONCERN_CATEGORIES,
  CONSULTATION_TOPICS,
  type Directory,
} from '../../src/core/model.js';
import { readDirectoryFile } from '../../src/directory/index.js';
import { applyMigrations } from '../../src/storage/migrations.js';
import { createStore } from '../../src/storage/store.js';
import { type RequestStory, writeStory } from './history.js';

export const SEED_END = new Date('2026-12-01T06:00:00Z');
const YEAR_MS = 365 * 86_400_000;
const CLOSED = Number(process.env.BENCH_CLOSED ?? 100_000);
const OPEN = Number(process.env.BENCH_OPEN ?? 5_000);
const CHATS = 60_000;
const BATCH = 2_000;

/** mulberry32: small, fast, and the same sequence on every machine. */
function generator(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
const random = generator(14);
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
/** Minutes between lo and hi, skewed towards lo (most requests are quick, a few take long). */
const skewed = (lo: number, hi: number) => Math.round(lo + (hi - lo) * random() ** 3);

function storyAt(
  directory: Directory,
  specialists: Map<string, string[]>,
  receivedAt: Date,
  open: boolean,
): Omit<RequestStory, 'id' | 'caseCode' | 'reporterHandleId' | 'priorRequests'> {
  // Bigger towns first in the file: weight centres so that a few carry most of the traffic.
  const centres = directory.centres.filter((c) => c.level !== 'OBLAST');
  const centre =
    centres[Math.floor(centres.length * random() ** 2)] ?? (centres[0] as Directory['centres'][number]);
  const concern = random() < 0.6;
  const urgent = concern && random() < 0.1;
  const escalated =
    centre.parentId && random() < 0.04 ? { centreId: centre.parentId, after: urgent ? 15 : 1440 } : undefined;
  const holderCentre = escalated?.centreId ?? centre.id;
  const team = specialists.get(holderCentre) ?? [];
  const base = {
    receivedAt,
    kind: concern ? 'CONCERN' : 'CONSULTATION',
    category: concern ? pick(CONCERN_CATEGORIES) : pick(CONSULTATION_TOPICS),
    urgency: urgent ? 'URGENT' : 'NORMAL',
    channel: random() < 0.7 ? 'TELEGRAM' : 'VIBER',
    language: random() < 0.65 ? 'uk' : 'ru',
    unitId: random() < 0.95 ? pick(centre.coverage) : null,
    centreId: centre.id,
    escalatedTo: escalated,
  } as const;
  const stage = open ? random() : 1;
  const casework = concern ? caseworkOf(base, team, receivedAt) : {};
  if (stage < 0.4) return { ...base, ...casework }; // still waiting
  const claimAfter = (escalated?.after ?? 0) + (urgent ? skewed(2, 60) : skewed(10, 2880));
  const lapsed = random() < 0.03;
  const claims = [
    { specialistId: pick(team), after: claimAfter, lapsed },
    ...(lapsed ? [{ specialistId: pick(team), after: claimAfter + 45 }] : []),
  ];
  if (stage < 0.6) return { ...base, ...casework, claims };
  const answeredAfter = (claims.at(-1)?.after ?? claimAfter) + skewed(5, 600);
  if (open) return { ...base, ...casework, claims, answeredAfter };
  return {
    ...base,
    ...casework,
    claims,
    answeredAfter,
    closed: { after: answeredAfter + skewed(60, 14_400), outcome: pick(CASE_OUTCOMES) },
  };
}

/**
 * The casework a concern gets (issue "Casework"): most notices and assessments on time, some late,
 * some never; nothing dated after the end of the seeded year.
 */
function caseworkOf(
  base: { category: string; urgency: string },
  team: string[],
  receivedAt: Date,
): Pick<RequestStory, 'notices' | 'assessedAt'> {
  const by = team[0] ?? '';
  const until = (SEED_END.getTime() - receivedAt.getTime()) / 60_000;
  const notices: NonNullable<RequestStory['notices']> = [];
  const owesChildrenService = ['VIOLENCE', 'NEGLECT', 'LEFT_WITHOUT_CARE'].includes(base.category);
  if (owesChildrenService && random() < 0.9) {
    notices.push({ recipient: 'CHILDREN_SERVICE', after: skewed(30, 2_000), by });
  }
  if (base.urgency === 'URGENT' && random() < 0.85) {
    notices.push({ recipient: 'POLICE', after: skewed(5, 120), by });
  }
  const assessedAfter = skewed(600, 12_000);
  return {
    notices: notices.filter((n) => n.after < until),
    ...(random() < 0.8 && assessedAfter < until
      ? { assessedAt: new Date(receivedAt.getTime() + assessedAfter * 60_000) }
      : {}),
  };
}

export async function seedReports(file: string): Promise<void> {
  // A file for SQLite, or a postgresql:// URL of an empty database (BENCH_DATABASE_URL in bench:reports).
  const url = file.startsWith('postgres') ? file : `file:${file}`;
  if (url.startsWith('file:') && existsSync(file)) rmSync(file);
  await applyMigrations(url);
  const store = createStore(url);
  try {
    const parsed = await readDirectoryFile('data/centres/donetska.json');
    if (!parsed.ok) throw new Error('the bundled directory does not parse');
    const directory = parsed.value;
    await store.directory.replace(directory);
    const { sql } = store.database;
    const specialists = new Map<string, string[]>();
    await store.database.transaction(async ({ sql: tx }) => {
      for (const c of directory.centres) {
        const ids = [1, 2, 3, 4].map((n) => `${c.id}-s${n}`);
        specialists.set(c.id, ids);
        for (const id of ids) {
          await tx.run(
            `INSERT INTO "Specialist" ("id", "centreId", "displayName", "createdAt") VALUES (?, ?, ?, ?)`,
            [id, c.id, id, SEED_END],
          );
        }
      }
      for (let i = 0; i < CHATS; i++) {
        await tx.run(
          `INSERT INTO "ChatHandle" ("id", "channel", "lookupHash", "encryptedId", "createdAt") VALUES (?, 'TELEGRAM', ?, 'x', ?)`,
          [`chat-${i}`, randomBytes(12).toString('hex'), SEED_END],
        );
      }
    });
    // Closed requests over the whole year (received at least 12 days before its end, so that all
    // could close by then); open ones over its last 60 days. In time order, to count earlier requests.
    const times = [
      ...Array.from({ length: CLOSED }, () => ({
        at: SEED_END.getTime() - 12 * 86_400_000 - random() * (YEAR_MS - 12 * 86_400_000),
        open: false,
      })),
      ...Array.from({ length: OPEN }, () => ({
        at: SEED_END.getTime() - random() * 60 * 86_400_000,
        open: true,
      })),
    ].sort((a, b) => a.at - b.at);
    const earlier = new Map<string, number>();
    for (let start = 0; start < times.length; start += BATCH) {
      await store.database.transaction(async ({ sql: tx }) => {
        for (let i = start; i < Math.min(start + BATCH, times.length); i++) {
          const { at, open } = times[i] as { at: number; open: boolean };
          // A fifth of the requests come from a small pool of chats: people who write again.
          const chat = `chat-${random() < 0.2 ? Math.floor(random() * 5_000) : Math.floor(random() * CHATS)}`;
          const prior = earlier.get(chat) ?? 0;
          earlier.set(chat, prior + 1);
          const story = storyAt(directory, specialists, new Date(at), open);
          await writeStory(tx, {
            ...story,
            id: `r${i}`,
            caseCode: `R${i}`,
            reporterHandleId: chat,
            priorRequests: prior,
          });
        }
      });
    }
    const [counted] = await sql.all<{ requests: number; events: number }>(
      `SELECT (SELECT COUNT(*) FROM "Request") AS "requests", (SELECT COUNT(*) FROM "AuditEvent") AS "events"`,
    );
    console.log(`${file}: ${counted?.requests} requests, ${counted?.events} audit events`);
  } finally {
    await store.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const file = process.argv[2] ?? 'data/bench-reports.db';
  const started = performance.now();
  await seedReports(file);
  console.log(`seeded in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}
