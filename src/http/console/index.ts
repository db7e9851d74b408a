// The staff console: server-rendered pages under /console, in their own fastify scope so that its
// cookies, form parsing, CSRF checks and security headers apply to it alone (the messenger webhooks
// and /health are untouched). Order matters: the session check runs before the CSRF check, and
// both before any route.
import { createRequire } from 'node:module';
import path from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyCsrf from '@fastify/csrf-protection';
import fastifyFormbody from '@fastify/formbody';
import fastifyHelmet from '@fastify/helmet';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyPluginAsync } from 'fastify';
import { projectRoot } from '../../paths.js';
import type { ConsoleDeps } from './deps.js';
import { registerConsoleErrors } from './errors.js';
import { caseRoutes } from './routes/case.js';
import { caseworkRoutes } from './routes/casework.js';
import { directoryRoutes } from './routes/directory.js';
import { queueRoutes } from './routes/queue.js';
import { reportRoutes } from './routes/reports.js';
import { teamRoutes } from './routes/team.js';
import { cookieOptions, requireStaff, sessionRoutes, signOutRoute } from './session.js';

const resolve = createRequire(import.meta.url).resolve;
const htmxDir = path.dirname(resolve('htmx.org/dist/htmx.min.js'));
/** uPlot draws the statistics pages' charts, served from its package like htmx (no CDN). */
const uplotDir = path.dirname(resolve('uplot/dist/uPlot.iife.min.js'));
const ASSETS = ['/console.css', '/reports.js', '/htmx.min.js', '/uPlot.iife.min.js', '/uPlot.min.css'];

async function securityPlugins(app: FastifyInstance, deps: ConsoleDeps) {
  const https = deps.publicUrl.startsWith('https://');
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        baseUri: ["'none'"],
        objectSrc: ["'none'"],
        // Only over https: on a plain-http office network it would break every stylesheet and script.
        ...(https ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    hsts: https,
    referrerPolicy: { policy: 'same-origin' },
  });
  await app.register(fastifyCookie, { secret: deps.cookieSecret });
  await app.register(fastifyFormbody, { bodyLimit: 16 * 1024 });
  await app.register(fastifyCsrf, {
    sessionPlugin: '@fastify/cookie',
    cookieKey: 'poruch_csrf',
    cookieOpts: { ...cookieOptions(deps), signed: true },
  });
  await app.register(fastifyRateLimit, { global: false });
}

export function consoleRoutes(deps: ConsoleDeps): FastifyPluginAsync {
  return async (app) => {
    await securityPlugins(app, deps);
    registerConsoleErrors(app, deps);
    await app.register(fastifyStatic, {
      root: [path.join(projectRoot, 'public/console'), htmxDir, uplotDir],
      prefix: '/console/assets/',
      allowedPath: (pathName) => ASSETS.includes(pathName),
      maxAge: '1h',
    });
    // Every state-changing request carries the CSRF token: as a form field or, from htmx, a header.
    // preHandler, not onRequest: the form field is only there once the body is parsed.
    app.addHook('preHandler', (request, reply, done) => {
      if (request.method === 'POST') app.csrfProtection(request, reply, done);
      else done();
    });
    sessionRoutes(app, deps);
    await app.register(async (signedIn) => {
      signedIn.addHook('onRequest', requireStaff(deps));
      signOutRoute(signedIn, deps);
      queueRoutes(signedIn, deps);
      caseRoutes(signedIn, deps);
      caseworkRoutes(signedIn, deps);
      teamRoutes(signedIn, deps);
      directoryRoutes(signedIn, deps);
      reportRoutes(signedIn, deps);
    });
  };
}
