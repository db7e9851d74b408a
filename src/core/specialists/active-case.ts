// The case a specialist's plain messages go to. Kept in the chat's conversation row (a specialist's
// chat has no reporter flow), with the same optimistic versioning as the flows.
import type { Repositories } from '../ports.js';

export interface ActiveCase {
  requestId: string | null;
  version: number | null;
}

export async function loadActive(tx: Repositories, handleId: string): Promise<ActiveCase> {
  const stored = await tx.conversations.load(handleId);
  if (!stored) return { requestId: null, version: null };
  try {
    const parsed = JSON.parse(stored.state) as { desk?: { activeRequestId?: unknown } };
    const id = parsed.desk?.activeRequestId;
    return { requestId: typeof id === 'string' ? id : null, version: stored.version };
  } catch {
    return { requestId: null, version: stored.version };
  }
}

/** Last writer wins: two updates of one specialist at once both meant to switch the case. */
export async function saveActive(
  tx: Repositories,
  handleId: string,
  requestId: string | null,
): Promise<void> {
  const state = JSON.stringify({ desk: { activeRequestId: requestId } });
  for (let attempt = 0; attempt < 3; attempt++) {
    const { version } = await loadActive(tx, handleId);
    if ((await tx.conversations.save(handleId, state, version)) !== null) return;
  }
}
