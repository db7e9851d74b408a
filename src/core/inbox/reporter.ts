// The person's side of the queue, as the conversation engine needs it: submit a request, see and
// add to their own cases, continue a case from another messenger. Built on the transaction's
// repositories, so everything an update causes commits together.

import { guarded } from '../limits/guards.js';
import type { Channel } from '../model.js';
import type { ChatSafety, ReporterCases, Repositories, RequestIntake } from '../ports/index.js';
import { ERASABLE_FOR_MS } from '../ports/index.js';
import type { Queue } from '../queue/index.js';
import { err, ok } from '../result.js';
import { type NotifyDeps, notifyNewRequest } from '../specialists/notify.js';
import { caseToTell, relayToSpecialist } from '../specialists/relay.js';

/** Queues the request and, in the same transaction, tells the centre's specialists. */
export function requestIntake(tx: Repositories, queue: Queue, notify: NotifyDeps): RequestIntake {
  return {
    async submit(request) {
      const { request: created, continuationSecret } = await queue.in(tx).enqueue(request);
      await notifyNewRequest(tx, notify, created);
      return { caseCode: created.caseCode, continuationSecret };
    },
  };
}

export function reporterCases(
  tx: Repositories,
  queue: Queue,
  hashSecret: (secret: string) => string,
  now: () => Date,
): ReporterCases {
  return {
    async listMine(reporterHandleId) {
      const cases = await tx.reporterCases.listMine(reporterHandleId);
      return cases.map(({ caseCode, kind, category, status, createdAt }) => ({
        caseCode,
        kind,
        category,
        status,
        createdAt,
      }));
    },
    async addInformation(reporterHandleId, caseCode, text) {
      const mine = await tx.reporterCases.findMine(reporterHandleId, caseCode);
      if (!mine) return err('NOT_FOUND');
      const added = await queue.in(tx).addReporterMessage(mine.id, text);
      if (added.ok) {
        await relayToSpecialist(tx, mine, text);
        return ok(undefined);
      }
      return err(added.error.code === 'CLOSED' ? 'CLOSED' : 'NOT_FOUND');
    },
    async tellSpecialist(reporterHandleId, text) {
      const target = await caseToTell(tx, reporterHandleId);
      if (!target) return err('NO_CASE');
      // Kept in the thread first: whoever holds the case later reads it there too.
      const added = await queue.in(tx).addReporterMessage(target.id, text);
      if (!added.ok) return err('NO_CASE');
      await relayToSpecialist(tx, target, text);
      return ok({ caseCode: target.caseCode });
    },
    async continueCase(reporterHandleId, secret, caseCode) {
      // Keys are guessed by trying: after too many wrong ones, the key is not even looked up.
      const tried = await guarded(tx.limits, reporterHandleId, 'wrongCase', now(), () =>
        tx.reporterCases.adopt(hashSecret(secret), reporterHandleId, caseCode),
      );
      if (tried.kind === 'coolDown') return err({ coolDownMinutes: tried.minutes });
      return tried.kind === 'found' ? ok({ caseCode: tried.value.caseCode }) : err('NOT_FOUND');
    },
  };
}

/** /erase marks what Telegram still lets us delete; the eraser job deletes it after the commit. */
export function chatSafety(
  tx: Repositories,
  canErase: (channel: Channel) => boolean,
  now: () => Date,
): ChatSafety {
  return {
    async erase(chat) {
      if (!canErase(chat.channel)) return false;
      const at = now();
      await tx.recentMessages.requestErase(chat.handleId, new Date(at.getTime() - ERASABLE_FOR_MS), at);
      return true;
    },
    async forget(chat) {
      await tx.handles.forget(chat.handleId, now());
    },
  };
}
