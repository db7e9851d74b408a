// Telling specialists about requests, always through the outbox and inside the transaction of the
// change itself: a notification exists exactly when its request does.
import type { AlertDue } from '../casework/deadlines.js';
import type { Reply } from '../conversation/types.js';
import { PRIORITY } from '../delivery/priority.js';
import type { CaseView, Directory, Locale, Specialist, SpecialistRole } from '../model.js';
import type { Repositories } from '../ports/index.js';
import { alertReply } from './casework-replies.js';
import {
  escalatedNotice,
  lapsedNotice,
  notification,
  returnedNotice,
  say,
  transferredNotice,
} from './replies.js';

export interface NotifyDeps {
  directory: () => Directory;
  now: () => Date;
}

export async function localeOfSpecialist(tx: Repositories, s: Specialist): Promise<Locale> {
  return (s.handleId && (await tx.specialists.localeOf(s.handleId))) || s.languages[0] || 'uk';
}

/** A notice about a request, in one specialist's language. */
type Notice = (c: CaseView, directory: Directory, locale: Locale, now: Date) => Reply;

/**
 * Sends each recipient with a chat the notice chosen for them, and records it so that the next
 * claim can turn it into "claimed by a colleague". Returns how many were told.
 */
async function announce(
  tx: Repositories,
  deps: NotifyDeps,
  request: CaseView,
  recipients: Specialist[],
  noticeFor: (s: Specialist) => Notice,
): Promise<number> {
  let told = 0;
  for (const s of recipients) {
    if (!s.handleId) continue;
    const locale = await localeOfSpecialist(tx, s);
    const outboxId = await tx.outbox.enqueue({
      handleId: s.handleId,
      locale,
      messages: [noticeFor(s)(request, deps.directory(), locale, deps.now())],
      priority: PRIORITY.STAFF,
    });
    await tx.notifications.record(request.id, s.id, outboxId);
    told += 1;
  }
  return told;
}

/** Every active specialist of the request's centre gets a summary with a Claim button. */
export async function notifyNewRequest(
  tx: Repositories,
  deps: NotifyDeps,
  request: CaseView,
): Promise<number> {
  const specialists = await tx.specialists.activeOfCentre(request.centreId);
  await announce(tx, deps, request, specialists, () => notification);
  return specialists.length;
}

/** After a claim: the colleagues' notifications turn into "claimed by a colleague" (edited in place). */
export async function retractNotifications(
  tx: Repositories,
  request: CaseView,
  claimerId: string,
): Promise<void> {
  for (const n of await tx.notifications.ofRequest(request.id)) {
    if (n.specialistId === claimerId) continue;
    const colleague = await tx.specialists.byId(n.specialistId);
    if (!colleague?.handleId) continue;
    await tx.outbox.enqueue({
      handleId: colleague.handleId,
      locale: await localeOfSpecialist(tx, colleague),
      messages: [say('claimedByColleague', { code: request.caseCode })],
      replaces: n.outboxId,
      priority: PRIORITY.STAFF,
    });
  }
}

/** An escalated request: the admins (or, with `role` unset, everyone) of its new centre are told. */
export async function notifyEscalated(
  tx: Repositories,
  deps: NotifyDeps,
  request: CaseView,
  role: SpecialistRole | undefined = 'ADMIN',
): Promise<number> {
  const recipients = await tx.specialists.activeOfCentre(request.centreId, role);
  await announce(tx, deps, request, recipients, () => escalatedNotice);
  return recipients.length;
}

/**
 * A claim lapsed and the request is back in its queue: it is announced again, like a new request,
 * to the active specialists of its centre, and the one whose claim lapsed is told so. Everyone gets
 * a Claim button.
 */
export async function notifyReturned(
  tx: Repositories,
  deps: NotifyDeps,
  request: CaseView,
  formerClaimerId: string | null,
): Promise<number> {
  // A claimer is always of the request's centre (claims are per centre; claimed requests are never
  // escalated), so the former claimer is among these unless they were switched off meanwhile.
  const recipients = await tx.specialists.activeOfCentre(request.centreId);
  return announce(tx, deps, request, recipients, (s) =>
    s.id === formerClaimerId ? lapsedNotice : returnedNotice,
  );
}

/** A case transferred in from another centre: every active specialist of the new centre is told. */
export async function notifyTransferred(
  tx: Repositories,
  deps: NotifyDeps,
  request: CaseView,
): Promise<number> {
  const recipients = await tx.specialists.activeOfCentre(request.centreId);
  return announce(tx, deps, request, recipients, () => transferredNotice);
}

/** An overdue legal deadline, told to one staff member in their language. */
export async function notifyDeadlineAlert(
  tx: Repositories,
  deps: NotifyDeps,
  to: Specialist,
  request: CaseView,
  alert: AlertDue,
  timeZone: string,
): Promise<number> {
  if (!to.handleId) return 0;
  const locale = await localeOfSpecialist(tx, to);
  const centre = deps.directory().centres.find((c) => c.id === request.centreId);
  const centreName = centre ? (locale === 'ru' ? centre.nameRu : centre.nameUk) : request.centreId;
  await tx.outbox.enqueue({
    handleId: to.handleId,
    locale,
    messages: [alertReply(request, alert, timeZone, centreName)],
  });
  return 1;
}
