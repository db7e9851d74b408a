// A browser-like client of the staff console over app.inject: keeps cookies, reads the CSRF token
// from the page it got, and signs in through a one-time link like a person pressing "Sign in".
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';

export class ConsoleClient {
  private readonly cookies = new Map<string, string>();
  /** The CSRF token of the last page read. */
  csrf = '';

  constructor(private readonly app: FastifyInstance) {}

  private remember(response: LightMyRequestResponse) {
    for (const c of response.cookies) {
      if (c.value === '' || (c.expires && c.expires.getTime() < Date.now())) this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
    const token = /name="_csrf" value="([^"]+)"/.exec(response.body)?.[1];
    if (token) this.csrf = token;
    return response;
  }

  private get cookieHeader() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  async get(url: string, headers: Record<string, string> = {}) {
    return this.remember(
      await this.app.inject({ method: 'GET', url, headers: { cookie: this.cookieHeader, ...headers } }),
    );
  }

  /** A form post; `_csrf` is added unless `withCsrf` is false. */
  async post(url: string, form: Record<string, string> = {}, options: { withCsrf?: boolean } = {}) {
    const fields = options.withCsrf === false ? form : { _csrf: this.csrf, ...form };
    return this.remember(
      await this.app.inject({
        method: 'POST',
        url,
        headers: { cookie: this.cookieHeader, 'content-type': 'application/x-www-form-urlencoded' },
        payload: new URLSearchParams(fields).toString(),
      }),
    );
  }

  /** Opens a sign-in link and presses the button; returns the POST's answer. */
  async signIn(link: string) {
    const path = new URL(link).pathname;
    await this.get(path);
    return this.post(path);
  }

  /** Carries a session opened without the sign-in page (tests that sign in many staff at once). */
  useSession(sessionId: string) {
    this.cookies.set('poruch_session', sessionId);
    return this;
  }

  has(cookie: string) {
    return this.cookies.has(cookie);
  }
}
