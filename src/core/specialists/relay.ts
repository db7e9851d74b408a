// The person's further words reach the specialist who holds their case, by case code only.
import type { CaseView, Locale } from '../model.js';
import type { Repositories } from '../ports.js';
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
    messages: [say('fromReporter', { code: current.caseCode, text })],
  });
  return true;
}
