// How every lifecycle operation runs. An attempt reads the request (to work out the change, and to say
// why when it cannot apply), then ONE conditional update decides: of concurrent callers exactly one
// passes the guard. The winner's follow-up writes (message, audit event) commit in the same transaction.
//
// Where that transaction comes from is the caller's choice, made visible as a Unit: the queue
// operation is the outermost caller (a job, a command, a test) and opens one transaction per attempt,
// or it runs inside a transaction its caller opened (the Inbox's update, a console action) and the
// caller commits.
import type { CaseView } from '../model.js';
import type { Repositories, RequestChange, RequestGuard, Store } from '../ports/index.js';
import { err, ok, type Result } from '../result.js';

export interface Plan {
  guard: RequestGuard;
  change: RequestChange;
}

/** Where a queue operation's work runs. */
export interface Unit {
  /** Runs one attempt's work in a transaction. */
  attempt<T>(work: (tx: Repositories) => Promise<T>): Promise<T>;
  /** Where reads that need no transaction go (a refusal's explanation, a list). */
  reads: Repositories;
}

/** The operation is the outermost caller: each attempt opens, commits (or rolls back) its own transaction. */
export const ownTransactions = (store: Store): Unit => ({
  attempt: (work) => store.transaction(work),
  reads: store,
});

/** Inside the caller's open transaction: the operation neither opens nor commits one. */
export const callersTransaction = (tx: Repositories): Unit => ({ attempt: (work) => work(tx), reads: tx });

/**
 * A failed guard is normally explained by the next read (someone else claimed it, it moved centre...).
 * If the fresh read shows nothing in the way, the row changed and changed back in between; try again,
 * each attempt in its own transaction so that it sees the latest committed state. In the caller's
 * transaction the attempts run there: on PostgreSQL (READ COMMITTED) each statement sees what
 * committed before it, and on SQLite nobody else writes while the transaction is open.
 */
const MAX_ATTEMPTS = 3;

export async function decide<T, E>(
  unit: Unit,
  requestId: string,
  plan: (current: CaseView | null, tx: Repositories) => Result<Plan, E> | Promise<Result<Plan, E>>,
  commit: (tx: Repositories, updated: CaseView, before: CaseView) => Promise<T>,
): Promise<Result<T, E>> {
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
    const outcome = await unit.attempt(async (tx): Promise<Result<T, E> | null> => {
      const before = await tx.requests.findById(requestId);
      const planned = await plan(before, tx);
      if (!planned.ok) return err(planned.error);
      const updated = await tx.requests.update(requestId, planned.value.guard, planned.value.change);
      if (!updated || !before) return null;
      return ok(await commit(tx, updated, before));
    });
    if (outcome) return outcome;
  }
  // Not an expected failure: three lost races with no visible reason means something else is wrong.
  throw new Error(`request ${requestId} kept changing under a lifecycle operation`);
}
