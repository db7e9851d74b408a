export { AUDIT_ACTIONS, type AuditAction, specialistActor } from './audit.js';
export {
  CASE_CODE_PATTERN,
  type CaseCodes,
  CODE_ALPHABET,
  createCaseCodes,
  drawCaseCode,
  drawContinuationSecret,
  type HashSecret,
  parseCaseCode,
  parseContinuationSecret,
  type RandomBytes,
  SECRET_PATTERN,
} from './case-codes.js';
export type { QueueDeps, SpecialistRef } from './deps.js';
export {
  type AnswerError,
  type ClaimError,
  type ClaimerError,
  type CloseError,
  type EscalateError,
  QUEUE_ERROR_CODES,
  type QueueError,
  type QueueErrorCode,
  type ReporterMessageError,
} from './errors.js';
export {
  type EscalationReport,
  escalationDueAt,
  type OnEscalated,
  type OverdueThresholds,
} from './escalation.js';
export type { Enqueued } from './intake.js';
export type { OnLeaseLapsed } from './lifecycle.js';
export { createQueue, type Queue } from './queue.js';
export {
  canApply,
  isLegalMove,
  QUEUE_ACTIONS,
  type QueueAction,
  REQUEST_STATUSES,
  TRANSITIONS,
  targetStatus,
  WAITING,
} from './transitions.js';
