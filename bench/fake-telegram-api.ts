// A stand-in for api.telegram.org during the benchmark: answers every Bot API call at once, as a
// healthy Telegram would, and counts what the outbox delivered. Not a test double for correctness
// (the e2e tests use telegram-test-api for that): its job is to cost as little as possible.
import { createServer, type Server } from 'node:http';

export interface FakeTelegramApi {
  apiRoot: string;
  /** sendMessage calls answered, per chat id. */
  sentTo: Map<string, number>;
  calls: Map<string, number>;
  close(): Promise<void>;
}

export async function startFakeTelegramApi(): Promise<FakeTelegramApi> {
  const sentTo = new Map<string, number>();
  const calls = new Map<string, number>();
  let nextMessageId = 1;

  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const method = (request.url ?? '').split('/').pop() ?? '';
      calls.set(method, (calls.get(method) ?? 0) + 1);
      let body: { chat_id?: string | number } = {};
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
      } catch {}
      const chatId = String(body.chat_id ?? '');
      if (method === 'sendMessage') sentTo.set(chatId, (sentTo.get(chatId) ?? 0) + 1);
      const result =
        method === 'sendMessage' || method === 'editMessageText'
          ? { message_id: nextMessageId++, date: Math.floor(Date.now() / 1000), chat: { id: Number(chatId) } }
          : true;
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ ok: true, result }));
    });
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    apiRoot: `http://127.0.0.1:${port}`,
    sentTo,
    calls,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
