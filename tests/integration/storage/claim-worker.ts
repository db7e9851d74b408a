// A separate process with its own store, as a second app instance would be. It prepares, reports
// "ready", and on "go" fires its claims at once; the parent collects who won.
import { createStore } from '../../../src/storage/store.js';

interface Go {
  requestId: string;
  specialists: string[];
}

const [databaseUrl] = process.argv.slice(2);
if (!databaseUrl || !process.send) throw new Error('usage: fork(claim-worker.ts, [databaseUrl])');
const send = process.send.bind(process);

// A few connections each: five of these and other test files share one PostgreSQL server.
const store = createStore(databaseUrl, { maxConnections: 4 });
await store.ping(); // connect before the race, so that all processes start together
send({ type: 'ready' });

process.on('message', async (message: Go | 'exit') => {
  if (message === 'exit') {
    await store.close();
    process.exit(0);
  }
  const { requestId, specialists } = message;
  const now = new Date();
  const results = await Promise.all(
    specialists.map((specialistId) =>
      store
        .transaction(async (tx) => {
          const claimed = await tx.requests.update(
            requestId,
            { statuses: ['NEW', 'ESCALATED'], claimedById: null },
            { status: 'CLAIMED', claimedById: specialistId, claimedAt: now },
          );
          if (claimed) {
            await tx.audit.record({
              requestId,
              actor: { type: 'SPECIALIST', id: specialistId },
              action: 'CLAIM',
            });
          }
          return claimed ? specialistId : null;
        })
        .then(
          (winner) => ({ specialistId, won: winner !== null }),
          (error: unknown) => ({ specialistId, error: String(error) }),
        ),
    ),
  );
  send({ type: 'done', results });
});
