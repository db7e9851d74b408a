// A small typed client over Viber's documented REST API. It replaces viber-bot's client, which
// hard-codes the API URL and resolves successfully on HTTP 200 even when `status` reports an error.
// Every answer's `status` is checked here; failures come back as values, never as exceptions.
import { err, ok, type Result } from '../../core/result.js';
import { exactMessageToken } from './message-token.js';
import type { ViberOutgoing } from './renderer.js';
import { describeStatus } from './status.js';

export type ViberApiError =
  /** Viber understood the call and refused it: `status` is one of VIBER_STATUS. */
  | { kind: 'status'; status: number; message: string }
  /** Not a Viber answer at all: a proxy error page, a 5xx, a 429. */
  | { kind: 'http'; httpStatus: number; retryAfterSeconds?: number }
  | { kind: 'network'; message: string }
  /** HTTP 200 whose body is not the JSON object Viber documents. */
  | { kind: 'malformed'; message: string };

export interface ViberSender {
  name: string;
  avatar?: string;
}

export interface AccountInfo {
  id: string;
  name: string;
  uri?: string;
  webhook?: string;
  eventTypes: string[];
}

export interface UserDetails {
  id: string;
  name?: string;
  language?: string;
  country?: string;
  apiVersion?: number;
}

export interface ViberClientOptions {
  apiUrl: string;
  authToken: string;
  timeoutMs?: number;
  /** Aborts calls still in flight when the channel stops. */
  signal?: AbortSignal;
}

type Answer = Record<string, unknown> & { status: number };

export function describeApiError(error: ViberApiError): string {
  switch (error.kind) {
    case 'status':
      return `viber ${describeStatus(error.status)}`;
    case 'http':
      return `viber http ${error.httpStatus}`;
    case 'network':
      return `viber unreachable: ${error.message}`;
    case 'malformed':
      return `viber answer malformed: ${error.message}`;
  }
}

export function createViberClient(options: ViberClientOptions) {
  const base = options.apiUrl.replace(/\/+$/, '');
  const timeoutMs = options.timeoutMs ?? 10_000;

  async function call(
    endpoint: string,
    body: object,
  ): Promise<Result<{ answer: Answer; raw: string }, ViberApiError>> {
    const signals = [AbortSignal.timeout(timeoutMs), ...(options.signal ? [options.signal] : [])];
    let response: Response;
    let raw: string;
    try {
      response = await fetch(`${base}/${endpoint}`, {
        method: 'POST',
        headers: { 'X-Viber-Auth-Token': options.authToken, 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
        signal: AbortSignal.any(signals),
      });
      raw = await response.text();
    } catch (error) {
      return err({ kind: 'network', message: networkReason(error) });
    }
    if (!response.ok) return err({ kind: 'http', httpStatus: response.status, ...retryAfter(response) });
    let answer: unknown;
    try {
      answer = JSON.parse(raw);
    } catch {
      return err({ kind: 'malformed', message: 'not JSON' });
    }
    if (!isAnswer(answer)) return err({ kind: 'malformed', message: 'no numeric status' });
    if (answer.status !== 0) {
      const message = typeof answer.status_message === 'string' ? answer.status_message : '';
      return err({ kind: 'status', status: answer.status, message });
    }
    return ok({ answer, raw });
  }

  return {
    /** Sends one message; the value is Viber's message_token, kept exact as a string. */
    async sendMessage(
      receiver: string,
      sender: ViberSender,
      message: ViberOutgoing,
    ): Promise<Result<{ messageToken: string | null }, ViberApiError>> {
      const result = await call('send_message', { receiver, sender, ...message });
      if (!result.ok) return result;
      return ok({ messageToken: exactMessageToken(result.value.raw, result.value.answer.message_token) });
    },

    async setWebhook(
      url: string,
      eventTypes: readonly string[],
    ): Promise<Result<{ eventTypes: string[] }, ViberApiError>> {
      const result = await call('set_webhook', { url, event_types: eventTypes, send_name: true });
      if (!result.ok) return result;
      return ok({ eventTypes: strings(result.value.answer.event_types) });
    },

    async getAccountInfo(): Promise<Result<AccountInfo, ViberApiError>> {
      const result = await call('get_account_info', {});
      if (!result.ok) return result;
      const a = result.value.answer;
      return ok({
        id: String(a.id ?? ''),
        name: String(a.name ?? ''),
        ...(typeof a.uri === 'string' ? { uri: a.uri } : {}),
        ...(typeof a.webhook === 'string' ? { webhook: a.webhook } : {}),
        eventTypes: strings(a.event_types),
      });
    },

    async getUserDetails(id: string): Promise<Result<UserDetails, ViberApiError>> {
      const result = await call('get_user_details', { id });
      if (!result.ok) return result;
      const user = (result.value.answer.user ?? {}) as Record<string, unknown>;
      return ok({
        id: String(user.id ?? id),
        ...(typeof user.name === 'string' ? { name: user.name } : {}),
        ...(typeof user.language === 'string' ? { language: user.language } : {}),
        ...(typeof user.country === 'string' ? { country: user.country } : {}),
        ...(typeof user.api_version === 'number' ? { apiVersion: user.api_version } : {}),
      });
    },
  };
}

export type ViberClient = ReturnType<typeof createViberClient>;

function isAnswer(value: unknown): value is Answer {
  return typeof value === 'object' && value !== null && typeof (value as Answer).status === 'number';
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

/** ECONNREFUSED, TimeoutError…: enough to act on, never a URL or a token. */
function networkReason(error: unknown): string {
  if (!(error instanceof Error)) return 'fetch failed';
  const code = (error.cause as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' ? code : error.name;
}

function retryAfter(response: Response): { retryAfterSeconds?: number } {
  const seconds = Number(response.headers.get('retry-after'));
  return Number.isFinite(seconds) && seconds > 0 ? { retryAfterSeconds: seconds } : {};
}
