// Two app instances on one database: what one has taken passes to the other within seconds when it
// dies, not while it is still sending; and both spend from the same bot budget.
import { randomBytes } from 'node:crypto';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { createHandleCipher } from '../../../src/crypto/handle-cipher.js';
import { createOutboxDispatcher } from '../../../src/jobs/outbox-dispatcher.js';
import { createStore, type StoreWithDatabase } from '../../../src/storage/store.js';
import { describeBackends } from '../../helpers/db.js';
import { TestClock } from '../queue/world.js';
import { queueOf, scriptedMessenger, silent } from './outbox-world.js';

const LEASE_MS = 5_000;
const at = (clock: TestClock, ms: number) => new Date(clock.now().getTime() + ms);

describeBackends('outbox leases between instances', (backend) => {
  let store: StoreWithDatabase;
  let clock: TestClock;
  const cipher = createHandleCipher(randomBytes(32));
  beforeEach(async () => {
    // Storage stamps entries with this clock, so they are due at its time.
    clock = new TestClock();
    store = createStore(await backend.another(), { cipher, clock });
  });
  afterEach(() => store.close());

  async function queuedForChats(n: number): Promise<void> {
    for (let i = 0; i < n; i++) {
      const chat = await store.handles.resolve('TELEGRAM', String(500 + i));
      await store.transaction((tx) =>
        tx.outbox.enqueue({
          handleId: chat.handleId,
          locale: 'uk',
          messages: [{ text: { key: `to-${i}` } }],
        }),
      );
    }
  }

  function instanceB(clock: TestClock) {
    const { messenger, calls } = scriptedMessenger();
    const dispatcher = createOutboxDispatcher({
      queue: queueOf(store, cipher, 'instance-b'),
      messengers: { TELEGRAM: messenger },
      clock,
      logger: silent,
      leaseMs: LEASE_MS,
    });
    return { dispatcher, calls };
  }

  it("a killed instance's entries pass to a living one once its short lease ran out", async () => {
    await queuedForChats(1);
    // Instance A takes the entry and is killed before it sends or marks anything.
    const taken = await queueOf(store, cipher, 'instance-a').takeRound('TELEGRAM', clock.now(), 8, LEASE_MS);
    expect(taken.picked).toHaveLength(1);

    const b = instanceB(clock);
    clock.advanceMinutes(4.9 / 60);
    expect(await b.dispatcher.drain()).toMatchObject({ sent: 0 });
    clock.advanceMinutes(0.2 / 60);
    expect(await b.dispatcher.drain()).toMatchObject({ sent: 1 });
    expect(b.calls.map((c) => c.key)).toEqual(['to-0']);
  });

  it('an instance still sending renews its lease, and nobody else takes the entry', async () => {
    await queuedForChats(1);
    const a = queueOf(store, cipher, 'instance-a');
    const taken = await a.takeRound('TELEGRAM', clock.now(), 8, LEASE_MS);
    const ids = taken.picked.map((d) => d.id);

    const b = instanceB(clock);
    clock.advanceMinutes(3 / 60);
    await a.renew(ids, at(clock, LEASE_MS)); // the send is slow; A is alive and renews
    clock.advanceMinutes(4 / 60); // 7 s after the take: past the first lease, within the renewed one
    expect(await b.dispatcher.drain()).toMatchObject({ sent: 0 });
    // B cannot renew what A holds.
    await queueOf(store, cipher, 'instance-b').renew(ids, at(clock, 60_000));
    clock.advanceMinutes(1.1 / 60);
    expect(await b.dispatcher.drain()).toMatchObject({ sent: 1 });
  });

  it('both instances spend from one bot budget', async () => {
    await queuedForChats(10);
    const a = await queueOf(store, cipher, 'instance-a').takeRound('TELEGRAM', clock.now(), 50, LEASE_MS);
    const b = await queueOf(store, cipher, 'instance-b').takeRound('TELEGRAM', clock.now(), 50, LEASE_MS);
    // Four ordinary messages at once per bot (two more are kept for emergency numbers), whoever asks.
    expect(a.picked.length + b.picked.length).toBe(4);
    expect(b.picked).toHaveLength(0);
    expect(b.nextAt?.getTime()).toBeGreaterThan(clock.now().getTime());
  });
});
