// The store: the repositories as one transaction sees them, and how a transaction is opened.

import type {
  Actor,
  CaseMessage,
  CaseOutcome,
  CaseView,
  CentreContacts,
  Directory,
  MessageAuthor,
  NewRequest,
  RequestStatus,
} from '../model.js';
import type { CaseworkRepository } from './casework.js';
import type { ConversationStore } from './conversation.js';
import type { ChatHandles, OutboxWriter, ProcessedUpdates, RecentMessages } from './delivery.js';
import type { ChatLimitStore } from './limits.js';
import type { InviteRepository, NotificationRepository, SpecialistRepository } from './specialists.js';
import type { StaffAccessRepository } from './staff.js';

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** Which rows a conditional update may touch. All given conditions must hold at the moment of the update. */
export interface RequestGuard {
  statuses: readonly RequestStatus[];
  /** When set, the request must be claimed by this specialist (null: claimed by nobody). */
  claimedById?: string | null;
  /** When set, the request must currently sit in this centre's queue. */
  centreId?: string;
  /** When set, the lease must have expired before this instant. */
  leaseExpiredBefore?: Date;
  /** When set, the request must have been created before this instant. */
  createdBefore?: Date;
}

export interface RequestChange {
  status?: RequestStatus;
  claimedById?: string | null;
  claimedAt?: Date | null;
  leaseExpiresAt?: Date | null;
  centreId?: string;
  escalationLevel?: number;
  escalatedAt?: Date | null;
  outcome?: CaseOutcome | null;
  closedAt?: Date | null;
}

export interface RequestRepository {
  /** Inserts a request; returns null when the case code is already taken (the caller draws another). */
  create(input: NewRequest & { caseCode: string; continuationHash: string | null }): Promise<CaseView | null>;
  findById(id: string): Promise<CaseView | null>;
  findByCaseCode(caseCode: string): Promise<CaseView | null>;
  /** Requests waiting in a centre's queue (NEW, ESCALATED): urgent first, then oldest first. */
  listQueue(centreId: string, limit?: number): Promise<CaseView[]>;
  listByReporter(reporterHandleId: string): Promise<CaseView[]>;
  /** Claimed requests whose lease expired before `now`. */
  listExpiredLeases(now: Date): Promise<CaseView[]>;
  /** Waiting requests of the given urgency created before `before` (candidates for escalation). */
  listWaitingSince(urgency: 'NORMAL' | 'URGENT', before: Date): Promise<CaseView[]>;
  /**
   * ONE conditional update: applies `change` only if `guard` holds at that moment, so that of N
   * concurrent callers exactly one succeeds. Returns the updated request, or null if the guard failed.
   */
  update(id: string, guard: RequestGuard, change: RequestChange): Promise<CaseView | null>;
  /** The reporter's handle id, for replying through the bot. Never shown to staff. */
  reporterHandleOf(id: string): Promise<string | null>;
}

export interface MessageRepository {
  add(
    requestId: string,
    author: MessageAuthor,
    text: string,
    specialistId?: string | null,
  ): Promise<CaseMessage>;
  thread(requestId: string): Promise<CaseMessage[]>;
}

export interface AuditLog {
  record(event: { requestId: string | null; actor: Actor; action: string; detail?: unknown }): Promise<void>;
}

export interface DirectoryRepository {
  load(): Promise<Directory>;
  /**
   * Replaces the whole directory in one transaction: either every row is written or none. Each
   * replacement raises the version by one.
   */
  replace(directory: Directory): Promise<void>;
  /** Cheap to ask: changes exactly when the directory was replaced (0 before the first import). */
  version(): Promise<number>;
  /**
   * A centre's admin corrects its contacts; saving confirms them (needsConfirmation off). False when
   * there is no such centre.
   */
  updateContacts(centreId: string, contacts: CentreContacts): Promise<boolean>;
}

/** The repositories, as seen inside one database transaction. */
export interface Repositories {
  requests: RequestRepository;
  messages: MessageRepository;
  audit: AuditLog;
  /** Chats, by keyed hash; the platform id stays encrypted. */
  handles: ChatHandles;
  updates: ProcessedUpdates;
  outbox: OutboxWriter;
  /** Message ids of the last 48 hours, for /erase. */
  recentMessages: RecentMessages;
  conversations: ConversationStore;
  reporterCases: ReporterCaseLookup;
  specialists: SpecialistRepository;
  invites: InviteRepository;
  notifications: NotificationRepository;
  /** Counters of the per-chat limits on wrong codes and flooding. */
  limits: ChatLimitStore;
  /** The centre's case record: fields, notes, notices, deadline alerts. */
  casework: CaseworkRepository;
  /** The staff console's sign-in links and sessions. */
  staffAccess: StaffAccessRepository;
}

/** The storage half of the person's "my requests": their own cases, found by their handle. */
export interface ReporterCaseLookup {
  listMine(reporterHandleId: string): Promise<CaseView[]>;
  /** The case with this code if it belongs to this reporter. */
  findMine(reporterHandleId: string, caseCode: string): Promise<CaseView | null>;
  /**
   * Moves the case with this continuation-secret hash to another handle and spends the secret; with
   * a case code, only when the secret is that case's (null otherwise, and nothing is spent).
   */
  adopt(continuationHash: string, reporterHandleId: string, caseCode?: string): Promise<CaseView | null>;
}

/**
 * The database. Its repositories work outside any transaction: each call stands alone. For work
 * that must commit together, the outermost caller (a webhook update, a console action, a job, a
 * command) opens a transaction, and everything it calls gets the transaction's repositories (`tx`)
 * as a parameter. Code handed a `tx` uses only it: it never opens a transaction of its own and never
 * reaches back to the store (on SQLite that would wait for the lock its own transaction holds).
 */
export interface Store extends Repositories {
  directory: DirectoryRepository;
  /**
   * Opens a new transaction and runs `work` in it: every write through `tx` commits together when
   * `work` resolves, or not at all when it throws. Never joins another transaction.
   */
  transaction<T>(work: (tx: Repositories) => Promise<T>): Promise<T>;
  /** Cheap round trip for health checks. */
  ping(): Promise<void>;
  close(): Promise<void>;
}
