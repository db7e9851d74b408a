// A scripted Bot API at the HTTP level, for the answers the emulator cannot give (429, 403, 5xx,
// "message is not modified"). Every call is recorded; a call nobody scripted fails the test loudly.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ApiCall {
  method: string;
  body: Record<string, unknown>;
}

export interface ScriptedAnswer {
  status: number;
  body: unknown;
}

export interface FakeBotApi {
  apiRoot: string;
  calls: ApiCall[];
  /** Queues the answer to the next call of `method`. */
  answer(method: string, answer: ScriptedAnswer): void;
  /** Answers every call of `method` once its queued answers are used up. */
  otherwise(method: string, answer: ScriptedAnswer): void;
  unexpected: string[];
  close(): Promise<void>;
}

export const okResult = (result: unknown): ScriptedAnswer => ({ status: 200, body: { ok: true, result } });
export const apiError = (status: number, description: string, parameters?: object): ScriptedAnswer => ({
  status,
  body: { ok: false, error_code: status, description, ...(parameters ? { parameters } : {}) },
});

export async function startFakeBotApi(): Promise<FakeBotApi> {
  const scripts = new Map<string, ScriptedAnswer[]>();
  const fallbacks = new Map<string, ScriptedAnswer>();
  const calls: ApiCall[] = [];
  const unexpected: string[] = [];
  const server: Server = createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk) => {
      raw += chunk;
    });
    req.on('end', () => {
      const method = (req.url ?? '').split('/').pop() ?? '';
      calls.push({ method, body: raw ? JSON.parse(raw) : {} });
      const answer = scripts.get(method)?.shift() ?? fallbacks.get(method);
      if (!answer) unexpected.push(method);
      const { status, body } = answer ?? {
        status: 500,
        body: { ok: false, error_code: 500, description: 'unscripted' },
      };
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    apiRoot: `http://127.0.0.1:${port}`,
    calls,
    unexpected,
    answer(method, answer) {
      scripts.set(method, [...(scripts.get(method) ?? []), answer]);
    },
    otherwise(method, answer) {
      fallbacks.set(method, answer);
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
