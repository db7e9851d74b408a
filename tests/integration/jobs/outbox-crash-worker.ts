// An app instance's dispatcher in its own process, sending to a platform over HTTP. It reports
// "ready" and starts on "go". When the platform answers a message with `hold`, the worker reports it
// and stops right there: the message is sent but not yet marked, the moment a kill -9 is worst. The
// parent then kills it with SIGKILL.
import { deliveryRules } from '../../../src/core/delivery/limits.js';
import type { Messenger } from '../../../src/core/ports/index.js';
import { silentLogger } from '../../../src/core/ports/index.js';
import { createHandleCipher } from '../../../src/crypto/handle-cipher.js';
import { createOutboxDispatcher } from '../../../src/jobs/outbox-dispatcher.js';
import { deliveryQueue } from '../../../src/storage/outbox.js';
import { createStore } from '../../../src/storage/store.js';

const [databaseUrl, handleKey, apiUrl, owner] = process.argv.slice(2);
if (!databaseUrl || !handleKey || !apiUrl || !owner || !process.send) {
  throw new Error('usage: fork(outbox-crash-worker.ts, [databaseUrl, handleKey, apiUrl, owner])');
}
const report = process.send.bind(process);
const cipher = createHandleCipher(Buffer.from(handleKey, 'hex'));
const store = createStore(databaseUrl, { cipher, maxConnections: 3 });
const rules = deliveryRules({ botPerSecond: 1000, chatPerSecond: 1000 });

const messenger: Messenger = {
  channel: 'TELEGRAM',
  async send(platformId, reply) {
    const response = await fetch(apiUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ chat: platformId, key: reply.text.key }),
    });
    const answer = (await response.json()) as { hold?: boolean };
    if (answer.hold) {
      report('sent, not marked');
      await new Promise(() => {}); // never marked: the parent kills this process now
    }
    return { ok: true, messageId: null };
  },
  async edit() {
    throw new Error('no edits here');
  },
};

const dispatcher = createOutboxDispatcher({
  queue: deliveryQueue(store.database, cipher, { owner, rules: { TELEGRAM: rules } }),
  messengers: { TELEGRAM: messenger },
  clock: { now: () => new Date() },
  // Errors are worth seeing when this test fails; the rest is noise.
  logger: { ...silentLogger, error: (obj: object, msg: string) => console.error(msg, obj) },
  leaseMs: 1_000,
  maxInFlight: 1,
});
await store.ping();
process.on('message', () => dispatcher.start());
report('ready');
