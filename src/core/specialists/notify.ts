// Telling specialists about requests, always through the outbox and inside the transaction of the
// change itself: a notification exists exactly when its request does.
import type { CaseView, Directory, Locale, Specialist, SpecialistRole } from '../model.js';
import type { Repositories } from '../ports.js';
import { escalatedNotice, lapsedNotice, notification, returnedNotice, say } from './replies.js';

export interface NotifyDeps {
  directory: () => Directory;
  now: () => Date;
}

async function localeOfSpecialist(tx: Repositories, s: Specialist): Promise<Locale> {
  return (s.handleId && (await tx.specialists.localeOf(s.handleId))) || s.languages[0] || 'uk';
}

/** Every active specialist of the request's centre gets a summary with a Claim button. */
export async function notifyNewRequest(
  tx: Repositories,
  deps: NotifyDeps,
  request: CaseView,
): Promise<number> {
  const specialists = await tx.specialists.activeOfCentre(request.centreId);
  for (const s of specialists) {
    if (!s.handleId) continue;
    const locale = await localeOfSpecialist(tx, s);
    const outboxId = await tx.outbox.enqueue({
      handleId: s.handleId,
      locale,
      messages: [notification(request, deps.directory(), locale, deps.now())],
    });
    await tx.notifications.record(request.id, s.id, outboxId);
  }
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
  for (const s of recipients) {
    if (!s.handleId) continue;
    const locale = await localeOfSpecialist(tx, s);
    const outboxId = await tx.outbox.enqueue({
      handleId: s.handleId,
      locale,
      messages: [escalatedNotice(request, deps.directory(), locale, deps.now())],
    });
    await tx.notifications.record(request.id, s.id, outboxId);
  }
  return recipients.length;
}

/**
 * A claim lapsed and the request is back in its queue: it is announced again, like a new request,
 * to the active specialists of its centre, and the one whose claim lapsed is told so. Everyone gets
 * a Claim button; each message is recorded, so that the next claim turns the others' into "claimed
 * by a colleague".
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
  let told = 0;
  for (const s of recipients) {
    if (!s.handleId) continue;
    const locale = await localeOfSpecialist(tx, s);
    const notice = s.id === formerClaimerId ? lapsedNotice : returnedNotice;
    const outboxId = await tx.outbox.enqueue({
      handleId: s.handleId,
      locale,
      messages: [notice(request, deps.directory(), locale, deps.now())],
    });
    await tx.notifications.record(request.id, s.id, outboxId);
    told += 1;
  }
  return told;
}
