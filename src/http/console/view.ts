// What every console page is rendered with: the reader's language, their words (escaped for HTML),
// who is signed in, the CSRF token for forms, and "now".
import type {} from '@fastify/cookie';
import type {} from '@fastify/csrf-protection';
import { escapeHtml } from '@kitajs/html';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { TextParam } from '../../core/conversation/types.js';
import { DEFAULT_LOCALE, LOCALES, type Locale } from '../../core/model.js';
import type { ConsoleDeps, SignedIn } from './deps.js';

export const LANG_COOKIE = 'poruch_lang';

export interface View {
  locale: Locale;
  /** A console text, HTML-escaped (i18n itself does not escape: channels send plain text). */
  t(key: string, params?: Record<string, TextParam>): string;
  /** Any locale key (e.g. "concern.category.NEGLECT"), HTML-escaped. */
  key(key: string, params?: Record<string, TextParam>): string;
  staff: SignedIn | null;
  csrf: string;
  now: Date;
  refreshSeconds: number;
}

const isLocale = (value: unknown): value is Locale =>
  typeof value === 'string' && (LOCALES as readonly string[]).includes(value);

/** ?lang= (remembered in a cookie), else the cookie, else Ukrainian. */
export function localeOf(request: FastifyRequest, reply: FastifyReply): Locale {
  const asked = (request.query as Record<string, unknown> | undefined)?.lang;
  if (isLocale(asked)) {
    reply.setCookie(LANG_COOKIE, asked, { path: '/console', sameSite: 'lax', httpOnly: true });
    return asked;
  }
  const remembered = request.cookies[LANG_COOKIE];
  return isLocale(remembered) ? remembered : DEFAULT_LOCALE;
}

export function viewFor(deps: ConsoleDeps, request: FastifyRequest, reply: FastifyReply): View {
  const locale = localeOf(request, reply);
  const key = (k: string, params?: Record<string, TextParam>) =>
    escapeHtml(deps.i18n.render(params ? { key: k, params } : { key: k }, locale));
  return {
    locale,
    key,
    t: (k, params) => key(`console.${k}`, params),
    staff: request.staff ?? null,
    csrf: reply.generateCsrf(),
    now: deps.clock.now(),
    refreshSeconds: deps.refreshSeconds,
  };
}

/** Sends a rendered page (or fragment). */
export async function sendHtml(reply: FastifyReply, html: JSX.Element, status = 200): Promise<FastifyReply> {
  return reply
    .status(status)
    .type('text/html; charset=utf-8')
    .send(await html);
}

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in specialist, set by the console's session check. */
    staff?: SignedIn;
    /** The session id from the cookie (for sign-out). */
    staffSessionId?: string;
  }
}
