// The load: autocannon connections each playing people one after another, every person sending the
// ten updates of a concern report (CONCERN_FLOW), the last being a redelivery of "Send".
import autocannon from 'autocannon';
import { type ChatContext, CONCERN_FLOW, REDELIVERY_STEP, SEND_STEP } from './concern-flow.js';

export const WEBHOOK_PATH = '/telegram/webhook';
export const SECRET = 'bench-webhook-secret_0123456789';
export const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 40);

export interface Counters {
  nextChat: number;
  nextUpdate: number;
  /** Chats whose "Send" press was answered 200 (each must have exactly one request). */
  finishedChats: number;
  /** Distinct update_ids answered 200 (each must be recorded exactly once). */
  acknowledgedUpdates: number;
  failures: Map<number, number>;
  /** performance.now() of the latest answer: autocannon ends `amount` runs on its 1-second tick. */
  lastAnswerAt: number;
}

export const newCounters = (firstChat: number): Counters => ({
  nextChat: firstChat,
  nextUpdate: 1,
  finishedChats: 0,
  acknowledgedUpdates: 0,
  failures: new Map(),
  lastAnswerAt: 0,
});

/** The concern flow as autocannon requests; every connection keeps its own person (context). */
function concernRequests(counters: Counters): autocannon.Request[] {
  return CONCERN_FLOW.map((step, index) => ({
    method: 'POST',
    path: WEBHOOK_PATH,
    setupRequest: (request: autocannon.Request, context: ChatContext) => {
      if (index === 0) context.chatId = counters.nextChat++;
      const updateId = index === REDELIVERY_STEP ? (context.sendUpdateId ?? 0) : counters.nextUpdate++;
      if (index === SEND_STEP) context.sendUpdateId = updateId;
      return { ...request, body: JSON.stringify(step(context, updateId)) };
    },
    onResponse: (status: number) => {
      counters.lastAnswerAt = performance.now();
      if (status !== 200) counters.failures.set(status, (counters.failures.get(status) ?? 0) + 1);
      else if (index !== REDELIVERY_STEP) counters.acknowledgedUpdates++;
      if (status === 200 && index === SEND_STEP) counters.finishedChats++;
    },
  })) as autocannon.Request[];
}

export function fire(url: string, counters: Counters, limit: { amount: number } | { duration: number }) {
  return autocannon({
    url,
    connections: CONNECTIONS,
    pipelining: 1,
    ...limit,
    headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': SECRET },
    requests: concernRequests(counters),
  });
}

export interface Measured {
  updatesPerSecond: number;
  p50: number;
  p99: number;
  total: number;
  seconds: number;
  errors: number;
}

export function measured(result: autocannon.Result, seconds: number): Measured {
  return {
    updatesPerSecond: result.requests.total / seconds,
    p50: result.latency.p50,
    p99: result.latency.p99,
    total: result.requests.total,
    seconds,
    errors: result.errors + result.timeouts + result.non2xx,
  };
}

/** A run of `amount` updates, timed from the first request to the last answer. */
export async function fireAmount(url: string, counters: Counters, amount: number): Promise<Measured> {
  const started = performance.now();
  const result = await fire(url, counters, { amount });
  return measured(result, (counters.lastAnswerAt - started) / 1000);
}
