// A stand-in for api.telegram.org during the benchmarks: answers every Bot API call at once, as a
// healthy Telegram would, and counts what the outbox delivered. Not a test double for correctness
// (the e2e tests use telegram-test-api for that): its job is to cost as little as possible.
// With `limits` it also enforces Telegram's rate limits as Telegram does: 429 with retry_after, and
// with `record` it keeps every accepted message (chat, text, time) for bench:delivery.
import { createServer, type Server } from 'node:http';
import { type ApiLimits, createRateLimiter } from './rate-limit.js';

export interface Accepted {
  chatId: string;
  text: string;
  /** performance.timeOrigin + performance.now() when it was accepted, in ms. */
  at: number;
}

export interface FakeApiOptions {
  limits?: ApiLimits;
  record?: boolean;
}

export interface FakeTelegramApi {
  apiRoot: string;
  /** sendMessage calls answered, per chat id. */
  sentTo: Map<string, number>;
  calls: Map<string, number>;
  /** 429 answers given (with `limits`). */
  throttled: number;
  /** Every accepted sendMessage (with `record`). */
  accepted: Accepted[];
  close(): Promise<void>;
}

const nowMs = () => performance.timeOrigin + performance.now();

/** With `record`: what was accepted and how often it answered 429, as JSON. */
export const REPORT_PATH = '/__bench/report';

export async function startFakeTelegramApi(options: FakeApiOptions = {}, port = 0): Promise<FakeTelegramApi> {
  const sentTo = new Map<string, number>();
  const calls = new Map<string, number>();
  const accepted: Accepted[] = [];
  const admit = options.limits ? createRateLimiter(options.limits) : null;
  let nextMessageId = 1;
  let throttled = 0;

  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      if (options.record && request.url === REPORT_PATH) {
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ accepted, throttled }));
        return;
      }
      const method = (request.url ?? '').split('/').pop() ?? '';
      calls.set(method, (calls.get(method) ?? 0) + 1);
      let body: { chat_id?: string | number; text?: string } = {};
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
      } catch {}
      const chatId = String(body.chat_id ?? '');
      const limited = method === 'sendMessage' || method === 'editMessageText';
      const retryAfter = admit && limited ? admit(chatId, nowMs()) : null;
      if (retryAfter !== null) {
        throttled += 1;
        response.writeHead(429, { 'content-type': 'application/json' });
        response.end(
          JSON.stringify({
            ok: false,
            error_code: 429,
            description: `Too Many Requests: retry after ${retryAfter}`,
            parameters: { retry_after: retryAfter },
          }),
        );
        return;
      }
      if (method === 'sendMessage') {
        sentTo.set(chatId, (sentTo.get(chatId) ?? 0) + 1);
        if (options.record) accepted.push({ chatId, text: String(body.text ?? ''), at: nowMs() });
      }
      const result =
        method === 'sendMessage' || method === 'editMessageText'
          ? { message_id: nextMessageId++, date: Math.floor(Date.now() / 1000), chat: { id: Number(chatId) } }
          : true;
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ ok: true, result }));
    });
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const address = server.address() as { port: number };
  return {
    apiRoot: `http://127.0.0.1:${address.port}`,
    sentTo,
    calls,
    get throttled() {
      return throttled;
    },
    accepted,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
