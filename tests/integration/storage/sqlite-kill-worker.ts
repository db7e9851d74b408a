// An app instance that records updates as fast as it can, five at a time, and reports each one the
// moment its transaction has committed (what a webhook answers 200 for). At update KILL_AT it stops
// inside the open transaction, having written, and says so: the parent kills it there.
import { createStore } from '../../../src/storage/store.js';

const AT_ONCE = 5;

const [databaseUrl, killAt] = process.argv.slice(2);
if (!databaseUrl || !killAt || !process.send) {
  throw new Error('usage: fork(sqlite-kill-worker.ts, [databaseUrl, killAt])');
}
const KILL_AT = Number(killAt);
const send = process.send.bind(process);
const store = createStore(databaseUrl);

const record = (i: number) =>
  store.transaction(async (tx) => {
    await tx.updates.firstTime('TELEGRAM', `u${i}`);
    if (i === KILL_AT) {
      send({ inside: i });
      await new Promise(() => {}); // the process dies here, with the transaction open
    }
  });

for (let first = 0; ; first += AT_ONCE) {
  await Promise.all(
    Array.from({ length: AT_ONCE }, async (_, k) => {
      await record(first + k);
      send({ acknowledged: first + k });
    }),
  );
}
