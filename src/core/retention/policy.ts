// How long Poruch keeps what people told it, and what stays for the statistics. The rules are here
// (with the clock injected); storage carries each step out as ONE conditional statement, so a run is
// idempotent and two instances running at once only do the work once.
//
// Kept for the statistics, without anything that names or describes a person: each request's kind,
// category, channel, language, urgency, centre, town, times (created, claimed, escalated, closed),
// outcome and audit trail (who acted when, never words), and the id of the anonymous reporter
// handle, so that "several requests from one person" can still be counted but nobody identified.
import type { Clock } from '../ports/index.js';

export interface RetentionPeriods {
  /** A closed case's words (description, thread, contact, location) and its reporter's handle. */
  closedCaseDays: number;
  /** Platform update ids kept to recognise a redelivered update. */
  processedUpdateDays: number;
  /** Sent outbox entries (their payload is already forgotten at sending). */
  sentOutboxDays: number;
  /** Outbox entries that could not be delivered (refused, or the person left the bot). */
  failedOutboxDays: number;
  /** The state of a conversation nobody continued (a half-written request included). */
  idleConversationDays: number;
}

/** Telegram lets a bot delete a private chat's messages for 48 hours; their ids are useless after. */
export const RECENT_MESSAGE_HOURS = 48;

/** The steps of a run, in the order they must run (cases before the handles that wrote them). */
export const RETENTION_STEPS = [
  'processedUpdates',
  'recentMessageIds',
  'sentOutbox',
  'failedOutbox',
  'heldOutbox',
  'idleConversations',
  'caseThreads',
  'closedCases',
  'reporterHandles',
  'idleChats',
] as const;
export type RetentionStep = (typeof RETENTION_STEPS)[number];

export type RetentionCounts = Record<RetentionStep, number>;

const DAY = 86_400_000;

/** The instant before which each step's rows are due. */
export function cutoffs(now: Date, periods: RetentionPeriods): Cutoffs {
  const ago = (ms: number) => new Date(now.getTime() - ms);
  const closedCases = ago(periods.closedCaseDays * DAY);
  const idle = ago(periods.idleConversationDays * DAY);
  return {
    processedUpdates: ago(periods.processedUpdateDays * DAY),
    recentMessageIds: ago(RECENT_MESSAGE_HOURS * 3_600_000),
    sentOutbox: ago(periods.sentOutboxDays * DAY),
    failedOutbox: ago(periods.failedOutboxDays * DAY),
    // Held for someone who left the bot: as long as the case's words are kept.
    heldOutbox: closedCases,
    idleConversations: idle,
    caseThreads: closedCases,
    closedCases,
    // A handle goes once all its cases are past closedCases and its chat is idle (both cutoffs).
    reporterHandles: idle,
    idleChats: idle,
  };
}

export type Cutoffs = Record<RetentionStep, Date>;

/**
 * Storage carries out one step: counts what is due, or removes it (returns how many rows). A step
 * decides by the cutoffs alone, not by what earlier steps did, so a dry run counts what a run removes.
 */
export interface RetentionStore {
  count(step: RetentionStep, due: Cutoffs, now: Date): Promise<number>;
  apply(step: RetentionStep, due: Cutoffs, now: Date): Promise<number>;
  /** After a run: makes sure the removed data is gone from the files too (SQLite: its WAL). */
  settle(): Promise<void>;
}

export async function runRetention(
  store: RetentionStore,
  clock: Clock,
  periods: RetentionPeriods,
  options: { dryRun: boolean },
): Promise<RetentionCounts> {
  const now = clock.now();
  const due = cutoffs(now, periods);
  const counts = {} as RetentionCounts;
  for (const step of RETENTION_STEPS) {
    counts[step] = options.dryRun ? await store.count(step, due, now) : await store.apply(step, due, now);
  }
  if (!options.dryRun) await store.settle();
  return counts;
}
