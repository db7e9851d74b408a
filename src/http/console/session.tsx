// Signing in and out, and the session check in front of every other console route. The session
// cookie is HttpOnly, SameSite=Strict, Secure when the console is served over https, and holds a
// random id whose hash is all the database keeps.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AUDIT_ACTIONS, specialistActor } from '../../core/queue/index.js';
import type { ConsoleDeps } from './deps.js';
import { sendHtml, viewFor } from './view.js';
import { Csrf, Notice, Page } from './views/layout.js';

export const SESSION_COOKIE = 'poruch_session';

/** Tokens are 32 random bytes, base64url: anything else is not worth a database query. */
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

export const cookieOptions = (deps: ConsoleDeps) => ({
  path: '/console',
  httpOnly: true,
  sameSite: 'strict' as const,
  secure: deps.publicUrl.startsWith('https://'),
});

const isHtmx = (request: FastifyRequest) => request.headers['hx-request'] === 'true';

/** Not signed in (or no longer): pages go to the "signed out" notice; htmx is told to go there. */
function signedOut(request: FastifyRequest, reply: FastifyReply) {
  if (isHtmx(request)) return reply.header('HX-Redirect', '/console/signed-out').status(401).send();
  if (request.method === 'GET') return reply.redirect('/console/signed-out', 303);
  return reply.status(401).type('text/plain; charset=utf-8').send('401');
}

/** onRequest hook of the signed-in routes: sets request.staff or answers for them. */
export function requireStaff(deps: ConsoleDeps) {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    const sessionId = request.cookies[SESSION_COOKIE];
    const staff =
      sessionId && TOKEN.test(sessionId)
        ? await deps.signIn.session(deps.store.staffAccess, sessionId)
        : null;
    if (!staff) return signedOut(request, reply);
    request.staff = staff;
    request.staffSessionId = sessionId;
  };
}

export function sessionRoutes(app: FastifyInstance, deps: ConsoleDeps) {
  const rateLimit = { max: deps.signInPerMinute ?? 20, timeWindow: '1 minute' };

  // Opening the link only shows a button: link previews and mail scanners fetch links, and must
  // not spend the one-time token. The POST (a real person pressing the button) signs in.
  app.get<{ Params: { token: string } }>(
    '/console/login/:token',
    { config: { rateLimit } },
    async (request, reply) => {
      const view = viewFor(deps, request, reply);
      reply.header('Referrer-Policy', 'no-referrer');
      return sendHtml(
        reply,
        <Page view={view} title={view.t('login.title')}>
          <p>{view.t('login.explain')}</p>
          <form method="post" action={`/console/login/${encodeURIComponent(request.params.token)}`}>
            <Csrf view={view} />
            <button type="submit">{view.t('login.button')}</button>
          </form>
        </Page>,
      );
    },
  );

  app.post<{ Params: { token: string } }>(
    '/console/login/:token',
    { config: { rateLimit } },
    async (request, reply) => {
      const { token } = request.params;
      const signedIn = TOKEN.test(token)
        ? await deps.store.transaction(async (tx) => {
            const result = await deps.signIn.signIn(tx.staffAccess, token);
            if (result) {
              await tx.audit.record({
                requestId: null,
                actor: specialistActor(result.specialist.id),
                action: AUDIT_ACTIONS.signedIn,
              });
            }
            return result;
          })
        : null;
      if (!signedIn) {
        request.log.warn('console sign-in refused: unknown, used or expired link');
        const view = viewFor(deps, request, reply);
        const refused = (
          <Notice view={view} title={view.t('login.invalidTitle')} text={view.t('login.invalid')} />
        );
        return sendHtml(reply, refused, 400);
      }
      reply.setCookie(SESSION_COOKIE, signedIn.sessionId, cookieOptions(deps));
      return reply.redirect('/console/queue', 303);
    },
  );

  app.get('/console/signed-out', async (request, reply) => {
    const view = viewFor(deps, request, reply);
    return sendHtml(
      reply,
      <Notice view={view} title={view.t('signedOut.title')} text={view.t('signedOut.text')} />,
    );
  });
}

/** Sign-out ends the session in the database, not just the cookie. */
export function signOutRoute(app: FastifyInstance, deps: ConsoleDeps) {
  app.post('/console/logout', async (request, reply) => {
    if (request.staffSessionId) await deps.signIn.signOut(deps.store.staffAccess, request.staffSessionId);
    reply.clearCookie(SESSION_COOKIE, { path: '/console' });
    return reply.redirect('/console/signed-out', 303);
  });
}
