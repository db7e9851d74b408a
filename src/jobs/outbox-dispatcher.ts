// Sends what the outbox holds, no faster than the platform allows. One pump per channel runs rounds
// (storage/outbox-round.ts): each picks, within the bot's and the chats' token buckets shared by all
// instances, the chats' head entries by priority, and starts sending their next message; then it
// sleeps until a bucket refills, a send ends, or it is woken (a commit here, or another instance's
// NOTIFY). A slow poll is only the safety net for backoffs and leases that ran out.
// Leases are short and renewed while a send is in flight, so a killed instance's entries pass to a
// living one within seconds.

import type { Channel } from '../core/model.js';
import type { Clock, DeliveryQueue, Logger, Messenger } from '../core/ports/index.js';
import { createPump, type Pump } from './outbox-pump.js';
import { createSender, type Step } from './outbox-send.js';

export interface DispatcherDeps {
  queue: DeliveryQueue;
  messengers: Partial<Record<Channel, Messenger>>;
  clock: Clock;
  logger: Logger;
  /** Sends in flight at once per channel: each may repeat one message if the process is killed. */
  maxInFlight?: number;
  /** How long an entry stays leased to this instance without renewal. */
  leaseMs?: number;
  /** Safety net: look for due work this often even when nobody wakes us. */
  pollIntervalMs?: number;
}

export type RunReport = Record<Step, number>;

export interface OutboxDispatcher {
  /** Ask for a round soon; calls close together are coalesced. */
  wake(): void;
  /** One round on every channel, waiting for its sends (tests; the clock is the injected one). */
  runOnce(): Promise<RunReport>;
  /**
   * Rounds until nothing more can go (tests and shutdown). When a bucket will allow more within
   * DRAIN_WAIT_MS it waits for it, as long as the clock moves (a test's frozen clock stops it).
   */
  drain(maxRuns?: number): Promise<RunReport>;
  start(): void;
  stop(): Promise<void>;
}

const emptyReport = (): RunReport => ({ sent: 0, retried: 0, throttled: 0, abandoned: 0 });
const DRAIN_WAIT_MS = 100;

export function createOutboxDispatcher(deps: DispatcherDeps): OutboxDispatcher {
  const maxInFlight = deps.maxInFlight ?? 8;
  const leaseMs = deps.leaseMs ?? 5_000;
  const sendNext = createSender(deps);
  const channels = Object.keys(deps.messengers) as Channel[];

  async function runRound(): Promise<{ report: RunReport; nextAt: number | null }> {
    const report = emptyReport();
    let nextAt: number | null = null;
    for (const channel of channels) {
      const round = await deps.queue.takeRound(channel, deps.clock.now(), maxInFlight, leaseMs);
      const at = round.nextAt?.getTime();
      if (at !== undefined) nextAt = nextAt === null ? at : Math.min(nextAt, at);
      const steps = await Promise.allSettled(round.picked.map(sendNext));
      for (const [i, step] of steps.entries()) {
        if (step.status === 'fulfilled') report[step.value] += 1;
        else deps.logger.error({ outboxId: round.picked[i]?.id, err: step.reason }, 'outbox send crashed');
      }
    }
    return { report, nextAt };
  }

  async function drain(maxRuns = 1000): Promise<RunReport> {
    const total = emptyReport();
    for (let run = 0; run < maxRuns; run++) {
      const { report, nextAt } = await runRound();
      for (const key of Object.keys(total) as Step[]) total[key] += report[key];
      if (Object.values(report).some((n) => n > 0)) continue;
      const before = deps.clock.now().getTime();
      if (nextAt === null || nextAt - before > DRAIN_WAIT_MS) break;
      await new Promise((resolve) => setTimeout(resolve, Math.max(1, nextAt - before)));
      if (deps.clock.now().getTime() === before) break;
    }
    return total;
  }

  let pumps: Pump[] = [];
  return {
    wake() {
      for (const pump of pumps) pump.wake();
    },
    runOnce: async () => (await runRound()).report,
    drain,
    start() {
      if (pumps.length > 0) return;
      const options = {
        ...deps,
        sendNext,
        maxInFlight,
        leaseMs,
        pollIntervalMs: deps.pollIntervalMs ?? 5_000,
      };
      pumps = channels.map((channel) => createPump(channel, options));
    },
    async stop() {
      const stopping = pumps;
      pumps = [];
      await Promise.all(stopping.map((pump) => pump.stop()));
    },
  };
}
