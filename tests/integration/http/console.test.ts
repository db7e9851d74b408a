// The staff console over HTTP (app.inject on the whole app, real database): one-time sign-in links,
// sessions, CSRF, and the scope rules that keep each centre's cases to itself.
import { describe, expect, it } from 'vitest';
import { deactivateSpecialist } from '../../../src/core/specialists/team.js';
import { ConsoleClient } from '../../helpers/console-client.js';
import { describeBackends } from '../../helpers/db.js';
import { consoleWorld, KRAMATORSK, OBLAST, SLOVIANSK } from './console-world.js';

describeBackends('Staff console: sign-in, sessions, CSRF and scope', (backend) => {
  const world = consoleWorld(backend);
  const { clock, specialist, link, signedIn, reportTo } = world;

  describe('one-time sign-in links', () => {
    it('opens a session with an HttpOnly, Secure, SameSite=Strict cookie, and the link works once', async () => {
      const anna = await specialist(KRAMATORSK);
      const url = await link(anna);
      expect(url).toMatch(/^https:\/\/console\.example\.org\/console\/login\/[A-Za-z0-9_-]{43}$/);
      const client = new ConsoleClient(world.poruch.app);
      // Opening the link only shows the button: a link preview does not spend it.
      expect((await client.get(new URL(url).pathname)).statusCode).toBe(200);
      const answer = await client.post(new URL(url).pathname);
      expect(answer.statusCode).toBe(303);
      expect(answer.headers.location).toBe('/console/queue');
      const cookie = answer.cookies.find((c) => c.name === 'poruch_session');
      expect(cookie).toMatchObject({ httpOnly: true, secure: true, sameSite: 'Strict', path: '/console' });
      expect((await client.get('/console/queue')).statusCode).toBe(200);

      const again = new ConsoleClient(world.poruch.app);
      const reused = await again.signIn(url);
      expect(reused.statusCode).toBe(400);
      expect(reused.body).toContain('вже використане');
      expect(again.has('poruch_session')).toBe(false);
    });

    it('refuses a forged token and a token that expired after 10 minutes', async () => {
      const forged = await new ConsoleClient(world.poruch.app).signIn(
        `https://x/console/login/${'A'.repeat(43)}`,
      );
      expect(forged.statusCode).toBe(400);

      const borys = await specialist(KRAMATORSK);
      const url = await link(borys);
      clock.advanceMinutes(11);
      const expired = await new ConsoleClient(world.poruch.app).signIn(url);
      expect(expired.statusCode).toBe(400);
    });

    it('stores only hashes of tokens and session ids', async () => {
      const s = await specialist(KRAMATORSK);
      const url = await link(s);
      const token = url.split('/').pop() as string;
      const client = await (async () => {
        const c = new ConsoleClient(world.poruch.app);
        await c.signIn(url);
        return c;
      })();
      expect(client.has('poruch_session')).toBe(true);
      const prisma = world.poruch.store.database.prisma;
      const tokens = await prisma.staffLoginToken.findMany({ where: { specialistId: s.id } });
      const sessions = await prisma.staffSession.findMany({ where: { specialistId: s.id } });
      expect(tokens).toHaveLength(1);
      expect(sessions).toHaveLength(1);
      expect(JSON.stringify([tokens, sessions])).not.toContain(token);
    });
  });

  describe('sessions', () => {
    it('ends after 12 idle hours and on sign-out', async () => {
      const client = await signedIn(await specialist(KRAMATORSK));
      clock.advanceMinutes(11 * 60);
      expect((await client.get('/console/queue')).statusCode).toBe(200);
      clock.advanceMinutes(12 * 60 + 1);
      const idle = await client.get('/console/queue');
      expect(idle.statusCode).toBe(303);
      expect(idle.headers.location).toBe('/console/signed-out');

      const other = await signedIn(await specialist(KRAMATORSK));
      await other.get('/console/queue');
      expect((await other.post('/console/logout')).headers.location).toBe('/console/signed-out');
      expect((await other.get('/console/queue')).statusCode).toBe(303);
    });

    it("stops working the moment the specialist is switched off, for pages and for htmx's polling", async () => {
      const s = await specialist(KRAMATORSK);
      const client = await signedIn(s);
      expect((await client.get('/console/queue/live', { 'hx-request': 'true' })).statusCode).toBe(200);
      await deactivateSpecialist(
        {
          store: world.poruch.store,
          queue: world.poruch.queue,
          notify: { directory: world.poruch.directory, now: () => clock.now() },
        },
        s.id,
      );
      expect((await client.get('/console/queue')).headers.location).toBe('/console/signed-out');
      const polled = await client.get('/console/queue/live', { 'hx-request': 'true' });
      expect(polled.statusCode).toBe(401);
      expect(polled.headers['hx-redirect']).toBe('/console/signed-out');
      // No new link for a switched-off specialist either.
      expect(await link({ ...s, active: false })).toBe('');
    });
  });

  describe('CSRF', () => {
    it('refuses a form without the token, and with a token from another browser', async () => {
      const s = await specialist(KRAMATORSK);
      const client = await signedIn(s);
      const request = await reportTo(KRAMATORSK);
      await client.get('/console/queue');
      const without = await client.post(`/console/cases/${request.id}/claim`, {}, { withCsrf: false });
      expect(without.statusCode).toBe(403);
      expect(without.body).toContain('Форму не прийнято');
      const stranger = await signedIn(await specialist(KRAMATORSK));
      await stranger.get('/console/queue');
      const foreign = await client.post(`/console/cases/${request.id}/claim`, { _csrf: stranger.csrf });
      expect(foreign.statusCode).toBe(403);
      expect((await world.poruch.store.requests.findById(request.id))?.status).toBe('NEW');

      const ok = await client.post(`/console/cases/${request.id}/claim`);
      expect(ok.statusCode).toBe(303);
      expect((await world.poruch.store.requests.findById(request.id))?.claimedById).toBe(s.id);
    });
  });

  describe('scope', () => {
    it("answers 404 for another centre's case, for reading and for acting, without its code", async () => {
      const request = await reportTo(KRAMATORSK);
      const stranger = await signedIn(await specialist(SLOVIANSK));
      await stranger.get('/console/queue');
      for (const answer of [
        await stranger.get(`/console/cases/${request.id}`),
        await stranger.post(`/console/cases/${request.id}/claim`),
        await stranger.post(`/console/cases/${request.id}/reply`, { text: 'Привіт' }),
      ]) {
        expect(answer.statusCode).toBe(404);
        expect(answer.body).not.toContain(request.caseCode);
      }
      expect((await stranger.get('/console/queue')).body).not.toContain(request.caseCode);
      expect((await world.poruch.store.requests.findById(request.id))?.status).toBe('NEW');
    });

    it('lets an oblast supervisor read every centre of the oblast but act on none of their cases', async () => {
      const request = await reportTo(KRAMATORSK);
      const supervisor = await signedIn(await specialist(OBLAST, 'SUPERVISOR'));
      expect((await supervisor.get('/console/queue')).body).toContain(request.caseCode);
      const page = await supervisor.get(`/console/cases/${request.id}`);
      expect(page.statusCode).toBe(200);
      expect(page.body).not.toContain(`/console/cases/${request.id}/claim`);
      const claim = await supervisor.post(`/console/cases/${request.id}/claim`);
      expect(claim.headers.location).toContain('error=');
      expect((await world.poruch.store.requests.findById(request.id))?.status).toBe('NEW');
    });

    it('records reading a case in its audit trail', async () => {
      const request = await reportTo(KRAMATORSK);
      const reader = await specialist(KRAMATORSK);
      const client = await signedIn(reader);
      await client.get(`/console/cases/${request.id}`);
      const viewed = await world.poruch.store.database.prisma.auditEvent.findMany({
        where: { requestId: request.id, action: 'request.viewed' },
      });
      expect(viewed).toMatchObject([{ actorType: 'SPECIALIST', actorId: reader.id }]);
    });

    it('keeps team and directory pages to centre admins', async () => {
      const plain = await signedIn(await specialist(KRAMATORSK));
      expect((await plain.get('/console/team')).statusCode).toBe(404);
      expect((await plain.get('/console/directory')).statusCode).toBe(404);
      const admin = await signedIn(await specialist(KRAMATORSK, 'ADMIN'));
      expect((await admin.get('/console/team')).statusCode).toBe(200);
    });
  });

  describe('team page', () => {
    it('switches a colleague off: their cases go back to the queue and their session ends at once', async () => {
      const admin = await signedIn(await specialist(KRAMATORSK, 'ADMIN'));
      const taras = await specialist(KRAMATORSK);
      const tarasBrowser = await signedIn(taras);
      const request = await reportTo(KRAMATORSK);
      await tarasBrowser.get('/console/queue');
      await tarasBrowser.post(`/console/cases/${request.id}/claim`);
      expect((await world.poruch.store.requests.findById(request.id))?.claimedById).toBe(taras.id);

      const team = await admin.get('/console/team');
      expect(team.body).toContain(taras.displayName);
      const done = await admin.post(`/console/team/${taras.id}/deactivate`);
      expect(done.headers.location).toBe('/console/team');
      expect((await world.poruch.store.requests.findById(request.id))?.status).toBe('NEW');
      expect((await tarasBrowser.get('/console/queue')).headers.location).toBe('/console/signed-out');
      expect(
        await world.poruch.store.database.prisma.staffSession.count({ where: { specialistId: taras.id } }),
      ).toBe(0);
    });

    it('cannot switch off someone of another centre (404)', async () => {
      const admin = await signedIn(await specialist(KRAMATORSK, 'ADMIN'));
      const elsewhere = await specialist(SLOVIANSK);
      await admin.get('/console/team');
      expect((await admin.post(`/console/team/${elsewhere.id}/deactivate`)).statusCode).toBe(404);
      expect((await world.poruch.store.specialists.byId(elsewhere.id))?.active).toBe(true);
    });

    it("shows a new invite code once, for the admin's own centre", async () => {
      const admin = await signedIn(await specialist(KRAMATORSK, 'ADMIN'));
      await admin.get('/console/team');
      const page = await admin.post('/console/team/invite', { name: 'Ірина', role: 'SPECIALIST' });
      const code = /\/join ([A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4})/.exec(page.body)?.[1];
      expect(code).toBeDefined();
      const invites = await world.poruch.store.database.prisma.invite.findMany({
        where: { displayName: 'Ірина' },
      });
      expect(invites).toMatchObject([{ centreId: KRAMATORSK, role: 'SPECIALIST', usedAt: null }]);
      expect(JSON.stringify(invites)).not.toContain(code);
    });
  });

  describe('directory page', () => {
    it("changes the centre's entry in the running server, and refuses a bad e-mail with a reason", async () => {
      const admin = await signedIn(await specialist(SLOVIANSK, 'ADMIN'));
      await admin.get('/console/directory');
      const form = {
        phone: '+380 (626) 12-34-56',
        email: 'css@example.org',
        addressUk: 'вул. Шевченка, 1',
        addressRu: 'ул. Шевченко, 1',
        hoursUk: 'Пн–Пт 8:00–17:00',
        hoursRu: 'Пн–Пт 8:00–17:00',
        languages: 'uk',
      };
      const bad = await admin.post('/console/directory', { ...form, email: 'not an address' });
      expect(bad.statusCode).toBe(400);
      expect(bad.body).toContain('aria-invalid="true"');
      const saved = await admin.post('/console/directory', form);
      expect(saved.headers.location).toBe('/console/directory?saved=1');
      const centre = world.poruch.directory().centres.find((c) => c.id === SLOVIANSK);
      expect(centre).toMatchObject({
        phone: form.phone,
        email: form.email,
        languages: ['uk'],
        needsConfirmation: false,
      });
    });
  });

  // Last in the file: the limit counts real minutes per address, and app.inject is always 127.0.0.1.
  describe('sign-in rate limit', () => {
    it('answers 429, in words, once one address has tried to sign in 20 times within a minute', async () => {
      const client = new ConsoleClient(world.poruch.app);
      const answers = [];
      for (let i = 0; i < 22; i++) answers.push(await client.get(`/console/login/${'B'.repeat(43)}`));
      const first = answers.findIndex((a) => a.statusCode === 429);
      expect(first).toBeGreaterThanOrEqual(0);
      expect(answers.slice(first).every((a) => a.statusCode === 429)).toBe(true);
      expect(answers[first]?.body).toContain('Забагато спроб');
    });
  });
});
