// Olena blocks the bot for a while. What the bot had to say to her meanwhile is dropped, but a
// specialist's answer is kept and reaches her as soon as she writes again. Both backends.
import { randomBytes } from 'node:crypto';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { Reply } from '../../../src/core/conversation/types.js';
import type { Messenger, SendOutcome } from '../../../src/core/ports/index.js';
import { createHandleCipher } from '../../../src/crypto/handle-cipher.js';
import { createOutboxDispatcher } from '../../../src/jobs/outbox-dispatcher.js';
import { createStore, type StoreWithDatabase } from '../../../src/storage/store.js';
import { describeBackends } from '../../helpers/db.js';
import { TestClock } from '../queue/world.js';
import { queueOf, silent } from './outbox-world.js';

/** Viber as Olena's phone sees it: while she has left the bot, every send is refused. */
function viberFor(olena: { away: boolean }) {
  const received: string[] = [];
  const messenger: Messenger = {
    channel: 'VIBER',
    async send(_platformId, reply: Reply): Promise<SendOutcome> {
      if (olena.away) return { ok: false, kind: 'unreachable', reason: 'receiver is not subscribed' };
      received.push(reply.text.key);
      return { ok: true, messageId: String(received.length) };
    },
    async edit() {
      throw new Error('no edits in this story');
    },
  };
  return { messenger, received };
}

describeBackends('outbox: held while the person is away', (backend) => {
  let store: StoreWithDatabase;
  let clock: TestClock;
  const cipher = createHandleCipher(randomBytes(32));
  beforeEach(async () => {
    clock = new TestClock();
    store = createStore(await backend.another(), { cipher, clock });
  });
  afterEach(() => store.close());

  it("a specialist's answer waits for Olena and arrives when she writes again; a menu reminder does not", async () => {
    const olena = { away: true };
    const chat = await store.handles.resolve('VIBER', 'olena-viber-id');
    await store.transaction(async (tx) => {
      await tx.outbox.enqueue({
        handleId: chat.handleId,
        locale: 'uk',
        messages: [{ text: { key: 'menu.prompt' } }],
      });
      await tx.outbox.enqueue({
        handleId: chat.handleId,
        locale: 'uk',
        holdWhileUnreachable: true,
        messages: [{ text: { key: 'specialist.toReporter', params: { text: 'Ми зателефонуємо завтра' } } }],
      });
    });
    const { messenger, received } = viberFor(olena);
    const dispatcher = createOutboxDispatcher({
      queue: queueOf(store, cipher),
      messengers: { VIBER: messenger },
      clock,
      logger: silent,
    });

    await dispatcher.drain();
    const statuses = async () =>
      (await store.database.prisma.outboxMessage.findMany({ orderBy: { createdAt: 'asc' } })).map(
        (m) => m.status,
      );
    expect(await statuses()).toEqual(['UNREACHABLE', 'HELD']);
    expect(received).toEqual([]);

    // She comes back and writes: the inbox marks her chat reachable in the update's transaction.
    olena.away = false;
    await store.transaction((tx) => tx.handles.markReachable(chat.handleId));
    await dispatcher.drain();
    expect(received).toEqual(['specialist.toReporter']);
    expect(await statuses()).toEqual(['UNREACHABLE', 'SENT']);

    // Nothing comes twice: a later message of hers releases nothing more.
    await store.transaction((tx) => tx.handles.markReachable(chat.handleId));
    await dispatcher.drain();
    expect(received).toEqual(['specialist.toReporter']);
  });
});
