// The case a specialist's plain messages go to, and a guided step in progress (/notify waiting for
// a reference number, /transfer waiting for a reason). Kept in the chat's conversation row (a
// specialist's chat has no reporter flow), with the same optimistic versioning as the flows.
import type { NoticeWay, Recipient } from '../casework/model.js';
import type { Repositories } from '../ports/index.js';

export type DeskPending =
  | { type: 'notice'; requestId: string; recipient: Recipient; way: NoticeWay }
  | { type: 'transfer'; requestId: string; toCentreId: string };

export interface ActiveCase {
  requestId: string | null;
  pending: DeskPending | null;
  version: number | null;
}

const isPending = (value: unknown): value is DeskPending =>
  typeof value === 'object' &&
  value !== null &&
  ['notice', 'transfer'].includes((value as { type?: unknown }).type as string) &&
  typeof (value as { requestId?: unknown }).requestId === 'string';

export async function loadActive(tx: Repositories, handleId: string): Promise<ActiveCase> {
  const stored = await tx.conversations.load(handleId);
  if (!stored) return { requestId: null, pending: null, version: null };
  try {
    const parsed = JSON.parse(stored.state) as { desk?: { activeRequestId?: unknown; pending?: unknown } };
    const id = parsed.desk?.activeRequestId;
    const pending = parsed.desk?.pending;
    return {
      requestId: typeof id === 'string' ? id : null,
      pending: isPending(pending) ? pending : null,
      version: stored.version,
    };
  } catch {
    return { requestId: null, pending: null, version: stored.version };
  }
}

/** Last writer wins: two updates of one specialist at once both meant to switch the case. */
async function saveDesk(
  tx: Repositories,
  handleId: string,
  change: (current: ActiveCase) => { requestId: string | null; pending: DeskPending | null },
): Promise<void> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const current = await loadActive(tx, handleId);
    const next = change(current);
    const state = JSON.stringify({ desk: { activeRequestId: next.requestId, pending: next.pending } });
    if ((await tx.conversations.save(handleId, state, current.version)) !== null) return;
  }
}

/** Switching the active case also drops any guided step in progress. */
export const saveActive = (tx: Repositories, handleId: string, requestId: string | null) =>
  saveDesk(tx, handleId, () => ({ requestId, pending: null }));

export const savePending = (tx: Repositories, handleId: string, pending: DeskPending | null) =>
  saveDesk(tx, handleId, (current) => ({ requestId: current.requestId, pending }));
