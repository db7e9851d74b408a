// What a specialist does to a case, whichever door they use (the bot's desk or the staff console):
// the queue's guarded move plus what follows from it in the same transaction, so that the person and
// the colleagues hear about it exactly when it happened. Both doors call these, never the queue alone.
import type { StaffActor } from '../casework/model.js';
import type { CaseworkContext } from '../casework/service.js';
import { type TransferInput, transferCase } from '../casework/transfer.js';
import type { CaseView, Directory, Outcome } from '../model.js';
import type { Repositories } from '../ports.js';
import type { SpecialistRef } from '../queue/deps.js';
import type { Queue } from '../queue/index.js';
import { notifyTransferred, retractNotifications } from './notify.js';

export interface CaseActionDeps {
  queue: Queue;
  directory: () => Directory;
}

export function createCaseActions(deps: CaseActionDeps) {
  /** A message to the person behind the case, in their language, through the outbox (held if unreachable). */
  async function tellReporter(
    tx: Repositories,
    request: CaseView,
    key: string,
    params: Record<string, string>,
  ): Promise<void> {
    const handleId = await tx.requests.reporterHandleOf(request.id);
    if (!handleId) return;
    const locale = (await tx.specialists.localeOf(handleId)) ?? request.language;
    const centre = deps.directory().centres.find((c) => c.id === request.centreId);
    const centreName = centre ? (locale === 'ru' ? centre.nameRu : centre.nameUk) : '';
    await tx.outbox.enqueue({
      handleId,
      locale,
      holdWhileUnreachable: true,
      messages: [
        {
          text: {
            key: `specialist.${key}`,
            params: { ...params, centre: centreName, code: request.caseCode },
          },
        },
      ],
    });
  }

  return {
    /** Takes the request; the colleagues' notifications turn into "claimed by a colleague". */
    async claim(tx: Repositories, s: SpecialistRef, requestId: string) {
      const result = await deps.queue.claim(requestId, s);
      if (result.ok) await retractNotifications(tx, result.value, s.id);
      return result;
    },
    release: (_tx: Repositories, s: SpecialistRef, requestId: string) => deps.queue.release(requestId, s),
    /** Writes to the person through the bot. */
    async answer(tx: Repositories, s: SpecialistRef, requestId: string, text: string) {
      const result = await deps.queue.answer(requestId, s, text);
      if (result.ok) await tellReporter(tx, result.value.request, 'toReporter.answer', { text });
      return result;
    },
    /** Records the outcome; the person is told the case is closed. */
    async close(tx: Repositories, s: SpecialistRef, requestId: string, outcome: Outcome) {
      const result = await deps.queue.close(requestId, s, outcome);
      if (result.ok) await tellReporter(tx, result.value, 'toReporter.closed', {});
      return result;
    },
  };
}

export type CaseActions = ReturnType<typeof createCaseActions>;

/** Moves a case to another centre and tells that centre's specialists, in the same transaction. */
export async function transferAndTell(
  ctx: CaseworkContext,
  actor: StaffActor,
  requestId: string,
  input: TransferInput,
) {
  const moved = await transferCase(ctx, actor, requestId, input);
  if (moved.ok) {
    await notifyTransferred(ctx.tx, { directory: ctx.directory, now: () => ctx.now }, moved.value.request);
  }
  return moved;
}
