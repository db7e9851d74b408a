// A local stand-in for Viber's REST API (https://chatapi.viber.com/pa) and for Viber itself as the
// caller of our webhook. It follows the documented behaviour tests rely on: HTTP 200 with a non-zero
// `status` on errors, message_token as a bare 64-bit JSON number, set_webhook verifying the URL with
// a signed `webhook` callback, and 6 for receivers who are not subscribed. Unknown endpoints answer
// HTTP 404 and are recorded in `unmatched`, so a test can fail loudly on them.
import { createHmac } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedCall {
  endpoint: string;
  authToken: string | undefined;
  body: Record<string, unknown>;
}

export type Failure =
  | { status: number; message?: string }
  | { httpStatus: number }
  /** HTTP 200 with a body that is not Viber's JSON (a captive proxy, a misconfigured gateway). */
  | { rawBody: string };

export interface FakeViberApi {
  /** Base URL to put in VIBER_API_URL / config.viber.apiUrl. */
  url: string;
  authToken: string;
  calls: RecordedCall[];
  /** Bodies of successful send_message calls, in order. */
  sent: Record<string, unknown>[];
  unmatched: string[];
  webhook: { url: string; eventTypes: string[] } | null;
  /** Receivers for which send_message answers status 6 (receiverNotSubscribed). */
  notSubscribed: Set<string>;
  /** The next call to `endpoint` fails like this (queued, one per call). */
  failNext(endpoint: string, failure: Failure): void;
  sentTo(receiver: string): Record<string, unknown>[];
  close(): Promise<void>;
}

const BUTTON_ACTIONS = new Set(['reply', 'open-url', 'location-picker', 'share-phone', 'none']);
let nextToken = 5_741_311_803_571_721_087n; // above 2^53, like real tokens

export function nextMessageToken(): string {
  nextToken += 1n;
  return nextToken.toString();
}

/** JSON with every "message_token" written as a bare number, as Viber does. */
export function viberJson(value: unknown): string {
  return JSON.stringify(value).replace(/"message_token":"(\d+)"/g, '"message_token":$1');
}

export function sign(body: string, authToken: string): string {
  return createHmac('sha256', authToken).update(body).digest('hex');
}

export async function startFakeViberApi(
  authToken = 'fake-viber-auth-token-0123456789',
): Promise<FakeViberApi> {
  const failures = new Map<string, Failure[]>();
  const api: FakeViberApi = {
    url: '',
    authToken,
    calls: [],
    sent: [],
    unmatched: [],
    webhook: null,
    notSubscribed: new Set(),
    failNext(endpoint, failure) {
      failures.set(endpoint, [...(failures.get(endpoint) ?? []), failure]);
    },
    sentTo: (receiver) => api.sent.filter((m) => m.receiver === receiver),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };

  const server = createServer((req, res) => {
    void handle(req, res).catch(() => answer(res, 500, '{"error":"fake crashed"}'));
  });

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const endpoint = (req.url ?? '').replace(/^\/pa\//, '').split('?')[0] ?? '';
    const raw = await readBody(req);
    let body: Record<string, unknown>;
    try {
      body = JSON.parse(raw || '{}');
    } catch {
      return answer(res, 200, viberJson({ status: 3, status_message: 'badData' }));
    }
    const token = req.headers['x-viber-auth-token'];
    api.calls.push({ endpoint, authToken: typeof token === 'string' ? token : undefined, body });
    const failure = failures.get(endpoint)?.shift();
    if (failure && 'httpStatus' in failure)
      return answer(res, failure.httpStatus, '<html>upstream error</html>');
    if (failure && 'rawBody' in failure) return answer(res, 200, failure.rawBody);
    if (failure)
      return answer(res, 200, viberJson({ status: failure.status, status_message: failure.message ?? '' }));
    if (token !== authToken)
      return answer(res, 200, viberJson({ status: 2, status_message: 'invalidAuthToken' }));
    const result = await route(endpoint, body);
    if (result === null) {
      api.unmatched.push(endpoint);
      return answer(res, 404, '{"error":"unknown endpoint"}');
    }
    answer(res, 200, viberJson(result));
  }

  async function route(endpoint: string, body: Record<string, unknown>): Promise<object | null> {
    switch (endpoint) {
      case 'send_message':
        return sendMessage(body);
      case 'set_webhook':
        return setWebhook(body);
      case 'get_account_info':
        return {
          status: 0,
          status_message: 'ok',
          id: 'pa:5725913014585893621',
          name: 'Poruch test',
          uri: 'poruch-test',
          webhook: api.webhook?.url ?? '',
          event_types: api.webhook?.eventTypes ?? [],
          subscribers_count: 0,
        };
      case 'get_user_details':
        return typeof body.id === 'string'
          ? {
              status: 0,
              status_message: 'ok',
              user: { id: body.id, name: 'User', language: 'uk', country: 'UA', api_version: 10 },
            }
          : { status: 4, status_message: 'missingData' };
      default:
        return null;
    }
  }

  function sendMessage(body: Record<string, unknown>): object {
    const problem = invalidMessage(body);
    if (problem) return { status: 3, status_message: problem };
    if (api.notSubscribed.has(String(body.receiver))) return { status: 6, status_message: 'notSubscribed' };
    api.sent.push(body);
    return {
      status: 0,
      status_message: 'ok',
      message_token: nextMessageToken(),
      chat_hostname: 'SN-CHAT-05_',
    };
  }

  async function setWebhook(body: Record<string, unknown>): Promise<object> {
    if (typeof body.url !== 'string') return { status: 4, status_message: 'missingData' };
    const eventTypes = Array.isArray(body.event_types) ? body.event_types.map(String) : [];
    const check = await postCallback(
      body.url,
      {
        event: 'webhook',
        timestamp: Date.now(),
        chat_hostname: 'SN-CHAT-01_',
        message_token: nextMessageToken(),
      },
      authToken,
    ).catch(() => null);
    if (check?.status !== 200) return { status: 1, status_message: 'invalidUrl' };
    api.webhook = { url: body.url, eventTypes };
    return { status: 0, status_message: 'ok', event_types: eventTypes };
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  api.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/pa`;
  return api;
}

/** The documented limits our messages must respect; a breach answers badData like Viber would. */
function invalidMessage(body: Record<string, unknown>): string | null {
  if (typeof body.receiver !== 'string' || body.receiver === '') return 'receiver missing';
  const sender = body.sender as { name?: unknown } | undefined;
  if (typeof sender?.name !== 'string' || sender.name.length > 28) return 'sender.name missing or too long';
  if (body.type !== 'text') return `unsupported type ${String(body.type)}`;
  if (typeof body.text !== 'string' || body.text === '' || body.text.length > 7000)
    return 'text empty or too long';
  const keyboard = body.keyboard as { Type?: unknown; Buttons?: unknown } | undefined;
  if (keyboard === undefined) return null;
  if (keyboard.Type !== 'keyboard' || !Array.isArray(keyboard.Buttons) || keyboard.Buttons.length === 0)
    return 'keyboard';
  for (const b of keyboard.Buttons as Record<string, unknown>[]) {
    const columns = Number(b.Columns ?? 6);
    const rows = Number(b.Rows ?? 1);
    if (!(columns >= 1 && columns <= 6 && rows >= 1 && rows <= 2)) return 'button size';
    if (!BUTTON_ACTIONS.has(String(b.ActionType ?? 'reply'))) return 'button ActionType';
    if (typeof b.ActionBody !== 'string' || b.ActionBody === '') return 'button ActionBody';
    if (b.ActionType === 'location-picker' && Number(body.min_api_version ?? 1) < 3)
      return 'location-picker needs min_api_version 3';
  }
  return null;
}

export interface CallbackOptions {
  /** undefined: a valid signature; null: no header at all; a string: sent as is. */
  signature?: string | null;
}

/** POSTs a callback the way Viber does: raw JSON body, signed with the auth token. */
export async function postCallback(
  webhookUrl: string,
  payload: object | string,
  authToken: string,
  options: CallbackOptions = {},
): Promise<Response> {
  const body = typeof payload === 'string' ? payload : viberJson(payload);
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  const signature = options.signature === undefined ? sign(body, authToken) : options.signature;
  if (signature !== null) headers['x-viber-content-signature'] = signature;
  return fetch(webhookUrl, { method: 'POST', headers, body });
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function answer(res: ServerResponse, status: number, body: string) {
  res.writeHead(status, { 'content-type': body.startsWith('<') ? 'text/html' : 'application/json' });
  res.end(body);
}

/** Callbacks shaped like Viber's documented examples; every one gets a fresh 64-bit message_token. */
export const viberEvents = {
  user: (id: string, language = 'uk') => ({
    id,
    name: 'Viber user',
    avatar: '',
    country: 'UA',
    language,
    api_version: 10,
  }),
  conversationStarted: (userId: string, language = 'uk', subscribed = false) => ({
    event: 'conversation_started',
    timestamp: Date.now(),
    message_token: nextMessageToken(),
    type: 'open',
    context: '',
    user: viberEvents.user(userId, language),
    subscribed,
  }),
  subscribed: (userId: string, language = 'uk') => ({
    event: 'subscribed',
    timestamp: Date.now(),
    message_token: nextMessageToken(),
    user: viberEvents.user(userId, language),
  }),
  unsubscribed: (userId: string) => ({
    event: 'unsubscribed',
    timestamp: Date.now(),
    message_token: nextMessageToken(),
    user_id: userId,
  }),
  message: (userId: string, message: Record<string, unknown>, language = 'uk') => ({
    event: 'message',
    timestamp: Date.now(),
    chat_hostname: 'SN-CHAT-05_',
    message_token: nextMessageToken(),
    sender: viberEvents.user(userId, language),
    message,
    silent: false,
  }),
  text: (userId: string, text: string, language = 'uk') =>
    viberEvents.message(userId, { type: 'text', text }, language),
  /** What Viber sends when a keyboard button is pressed: a text message carrying its ActionBody. */
  press: (userId: string, actionBody: string, language = 'uk') =>
    viberEvents.text(userId, actionBody, language),
  location: (userId: string, lat: number, lon: number) =>
    viberEvents.message(userId, { type: 'location', location: { lat, lon } }),
  receipt: (event: 'delivered' | 'seen', userId: string) => ({
    event,
    timestamp: Date.now(),
    message_token: nextMessageToken(),
    user_id: userId,
  }),
  failed: (userId: string, desc: string) => ({
    event: 'failed',
    timestamp: Date.now(),
    message_token: nextMessageToken(),
    user_id: userId,
    desc,
  }),
};
