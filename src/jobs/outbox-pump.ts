// The dispatcher's loop for one channel (see outbox-dispatcher.ts). Timers here are real ones: the
// decisions (what may go, when) are taken with the injected clock in the core and in storage.

import type { Channel } from '../core/model.js';
import type { Clock, Delivery, DeliveryQueue } from '../core/ports/index.js';
import type { SendNext } from './outbox-send.js';

export interface PumpOptions {
  queue: DeliveryQueue;
  clock: Clock;
  logger: { error(obj: object, msg: string): void };
  sendNext: SendNext;
  maxInFlight: number;
  leaseMs: number;
  pollIntervalMs: number;
}

export interface Pump {
  wake(): void;
  /** Stops taking rounds and waits for the sends in flight. */
  stop(): Promise<void>;
}

/**
 * Rounds at most this often: a burst of commits wakes the pump thousands of times a second, and a
 * round is itself a commit. The bot's bucket lets a round catch up on what the gap cost.
 */
const MIN_ROUND_GAP_MS = 40;
/** After a failed round (e.g. the database briefly away): try again soon, not at the next poll. */
const AFTER_FAILURE_MS = 500;

export function createPump(channel: Channel, o: PumpOptions): Pump {
  const inFlight = new Map<string, Promise<void>>();
  let stopped = false;
  let woken = false;
  let alarm: (() => void) | null = null;

  const ring = () => {
    woken = true;
    alarm?.();
  };

  /** Sleeps until `ms` passed or someone rings (a wake, a send that ended). */
  function sleep(ms: number): Promise<void> {
    if (woken || stopped) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(done, Math.max(0, ms));
      function done() {
        clearTimeout(timer);
        alarm = null;
        resolve();
      }
      alarm = done;
    });
  }

  function launch(delivery: Delivery): void {
    const sending = o
      .sendNext(delivery)
      .then(
        () => undefined,
        (error) => o.logger.error({ outboxId: delivery.id, err: error }, 'outbox send crashed'),
      )
      .finally(() => {
        inFlight.delete(delivery.id);
        ring();
      });
    inFlight.set(delivery.id, sending);
  }

  async function round(): Promise<number> {
    const slots = o.maxInFlight - inFlight.size;
    if (slots <= 0) return o.pollIntervalMs;
    const taken = await o.queue.takeRound(channel, o.clock.now(), slots, o.leaseMs);
    // A lease that ran out while its send was still in flight here (a starved event loop missed the
    // renewal) must not send the same message a second time.
    for (const delivery of taken.picked) if (!inFlight.has(delivery.id)) launch(delivery);
    if (taken.picked.length === slots) return o.pollIntervalMs; // a finished send rings
    if (!taken.nextAt) return o.pollIntervalMs;
    return Math.min(o.pollIntervalMs, taken.nextAt.getTime() - o.clock.now().getTime());
  }

  async function loop(): Promise<void> {
    while (!stopped) {
      woken = false;
      let wait = AFTER_FAILURE_MS;
      try {
        wait = await round();
      } catch (error) {
        o.logger.error({ channel, err: error }, 'outbox round failed');
      }
      await new Promise((resolve) => setTimeout(resolve, MIN_ROUND_GAP_MS));
      await sleep(wait - MIN_ROUND_GAP_MS);
    }
  }

  // While sends are in flight their leases are renewed, so nobody else takes them; a killed
  // instance renews nothing, and its entries are free again after one lease.
  const renewal = setInterval(() => {
    if (inFlight.size === 0) return;
    const until = new Date(o.clock.now().getTime() + o.leaseMs);
    o.queue.renew([...inFlight.keys()], until).catch((error) => {
      o.logger.error({ channel, err: error }, 'outbox lease renewal failed');
    });
  }, o.leaseMs / 3);
  renewal.unref();
  const running = loop();

  return {
    wake: ring,
    async stop() {
      stopped = true;
      clearInterval(renewal);
      alarm?.();
      await running;
      await Promise.all(inFlight.values());
    },
  };
}
