// An admin switches a specialist off: they left the centre, or their phone was lost. From then on
// they get no notifications and can claim nothing (the desk answers "your account is off"), and the
// cases they held, answered ones too, go back to the queue for a colleague, announced like a lapsed
// claim. Their chat is told once.
import { PRIORITY } from '../delivery/priority.js';
import type { CaseView, Specialist } from '../model.js';
import type { Store } from '../ports/index.js';
import type { Queue } from '../queue/index.js';
import { localeOfSpecialist, type NotifyDeps, notifyReturned } from './notify.js';
import { say } from './replies.js';

export interface TeamDeps {
  store: Store;
  queue: Queue;
  notify: NotifyDeps;
}

export interface Deactivated {
  specialist: Specialist;
  /** The cases that went back to the queue. */
  returned: CaseView[];
}

/** Null when there is no such specialist. Running it twice is harmless: nothing is left to return. */
export async function deactivateSpecialist(
  deps: TeamDeps,
  specialistId: string,
): Promise<Deactivated | null> {
  const specialist = await deps.store.transaction(async (tx) => {
    const wasActive = (await tx.specialists.byId(specialistId))?.active ?? false;
    const off = await tx.specialists.deactivate(specialistId);
    // Their console sessions end with the switch (sign-in also checks `active`, for any left over).
    if (off) await tx.staffAccess.endSessionsOf(specialistId);
    if (off?.handleId && wasActive) {
      await tx.outbox.enqueue({
        handleId: off.handleId,
        locale: await localeOfSpecialist(tx, off),
        messages: [say('inactive')],
        priority: PRIORITY.STAFF,
      });
    }
    return off;
  });
  if (!specialist) return null;
  // Switched off first, so that the announcements go to colleagues only.
  const returned = await deps.queue.handBack(specialistId, async (tx, request) => {
    await notifyReturned(tx, deps.notify, request, null);
  });
  return { specialist, returned };
}
