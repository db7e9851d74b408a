// Writes a request together with the audit trail the queue would have left, at chosen moments: the
// statistics tests need exact times to compute figures by hand, and the benchmark needs 100,000 such
// requests quickly. Plain SQL through src/storage/sql.ts, so it runs on SQLite and PostgreSQL alike.

import type { CaseOutcome, Channel, RequestKind, Urgency } from '../../src/core/model.js';
import { AUDIT_ACTIONS } from '../../src/core/queue/audit.js';
import { countedAt, secondsBetween } from '../../src/storage/audit.js';
import type { Sql } from '../../src/storage/sql.js';

const MINUTE = 60_000;

/** What happened to one request; times are minutes after it was received. */
export interface RequestStory {
  id: string;
  caseCode: string;
  receivedAt: Date;
  kind: RequestKind;
  category: string;
  urgency?: Urgency;
  channel?: Channel;
  language?: 'uk' | 'ru';
  unitId?: string | null;
  /** The centre it was sent to. */
  centreId: string;
  reporterHandleId: string;
  /** How many requests the same chat had sent before. */
  priorRequests?: number;
  /** Moved up to this centre by the watch job, after `escalatedAfter` minutes. */
  escalatedTo?: { centreId: string; after: number };
  /** Each claim: who, when, and whether its lease ran out (back to the queue 30 minutes later). */
  claims?: { specialistId: string; after: number; lapsed?: boolean }[];
  answeredAfter?: number;
  closed?: { after: number; outcome: CaseOutcome };
  /** The specialist's own category, when recorded (casework: it decides which deadlines apply). */
  caseCategory?: string;
  /** When the needs assessment was recorded. */
  assessedAt?: Date;
  /** Notices to the children's service or police (...), minutes after receipt, recorded by `by`. */
  notices?: { recipient: string; after: number; by: string }[];
}

const at = (story: RequestStory, minutes: number) => new Date(story.receivedAt.getTime() + minutes * MINUTE);

/** The earliest notice to one recipient, as storage/casework.ts keeps it on the request. */
function firstNotice(story: RequestStory, recipient: string): Date | null {
  const afters = (story.notices ?? []).filter((n) => n.recipient === recipient).map((n) => n.after);
  return afters.length > 0 ? at(story, Math.min(...afters)) : null;
}

/** The request row as it stands after its story; then its audit events. */
export async function writeStory(sql: Sql, story: RequestStory): Promise<void> {
  const claims = story.claims ?? [];
  const last = claims[claims.length - 1];
  const holder = last && !last.lapsed ? last : undefined;
  const status = story.closed
    ? 'CLOSED'
    : story.answeredAfter !== undefined
      ? 'ANSWERED'
      : holder
        ? 'CLAIMED'
        : story.escalatedTo
          ? 'ESCALATED'
          : 'NEW';
  await sql.run(
    `INSERT INTO "Request" ("id", "caseCode", "kind", "category", "urgency", "status", "centreId",
       "claimedById", "claimedAt", "escalationLevel", "escalatedAt", "outcome", "closedAt", "language", "channel",
       "unitId", "description", "reporterHandleId", "reporterPriorRequests", "createdAt", "updatedAt",
       "firstClaimedAt", "firstAnsweredAt", "claimSeconds", "firstAnswerSeconds", "closeSeconds",
       "caseCategory", "assessedAt", "firstChildrenServiceNoticeAt", "firstPoliceNoticeAt")
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [
      story.id,
      story.caseCode,
      story.kind,
      story.category,
      story.urgency ?? 'NORMAL',
      status,
      story.escalatedTo?.centreId ?? story.centreId,
      holder?.specialistId ?? null,
      holder ? at(story, holder.after) : null,
      story.escalatedTo ? 1 : 0,
      story.escalatedTo ? at(story, story.escalatedTo.after) : null,
      story.closed?.outcome ?? null,
      story.closed ? at(story, story.closed.after) : null,
      story.language ?? 'uk',
      story.channel ?? 'TELEGRAM',
      story.unitId ?? null,
      'test request',
      story.reporterHandleId,
      story.priorRequests ?? 0,
      story.receivedAt,
      story.receivedAt,
      ...reactionColumns(story),
      story.caseCategory ?? null,
      story.assessedAt ?? null,
      firstNotice(story, 'CHILDREN_SERVICE'),
      firstNotice(story, 'POLICE'),
    ],
  );
  for (const [n, notice] of (story.notices ?? []).entries()) {
    await sql.run(
      `INSERT INTO "CaseNotice" ("id", "requestId", "recipient", "way", "sentAt", "specialistId", "createdAt")
       VALUES (?, ?, ?, 'PHONE', ?, ?, ?)`,
      [
        `${story.id}-n${n}`,
        story.id,
        notice.recipient,
        at(story, notice.after),
        notice.by,
        at(story, notice.after),
      ],
    );
  }
  for (const event of eventsOf(story)) {
    const counted = countedAt(event.action, event.detail);
    await sql.run(
      `INSERT INTO "AuditEvent" ("id", "requestId", "actorType", "actorId", "action", "detail", "createdAt", "countedAtCentreId")
       VALUES (?, ?, ?, ?, ?, ?, ?, ${counted.centre})`,
      [
        `${story.id}-${event.n}`,
        story.id,
        event.actorId ? 'SPECIALIST' : event.action === AUDIT_ACTIONS.enqueued ? 'REPORTER' : 'SYSTEM',
        event.actorId ?? null,
        event.action,
        JSON.stringify(event.detail),
        at(story, event.after),
        counted.param,
      ],
    );
  }
}

/** What storage/audit.ts keeps on the row as the claim, answer and close happen. */
function reactionColumns(story: RequestStory) {
  const firstClaim = story.claims?.length ? Math.min(...story.claims.map((c) => c.after)) : undefined;
  const minutes = [firstClaim, story.answeredAfter, story.closed?.after];
  const [claimed, answered] = minutes.map((m) => (m === undefined ? null : at(story, m)));
  const seconds = minutes.map((m) =>
    m === undefined ? null : secondsBetween(story.receivedAt, at(story, m)),
  );
  return [claimed ?? null, answered ?? null, ...seconds];
}

interface StoryEvent {
  n: number;
  action: string;
  after: number;
  actorId?: string;
  detail: Record<string, unknown>;
}

function eventsOf(story: RequestStory): StoryEvent[] {
  const events: Omit<StoryEvent, 'n'>[] = [
    { action: AUDIT_ACTIONS.enqueued, after: 0, detail: { to: 'NEW', centreId: story.centreId } },
  ];
  if (story.escalatedTo) {
    events.push({
      action: AUDIT_ACTIONS.escalated,
      after: story.escalatedTo.after,
      detail: { fromCentreId: story.centreId, toCentreId: story.escalatedTo.centreId, escalationLevel: 1 },
    });
  }
  for (const claim of story.claims ?? []) {
    events.push({
      action: AUDIT_ACTIONS.claimed,
      after: claim.after,
      actorId: claim.specialistId,
      detail: {},
    });
    if (claim.lapsed) {
      events.push({
        action: AUDIT_ACTIONS.leaseExpired,
        after: claim.after + 30,
        detail: { specialistId: claim.specialistId },
      });
    }
  }
  const holder = story.claims?.at(-1)?.specialistId;
  if (story.answeredAfter !== undefined) {
    events.push({ action: AUDIT_ACTIONS.answered, after: story.answeredAfter, actorId: holder, detail: {} });
  }
  if (story.closed) {
    events.push({
      action: AUDIT_ACTIONS.closed,
      after: story.closed.after,
      actorId: holder,
      detail: { outcome: story.closed.outcome },
    });
  }
  return events.map((e, n) => ({ ...e, n }));
}
