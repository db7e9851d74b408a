// The person's further words reach the specialist who holds their case, by case code only.
import { PRIORITY } from '../delivery/priority.js';
import type { CaseView, Locale, RequestStatus } from '../model.js';
import type { Repositories } from '../ports/index.js';
import { say } from './replies.js';

/** Sends the reporter's text to the claiming specialist; nobody to tell while the case waits. */
export async function relayToSpecialist(tx: Repositories, request: CaseView, text: string): Promise<boolean> {
  const current = (await tx.requests.findById(request.id)) ?? request;
  if (!current.claimedById) return false;
  const specialist = await tx.specialists.byId(current.claimedById);
  if (!specialist?.handleId || !specialist.active) return false;
  const locale: Locale =
    (await tx.specialists.localeOf(specialist.handleId)) ?? specialist.languages[0] ?? 'uk';
  await tx.outbox.enqueue({
    handleId: specialist.handleId,
    locale,
    holdWhileUnreachable: true,
    messages: [say('fromReporter', { code: current.caseCode, text })],
    priority: PRIORITY.STAFF,
  });
  return true;
}

const HELD: readonly RequestStatus[] = ['CLAIMED', 'ANSWERED'];

/**
 * The case a person's free words are meant for: of their open cases that a specialist holds, the
 * one that specialist claimed or wrote in most recently. Null when nobody holds any of their cases.
 */
export async function caseToTell(tx: Repositories, reporterHandleId: string): Promise<CaseView | null> {
  const held = (await tx.reporterCases.listMine(reporterHandleId)).filter(
    (c) => HELD.includes(c.status) && c.claimedById !== null,
  );
  let latest: { request: CaseView; at: number } | null = null;
  for (const request of held) {
    const answers = (await tx.messages.thread(request.id)).filter((m) => m.author === 'SPECIALIST');
    const at = Math.max(request.claimedAt?.getTime() ?? 0, ...answers.map((m) => m.createdAt.getTime()));
    if (!latest || at > latest.at) latest = { request, at };
  }
  return latest?.request ?? null;
}
