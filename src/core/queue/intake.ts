// What comes from the person: a new request, and later messages on it. Urgent requests (immediate
// danger) are queued like others but marked URGENT: every centre queue lists them first, the audit
// trail records the urgency, and escalateOverdue moves them up after the short urgent threshold
// (minutes, not a day). They are not escalated at once on purpose: the local centre is the one that
// can act on the spot, and the person has already been shown 112 / 102 and the hotlines by the flow.
import type { CaseMessage, CaseView, NewRequest } from '../model.js';
import { err, ok, type Result } from '../result.js';
import { AUDIT_ACTIONS, REPORTER } from './audit.js';
import { decide, type Unit } from './decide.js';
import type { QueueDeps } from './deps.js';
import { queueError, type ReporterMessageError } from './errors.js';

export interface Enqueued {
  request: CaseView;
  /** Shown to the person once, to continue the case from another messenger; only its hash is stored. */
  continuationSecret: string;
}

const DEFAULT_CODE_ATTEMPTS = 10;

export async function enqueue(deps: QueueDeps, unit: Unit, input: NewRequest): Promise<Enqueued> {
  const attempts = deps.maxCodeAttempts ?? DEFAULT_CODE_ATTEMPTS;
  const continuationSecret = deps.caseCodes.continuationSecret();
  const continuationHash = deps.caseCodes.hashSecret(continuationSecret);
  for (let attempt = 1; attempt <= attempts; attempt++) {
    const caseCode = deps.caseCodes.caseCode();
    // A code already taken inserts nothing (ON CONFLICT), so a draw can be retried in the same
    // transaction on either backend.
    const request = await unit.attempt(async (tx) => {
      const created = await tx.requests.create({ ...input, caseCode, continuationHash });
      if (!created) return null;
      await tx.audit.record({
        requestId: created.id,
        actor: REPORTER,
        action: AUDIT_ACTIONS.enqueued,
        detail: {
          to: created.status,
          centreId: created.centreId,
          urgency: created.urgency,
          kind: created.kind,
        },
      });
      return created;
    });
    if (request) return { request, continuationSecret };
  }
  throw new Error(`no free case code after ${attempts} draws`);
}

/**
 * A further message from the person on their open request. It does not change the status, but it
 * still goes through a guarded update (the same status written back, which also marks the request as
 * touched) so that a message can never slip in after a concurrent close.
 */
export async function addReporterMessage(
  unit: Unit,
  requestId: string,
  text: string,
): Promise<Result<CaseMessage, ReporterMessageError>> {
  if (text.trim() === '') {
    const current = await unit.reads.requests.findById(requestId);
    return err(queueError(current ? 'EMPTY_TEXT' : 'NOT_FOUND', requestId, current));
  }
  return decide<CaseMessage, ReporterMessageError>(
    unit,
    requestId,
    (current) => {
      if (!current) return err(queueError('NOT_FOUND', requestId, null));
      if (current.status === 'CLOSED') return err(queueError('CLOSED', requestId, current));
      return ok({
        guard: { statuses: [current.status], claimedById: current.claimedById, centreId: current.centreId },
        change: { status: current.status },
      });
    },
    async (tx) => {
      const message = await tx.messages.add(requestId, 'REPORTER', text);
      await tx.audit.record({
        requestId,
        actor: REPORTER,
        action: AUDIT_ACTIONS.reporterMessage,
        detail: { messageId: message.id },
      });
      return message;
    },
  );
}
