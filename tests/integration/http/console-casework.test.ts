// Casework in the staff console over HTTP (the whole app, a real database, a test clock): the case
// record, notes, notices and referrals, the needs assessment and transfer, through the same core
// rules as the bot. Every form is refused without its CSRF token, for another centre's case (404),
// for an oblast supervisor (read-only) and for input that does not fit (a 400 in the reader's
// language), and none of those refusals changes anything.
import { describe, expect, it } from 'vitest';
import type { CaseView } from '../../../src/core/model.js';
import type { ConsoleClient } from '../../helpers/console-client.js';
import { describeBackends } from '../../helpers/db.js';
import { consoleWorld, KRAMATORSK, OBLAST, SLOVIANSK } from './console-world.js';

describeBackends('Staff console: casework on the case page', (backend) => {
  const world = consoleWorld(backend);
  const { clock, specialist, reportTo } = world;
  const signedIn = world.session;

  /** A case of Kramatorsk, claimed in the console by a specialist there. */
  async function heldCase(report?: Parameters<typeof reportTo>[1]) {
    const holder = await specialist(KRAMATORSK);
    const browser = await signedIn(holder);
    const c = await reportTo(KRAMATORSK, report);
    await browser.get(`/console/cases/${c.id}`);
    expect((await browser.post(`/console/cases/${c.id}/claim`)).statusCode).toBe(303);
    await browser.get(`/console/cases/${c.id}`);
    return { holder, browser, c };
  }

  /** Everything the casework forms could change about a case. */
  async function snapshot(c: CaseView) {
    const store = world.poruch.store;
    const request = await store.requests.findById(c.id);
    return {
      centreId: request?.centreId,
      status: request?.status,
      fields: await store.casework.fields(c.id),
      address: await store.casework.addressOf(c.id),
      notes: await store.casework.notes(c.id),
      notices: await store.casework.notices(c.id),
    };
  }

  const page = (browser: ConsoleClient, c: CaseView) => browser.get(`/console/cases/${c.id}`);

  describe('a specialist holding the case', () => {
    it('writes a note, records the owed notice after a refused close, and then closes the case', async () => {
      const { browser, c } = await heldCase({ category: 'NEGLECT' });
      const first = await page(browser, c);
      expect(first.body).toContain('Строки за процедурою');
      expect(first.body).toContain('повідомлення службі у справах дітей');
      expect(first.body).toContain('через 24 год 0 хв');

      const refused = await browser.post(`/console/cases/${c.id}/close`, {
        outcome: 'REFERRED_CHILDREN_SERVICE',
      });
      expect(refused.headers.location).toBe(`/console/cases/${c.id}?error=NOTICE_OWED`);
      const explained = await browser.get(refused.headers.location as string);
      expect(explained.body).toContain(`Справу ${c.caseCode} не можна закрити`);
      expect(explained.body).toContain('href="#notice-form"');
      // The notice form already names the children's service.
      expect(explained.body).toMatch(/<option value="CHILDREN_SERVICE" selected/);

      const noted = await browser.post(`/console/cases/${c.id}/notes`, {
        text: 'Сусідка підтвердила по телефону.',
      });
      expect(noted.headers.location).toBe(`/console/cases/${c.id}?done=noted#notes-h`);
      const afterNote = await browser.get(`/console/cases/${c.id}?done=noted`);
      expect(afterNote.body).toContain('Нотатку записано.');
      expect(afterNote.body).toContain('Сусідка підтвердила по телефону.');

      clock.advanceMinutes(30);
      const noticed = await browser.post(`/console/cases/${c.id}/notices`, {
        recipient: 'CHILDREN_SERVICE',
        way: 'PHONE',
        reference: '01-12/345',
        recipientName: 'Служба у справах дітей Краматорської міськради',
      });
      expect(noticed.statusCode).toBe(303);
      const [notice] = (await snapshot(c)).notices;
      expect(notice).toMatchObject({ recipient: 'CHILDREN_SERVICE', way: 'PHONE', reference: '01-12/345' });
      expect(notice?.sentAt).toEqual(clock.now());
      const withNotice = await page(browser, c);
      expect(withNotice.body).toContain('01-12/345');
      expect(withNotice.body).toContain('виконано');

      await browser.post(`/console/cases/${c.id}/notices/acknowledge`, { noticeId: notice?.id ?? '' });
      expect((await snapshot(c)).notices[0]?.acknowledgedAt).toEqual(clock.now());

      const closed = await browser.post(`/console/cases/${c.id}/close`, {
        outcome: 'REFERRED_CHILDREN_SERVICE',
      });
      expect(closed.headers.location).toBe(`/console/cases/${c.id}?done=closed`);
      expect((await snapshot(c)).status).toBe('CLOSED');
    });

    it('edits the record; the exact address is shown to the own centre only, never to the oblast supervisor', async () => {
      const { browser, c } = await heldCase();
      const saved = await browser.post(`/console/cases/${c.id}/record`, {
        caseCategory: 'NEGLECT.SUPERVISION',
        riskLevel: 'HIGH',
        childAge: '6-9',
        childSex: 'MALE',
        address: 'вул. Паркова, 12, кв. 4',
      });
      expect(saved.statusCode).toBe(303);
      expect((await snapshot(c)).fields).toMatchObject({
        caseCategory: 'NEGLECT.SUPERVISION',
        riskLevel: 'HIGH',
        childAge: '6-9',
        childSex: 'MALE',
        hasAddress: true,
      });
      expect((await page(browser, c)).body).toContain('вул. Паркова, 12, кв. 4');
      const colleague = await signedIn(await specialist(KRAMATORSK));
      expect((await page(colleague, c)).body).toContain('вул. Паркова, 12, кв. 4');

      const supervisor = await signedIn(await specialist(OBLAST, 'SUPERVISOR'));
      const read = await page(supervisor, c);
      expect(read.statusCode).toBe(200);
      expect(read.body).toContain('Нехтування — відсутність нагляду');
      expect(read.body).not.toContain('Паркова');
      expect(read.body).not.toContain(`/console/cases/${c.id}/record`);

      // Saving again with the address as it was writes (and audits) only what changed.
      await browser.post(`/console/cases/${c.id}/record`, {
        riskLevel: 'MEDIUM',
        address: 'вул. Паркова, 12, кв. 4',
      });
      const updates = await world.poruch.store.database.prisma.auditEvent.findMany({
        where: { requestId: c.id, action: 'case.record_updated' },
      });
      const details = updates.map((u) => JSON.parse(u.detail ?? '{}'));
      expect(details).toContainEqual({ riskLevel: 'MEDIUM' });
      expect(details.filter((d) => 'address' in d)).toEqual([expect.objectContaining({ address: 'set' })]);

      // An emptied address field clears it.
      await browser.post(`/console/cases/${c.id}/record`, { address: '' });
      expect(await world.poruch.store.casework.addressOf(c.id)).toBeNull();
    });

    it('marks the needs assessment done; the deadline shows as met', async () => {
      const { browser, c } = await heldCase();
      clock.advanceMinutes(60);
      expect((await browser.post(`/console/cases/${c.id}/assessed`)).statusCode).toBe(303);
      expect((await snapshot(c)).fields?.assessedAt).toEqual(clock.now());
      expect((await page(browser, c)).body).not.toContain(`/console/cases/${c.id}/assessed`);
    });

    it('refuses a notice dated before the report arrived, next to the time field', async () => {
      const { browser, c } = await heldCase();
      const before = await snapshot(c);
      const early = await browser.post(`/console/cases/${c.id}/notices`, {
        recipient: 'POLICE',
        way: 'PHONE',
        sentAt: '2000-01-01T10:00',
      });
      expect(early.statusCode).toBe(400);
      expect(early.body).toContain('Час не може бути раніше');
      expect(early.body).toMatch(/id="notice-sentAt"[^>]*aria-invalid="true"/);
      expect(await snapshot(c)).toEqual(before);
    });

    it('transfers the case: the new centre sees it waiting, the old centre gets 404', async () => {
      const { browser, c } = await heldCase();
      await browser.post(`/console/cases/${c.id}/notes`, { text: 'Родина переїхала до Слов’янська.' });
      const moved = await browser.post(`/console/cases/${c.id}/transfer`, {
        toCentreId: SLOVIANSK,
        reason: 'FAMILY_MOVED',
      });
      expect(moved.statusCode).toBe(200);
      expect(moved.body).toContain(`Справу ${c.caseCode} передано центру`);
      expect((await snapshot(c)).centreId).toBe(SLOVIANSK);
      expect((await page(browser, c)).statusCode).toBe(404);

      const there = await signedIn(await specialist(SLOVIANSK));
      const arrived = await page(there, c);
      expect(arrived.statusCode).toBe(200);
      expect(arrived.body).toContain('Родина переїхала до Слов’янська.');
      expect((await there.get('/console/queue')).body).toContain(c.caseCode);
    });

    it('an admin of the centre may write in a colleague’s case; a colleague who is not holding it may not', async () => {
      const { c } = await heldCase();
      const admin = await signedIn(await specialist(KRAMATORSK, 'ADMIN'));
      await page(admin, c);
      expect(
        (await admin.post(`/console/cases/${c.id}/notes`, { text: 'Перевірено адміністратором.' }))
          .statusCode,
      ).toBe(303);
      const colleague = await signedIn(await specialist(KRAMATORSK));
      await page(colleague, c);
      const refused = await colleague.post(`/console/cases/${c.id}/notes`, { text: 'Моя нотатка' });
      expect(refused.statusCode).toBe(403);
      expect(refused.body).toContain('Змінювати запис справи може лише фахівець');
      expect((await snapshot(c)).notes.map((n) => n.text)).toEqual(['Перевірено адміністратором.']);
    });
  });

  describe('every casework form refuses without changing anything', () => {
    /** Each route with a form that would be done, and one that does not fit. */
    const ROUTES: {
      path: string;
      good: Record<string, string>;
      bad?: Record<string, string>;
      says?: string;
    }[] = [
      {
        path: 'record',
        good: { riskLevel: 'LOW', address: 'вул. Миру, 1' },
        bad: { riskLevel: 'EXTREME' },
        says: 'Оберіть рівень ризику зі списку.',
      },
      { path: 'notes', good: { text: 'Нотатка' }, bad: { text: '   ' }, says: 'Напишіть текст нотатки' },
      {
        path: 'notices',
        good: { recipient: 'POLICE', way: 'PHONE' },
        bad: { recipient: 'MAYOR', way: 'PHONE' },
        says: 'Оберіть, кому повідомили.',
      },
      {
        path: 'notices/acknowledge',
        good: { noticeId: 'set-below' },
        bad: { noticeId: 'no such notice' },
        says: 'Такого повідомлення у справі немає.',
      },
      { path: 'assessed', good: {} },
      {
        path: 'transfer',
        good: { toCentreId: SLOVIANSK, reason: 'WRONG_DISTRICT' },
        bad: { toCentreId: SLOVIANSK, reason: 'BORED' },
        says: 'Оберіть причину зі списку.',
      },
    ];

    /** A held case with one notice already recorded (for the acknowledgement). */
    async function prepared() {
      const held = await heldCase();
      await held.browser.post(`/console/cases/${held.c.id}/notices`, { recipient: 'SCHOOL', way: 'LETTER' });
      const noticeId = (await snapshot(held.c)).notices[0]?.id as string;
      await page(held.browser, held.c);
      return { ...held, noticeId };
    }
    const formOf = (form: Record<string, string>, noticeId: string) =>
      form.noticeId === 'set-below' ? { noticeId } : form;

    for (const route of ROUTES) {
      it(`/${route.path}: another centre's case is 404, the supervisor and a missing CSRF token are refused`, async () => {
        const { c, browser, noticeId } = await prepared();
        const url = `/console/cases/${c.id}/${route.path}`;
        const form = formOf(route.good, noticeId);
        const before = await snapshot(c);

        const stranger: ConsoleClient = await signedIn(await specialist(SLOVIANSK));
        await stranger.get('/console/queue');
        const foreign = await stranger.post(url, form);
        expect(foreign.statusCode).toBe(404);
        expect(foreign.body).not.toContain(c.caseCode);

        const supervisor = await signedIn(await specialist(OBLAST, 'SUPERVISOR'));
        await page(supervisor, c);
        const readOnly = await supervisor.post(url, form);
        expect(readOnly.statusCode).toBe(403);
        expect(readOnly.body).toContain('Змінювати запис справи може лише фахівець');

        const forged = await browser.post(url, form, { withCsrf: false });
        expect(forged.statusCode).toBe(403);
        expect(forged.body).toContain('Форму не прийнято');

        expect(await snapshot(c)).toEqual(before);
      });

      if (route.bad) {
        const bad = route.bad;
        it(`/${route.path}: input that does not fit is a 400 in Ukrainian or Russian, and changes nothing`, async () => {
          const { c, browser } = await prepared();
          const url = `/console/cases/${c.id}/${route.path}`;
          const before = await snapshot(c);
          const answer = await browser.post(url, bad);
          expect(answer.statusCode).toBe(400);
          expect(answer.body).toContain(route.says);
          expect(answer.body).toContain('role="alert"');
          await browser.get(`/console/cases/${c.id}?lang=ru`);
          const inRussian = await browser.post(url, bad);
          expect(inRussian.statusCode).toBe(400);
          expect(inRussian.body).toContain('lang="ru"');
          expect(inRussian.body).not.toContain(route.says);
          await browser.get(`/console/cases/${c.id}?lang=uk`);
          expect(await snapshot(c)).toEqual(before);
        });
      }
    }
  });

  describe('the queue', () => {
    it('shows ⏰ in red once a legal deadline is overdue, for a case the specialist holds', async () => {
      const { holder, browser, c } = await heldCase({ category: 'NEGLECT' });
      const early = await browser.get('/console/queue');
      expect(rowOf(early.body, c)).toContain('ССД');
      expect(rowOf(early.body, c)).not.toContain('⏰');
      clock.advanceMinutes(25 * 60);
      // A new day, a new session (sessions end after 12 idle hours).
      const nextDay = await signedIn(holder);
      const late = await nextDay.get('/console/queue/live', { 'hx-request': 'true' });
      expect(rowOf(late.body, c)).toMatch(/class="overdue"[^>]*>⏰ прострочено на 1 год 0 хв/);
    });

    it('shows whichever comes first: moving up in 15 minutes while it waits, the police hour once claimed', async () => {
      const browser = await signedIn(await specialist(KRAMATORSK));
      const c = await reportTo(KRAMATORSK, { urgency: 'URGENT', category: 'VIOLENCE' });
      const waiting = rowOf((await browser.get('/console/queue')).body, c);
      expect(waiting).toContain('через 15 хв');
      expect(waiting).toContain('передача вище');
      await browser.post(`/console/cases/${c.id}/claim`);
      const mine = rowOf((await browser.get('/console/queue')).body, c);
      expect(mine).toContain('через 1 год 0 хв');
      expect(mine).toContain('поліція');
    });
  });
});

/** The table row of one case on the queue page. */
function rowOf(html: string, c: CaseView): string {
  const at = html.indexOf(`-${c.id}"`);
  expect(at).toBeGreaterThan(0);
  return html.slice(at, html.indexOf('</tr>', at));
}
