// A small round-robin HTTP proxy for the two-instance run: each request goes to the next instance,
// over kept-alive connections, as a load balancer in front of several Poruch processes would.
// It runs in the benchmark's own process, so its cost is shared with autocannon, not with Poruch.
import {
  Agent,
  createServer,
  type IncomingMessage,
  request,
  type Server,
  type ServerResponse,
} from 'node:http';

export interface RoundRobin {
  url: string;
  /** Requests forwarded to each upstream. */
  forwarded: number[];
  close(): Promise<void>;
}

export async function startRoundRobin(upstreamPorts: readonly number[]): Promise<RoundRobin> {
  const agent = new Agent({ keepAlive: true, maxSockets: 256 });
  const forwarded = upstreamPorts.map(() => 0);
  let next = 0;
  const pick = () => {
    const index = next;
    next = (next + 1) % upstreamPorts.length;
    return index;
  };
  // A kept-alive upstream socket can be closed just as a request is written (ECONNRESET). Telegram
  // would deliver that update again, so the proxy does too, once, before answering 502: the webhook
  // is idempotent by update_id.
  const forward = (incoming: IncomingMessage, body: Buffer, outgoing: ServerResponse, tries: number) => {
    const index = pick();
    forwarded[index] = (forwarded[index] ?? 0) + 1;
    const upstream = request(
      {
        host: '127.0.0.1',
        port: upstreamPorts[index],
        method: incoming.method,
        path: incoming.url,
        headers: incoming.headers,
        agent,
      },
      (answer) => {
        outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(outgoing);
      },
    );
    upstream.on('error', () => {
      if (outgoing.headersSent) return void outgoing.end();
      if (tries > 1) return forward(incoming, body, outgoing, tries - 1);
      outgoing.writeHead(502);
      outgoing.end();
    });
    upstream.end(body);
  };
  const server: Server = createServer((incoming, outgoing) => {
    const chunks: Buffer[] = [];
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
    incoming.on('end', () => forward(incoming, Buffer.concat(chunks), outgoing, 2));
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    forwarded,
    close: () =>
      new Promise<void>((resolve) => {
        agent.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
