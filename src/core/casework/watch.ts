// The deadline half of the watch job: finds open cases whose legal deadline passed, alerts the
// owning specialist and the centre's admins (level 1), and the oblast centre when the deadline is
// still missed `secondAlertAfterMinutes` later (level 2). Each level is sent once: the DeadlineAlert
// row is inserted first and only the run that inserted it alerts, so concurrent runs do no harm.
import type { CaseView, Directory, Specialist } from '../model.js';
import type { Clock, Repositories, Store } from '../ports/index.js';
import { type AlertDue, alertsDue, type CaseworkPolicy, deadlinesOf } from './deadlines.js';
import { CASEWORK_AUDIT } from './service.js';

export interface DeadlineWatchDeps {
  store: Store;
  clock: Clock;
  policy: CaseworkPolicy;
  directory: () => Directory;
  /** Writes the alert to one staff member (through the outbox, in `tx`). */
  tell: (tx: Repositories, to: Specialist, c: CaseView, alert: AlertDue) => Promise<void>;
}

/** The oblast centre above a centre (itself when it is one, null when the chain has none). */
export function oblastCentreOf(directory: Directory, centreId: string): string | null {
  const byId = new Map(directory.centres.map((c) => [c.id, c]));
  let centre = byId.get(centreId);
  for (let hops = 0; centre && hops < 10; hops++) {
    if (centre.level === 'OBLAST') return centre.id;
    centre = centre.parentId ? byId.get(centre.parentId) : undefined;
  }
  return null;
}

async function recipientsOf(
  tx: Repositories,
  deps: DeadlineWatchDeps,
  c: CaseView,
  level: 1 | 2,
): Promise<Specialist[]> {
  if (level === 2) {
    const oblast = oblastCentreOf(deps.directory(), c.centreId);
    return oblast ? tx.specialists.activeOfCentre(oblast, 'ADMIN') : [];
  }
  const admins = await tx.specialists.activeOfCentre(c.centreId, 'ADMIN');
  const holder = c.claimedById ? await tx.specialists.byId(c.claimedById) : null;
  const holderToo = holder?.active && !admins.some((a) => a.id === holder.id) ? [holder] : [];
  return [...holderToo, ...admins];
}

/** One pass; returns how many alerts were sent (each to one or more people). */
export async function watchDeadlines(deps: DeadlineWatchDeps): Promise<number> {
  const now = deps.clock.now();
  let alerted = 0;
  // Open cases of a region number in the hundreds: computing every case's deadlines each minute is
  // cheaper than keeping computed due times in step with policy and notices.
  for (const facts of await deps.store.casework.openFacts()) {
    for (const alert of alertsDue(deadlinesOf(facts, deps.policy), now, deps.policy)) {
      const sent = await deps.store.transaction(async (tx) => {
        const c = facts.request;
        if (!(await tx.casework.markAlerted(c.id, alert.kind, alert.level, alert.dueAt))) return false;
        await tx.audit.record({
          requestId: c.id,
          actor: { type: 'SYSTEM' },
          action: CASEWORK_AUDIT.deadlineOverdue,
          detail: { kind: alert.kind, level: alert.level, dueAt: alert.dueAt, centreId: c.centreId },
        });
        for (const to of await recipientsOf(tx, deps, c, alert.level)) await deps.tell(tx, to, c, alert);
        return true;
      });
      if (sent) alerted += 1;
    }
  }
  return alerted;
}
