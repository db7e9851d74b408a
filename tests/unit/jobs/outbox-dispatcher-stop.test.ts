// Shutdown with a backlog: the dispatcher finishes the messages it is sending (so none is sent twice
// after the restart) and takes nothing more, so that stopping fits Docker's 10 s grace period
// however long the outbox is. The rest waits in the outbox for the next start.
import { expect, it } from 'vitest';
import type { Delivery, DeliveryQueue, Messenger, SendOutcome } from '../../../src/core/delivery/ports.js';
import { systemClock } from '../../../src/core/ports.js';
import { createOutboxDispatcher } from '../../../src/jobs/outbox-dispatcher.js';

const silent = { info() {}, warn() {}, error() {} };

const entry = (id: string): Delivery => ({
  id,
  handleId: `chat-${id}`,
  channel: 'TELEGRAM',
  locale: 'uk',
  messages: [{ text: { key: 'menu.prompt' } }],
  sentCount: 0,
  attempts: 0,
  replacesMessageId: null,
});

it('stop() lets the batch in hand finish and takes no other, leaving the backlog queued', async () => {
  const backlog = Array.from({ length: 10 }, (_, i) => entry(`e${i}`));
  const finished: string[] = [];
  let takes = 0;
  const queue: DeliveryQueue = {
    async takeDue(_now, limit) {
      takes += 1;
      return backlog.splice(0, limit);
    },
    recipientOf: async (handleId) => handleId,
    progress: async () => {},
    rememberSent: async () => {},
    finish: async (id) => {
      finished.push(id);
    },
    retryAt: async () => {},
    abandon: async () => {},
  };
  // Sends wait until the test opens the gate, so the shutdown starts while they are in flight.
  let inHand: () => void = () => {};
  const sending = new Promise<void>((resolve) => {
    inHand = resolve;
  });
  let openGate: () => void = () => {};
  const gate = new Promise<void>((resolve) => {
    openGate = resolve;
  });
  const messenger: Messenger = {
    channel: 'TELEGRAM',
    async send(): Promise<SendOutcome> {
      inHand();
      await gate;
      return { ok: true, messageId: '1' };
    },
    edit: async () => ({ ok: true, messageId: '1' }),
  };
  const dispatcher = createOutboxDispatcher({
    queue,
    messengers: { TELEGRAM: messenger },
    clock: systemClock,
    logger: silent,
    batchSize: 2,
    pollIntervalMs: 60_000,
  });

  dispatcher.start();
  await sending;
  const stopped = dispatcher.stop();
  openGate();
  await stopped;

  expect(finished).toEqual(['e0', 'e1']);
  expect(takes).toBe(1);
  expect(backlog).toHaveLength(8);
});
