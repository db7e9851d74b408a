// One chat sending hundreds of messages a minute cannot fill the outbox: 30 a minute are handled,
// the 31st is answered once with why (and the emergency numbers), the rest get nothing until the
// minute is over. Another chat writing at the same time is not affected. Both backends.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createInbox } from '../../../src/core/inbox/inbox.js';
import { createCaseCodes, createQueue } from '../../../src/core/queue/index.js';
import { createHandleCipher } from '../../../src/crypto/handle-cipher.js';
import { hashInviteCode } from '../../../src/storage/invites.js';
import { createStore, type StoreWithDatabase } from '../../../src/storage/store.js';
import { describeBackends } from '../../helpers/db.js';
import { sha256, TestClock } from '../queue/world.js';

describeBackends('inbox: flood limit', (backend) => {
  let store: StoreWithDatabase;
  beforeAll(() => {
    store = createStore(backend.url, { cipher: createHandleCipher(randomBytes(32)) });
  });
  afterAll(() => store.close());

  it('a script gets 30 answers and one notice a minute; a person beside it gets every answer', async () => {
    const clock = new TestClock();
    const queue = createQueue({
      store,
      clock,
      leaseMinutes: 30,
      caseCodes: createCaseCodes({ random: (n) => randomBytes(n), hash: sha256 }),
      parentCentreOf: () => null,
    });
    const inbox = createInbox({
      store,
      queue,
      hashSecret: sha256,
      directory: () => ({ units: [], centres: [] }),
      clock,
      onCommitted: () => {},
      hashInviteCode,
      canErase: () => false,
    });
    let updateId = 0;
    const write = (platformId: string) =>
      inbox.receive({
        channel: 'TELEGRAM',
        platformId,
        updateId: String(++updateId),
        event: { type: 'text', text: 'spam' },
      });
    const outboxOf = async (platformId: string) => {
      const chat = await store.handles.resolve('TELEGRAM', platformId);
      const rows = await store.database.prisma.outboxMessage.findMany({
        where: { handleId: chat.handleId },
        orderBy: { createdAt: 'asc' },
      });
      return rows.map(
        (r) =>
          (JSON.parse(r.payload) as { messages: Array<{ text: { key: string } }> }).messages[0]?.text.key,
      );
    };

    for (let i = 0; i < 200; i++) {
      expect(await write('script')).toBe('processed');
      if (i % 20 === 0) await write('olena');
    }
    const scripted = await outboxOf('script');
    expect(scripted).toHaveLength(31);
    expect(scripted.at(-1)).toBe('limits.flood');
    expect(scripted.filter((k) => k === 'limits.flood')).toHaveLength(1);
    expect(await outboxOf('olena')).toHaveLength(10);

    // A minute later the chat is heard again.
    clock.advanceMinutes(1);
    await write('script');
    expect(await outboxOf('script')).toHaveLength(32);
  });
});
