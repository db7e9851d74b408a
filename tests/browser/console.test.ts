// The staff console in a real browser (Chromium), end to end with the Telegram emulator: a
// specialist asks the bot for a link with /web and signs in; a neighbour's report appears in the
// open queue page by itself; the specialist claims it, replies (the person reads the reply in
// Telegram), writes a note, sees the children's-service deadline, is refused closing until the
// notice is recorded in the console's notice form, and closes it. A specialist of another centre gets "not found" for that case. Every
// page passes axe-core's serious checks, and the CSP is never violated. Screenshots of the queue
// and case pages go to tests/browser/__screenshots__.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  enrolSpecialist,
  type RunningPoruch,
  reportChildLeftAlone,
  startPoruch,
} from '../e2e/telegram/poruch-on-emulator.js';
import { freshSqliteUrl } from '../helpers/db.js';
import { startTelegramEmulator, type TelegramEmulator, type TestUser } from '../helpers/telegram-emulator.js';
import { launchChromium, runBrowserTests, seriousViolations } from './chromium.js';

const SCREENSHOTS = path.resolve('tests/browser/__screenshots__');
const KRAMATORSK = 'dn-csss-kramatorsk';
const LINK = /http:\/\/127\.0\.0\.1:\d+\/console\/login\/[A-Za-z0-9_-]{43}/;

describe.runIf(runBrowserTests())('Staff console in Chromium', () => {
  let emulator: TelegramEmulator;
  let running: RunningPoruch;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  /** What the page's CSP refused (there must be nothing). */
  const refused: string[] = [];

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    emulator = await startTelegramEmulator();
    running = await startPoruch({ databaseUrl: freshSqliteUrl(), emulator });
    browser = await launchChromium();
  });
  afterAll(async () => {
    for (const c of contexts) await c.close();
    await browser?.close();
    await running?.close();
    await emulator?.stop();
  });

  /** /web in the bot, then the link in a browser of its own, then "Увійти". */
  async function signIn(user: TestUser): Promise<Page> {
    user.skipAll();
    await user.command('/web');
    const [withLink] = await user.until((m) => LINK.test(m.text));
    const link = LINK.exec(withLink?.text ?? '')?.[0] as string;
    const context = await browser.newContext({ locale: 'uk-UA' });
    contexts.push(context);
    const page = await context.newPage();
    page.on('console', (m) => {
      if (/Content Security Policy|Refused to/i.test(m.text())) refused.push(m.text());
    });
    await page.goto(link);
    await page.getByRole('button', { name: 'Увійти' }).click();
    await page.waitForURL('**/console/queue');
    return page;
  }

  async function expectAccessible(page: Page) {
    expect(await seriousViolations(page)).toEqual([]);
  }

  it('axe-core itself finds what it should (a checker that finds nothing proves nothing)', async () => {
    const context = await browser.newContext();
    contexts.push(context);
    const page = await context.newPage();
    await page.setContent(
      '<html lang="uk"><body><main><input type="text"><img src="x.png"></main></body></html>',
    );
    const found = (await seriousViolations(page)).map((v) => v.id).sort();
    expect(found).toEqual(['document-title', 'image-alt', 'label']);
  });

  it('sign in from /web, see a report arrive, claim, reply, close; another centre gets 404', async () => {
    const anna = emulator.user(620_000_001, { firstName: 'Ганна' });
    const stepan = emulator.user(620_000_002, { firstName: 'Степан' });
    await enrolSpecialist(running, anna, KRAMATORSK, 'ADMIN', 'Ганна Коваль');
    await enrolSpecialist(running, stepan, 'dn-csss-sloviansk', 'SPECIALIST', 'Степан Бондар');

    const page = await signIn(anna);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Черга звернень');
    await expectAccessible(page);

    // The page stays open; a marker proves it is never reloaded while the report comes in.
    await page.evaluate(() => {
      (globalThis as unknown as { stillHere: boolean }).stillHere = true;
    });
    const olena = emulator.user(620_000_100, { firstName: 'Олена' });
    const description = 'Хлопчик років шести ввечері сам на дитячому майданчику біля школи №3.';
    const caseCode = await reportChildLeftAlone(running, olena, description);
    const claim = page.getByRole('button', { name: `Взяти звернення ${caseCode}` });
    await claim.waitFor();
    expect(await page.evaluate(() => (globalThis as unknown as { stillHere?: boolean }).stillHere)).toBe(
      true,
    );
    const row = page.locator('tr', { hasText: caseCode });
    expect(await row.textContent()).toContain('Дитина лишилася без дорослих');
    await expectAccessible(page);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'queue.png'), fullPage: true });

    await claim.click();
    await page.waitForURL('**/console/cases/*');
    const caseUrl = page.url();
    expect(await page.getByRole('status').textContent()).toContain(`Ви взяли звернення ${caseCode}`);
    expect(await page.locator('#description-h + p').textContent()).toBe(description);

    const reply = 'Добрий вечір! Ми вже телефонуємо до служби у справах дітей. Чи дитина ще там?';
    await page.getByLabel('Текст відповіді').fill(reply);
    await page.getByRole('button', { name: 'Надіслати' }).click();
    await page.getByRole('status').filter({ hasText: 'Відповідь надіслано' }).waitFor();
    const [toOlena] = (await olena.until((m) => m.text.includes(reply))).slice(-1);
    expect(toOlena?.text).toContain('Фахівець центру «Краматорський міський центр соціальних служб»');
    expect(await page.locator('.thread').textContent()).toContain(reply);
    await expectAccessible(page);

    // A note for colleagues, written in place (htmx): the page is not reloaded, the person never sees it.
    await page.evaluate(() => {
      (globalThis as unknown as { stillHere: boolean }).stillHere = true;
    });
    const note = 'Сусідка бачила хлопчика на майданчику й учора ввечері.';
    await page.getByLabel('Нова нотатка').fill(note);
    await page.getByRole('button', { name: 'Записати нотатку' }).click();
    await page.getByRole('status').filter({ hasText: 'Нотатку записано' }).waitFor();
    expect(await page.locator('ol.notes').textContent()).toContain(note);
    expect(await page.evaluate(() => (globalThis as unknown as { stillHere?: boolean }).stillHere)).toBe(
      true,
    );

    // A child left alone owes the children's service a notice within 24 hours: the deadline counts down.
    const owed = page.locator('#deadline-CHILDREN_SERVICE_NOTICE');
    expect(await owed.textContent()).toMatch(/через 2[34] год/);

    // Closing before the notice is refused with the reason and a link to the notice form.
    await page.getByLabel('Результат').selectOption('REFERRED_CHILDREN_SERVICE');
    await page.getByRole('button', { name: 'Закрити справу' }).click();
    const refusal = page.getByRole('alert');
    await refusal.filter({ hasText: `Справу ${caseCode} не можна закрити` }).waitFor();
    expect(await refusal.textContent()).toContain('повідомлення службі у справах дітей');
    await refusal.getByRole('link', { name: 'Зафіксувати повідомлення' }).click();
    expect(await page.getByLabel('Кому').inputValue()).toBe('CHILDREN_SERVICE');
    await page.getByLabel('Як повідомили').selectOption('PHONE');
    await page.getByLabel('Реєстраційний номер').fill('01-12/345');
    await page.getByRole('button', { name: 'Зафіксувати', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'Повідомлення зафіксовано' }).waitFor();
    expect(await owed.textContent()).toContain('виконано');
    expect(await page.locator('#notices-h + div table').textContent()).toContain('01-12/345');
    await expectAccessible(page);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'case.png'), fullPage: true });

    // Another centre's specialist, in a browser of their own: the case does not exist for them.
    const other = await signIn(stepan);
    const response = await other.goto(caseUrl);
    expect(response?.status()).toBe(404);
    expect(await other.content()).not.toContain(caseCode);
    expect(await other.content()).not.toContain(description);
    expect(await other.content()).not.toContain(note);
    await expectAccessible(other);

    await page.getByLabel('Результат').selectOption('REFERRED_CHILDREN_SERVICE');
    await page.getByRole('button', { name: 'Закрити справу' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `Справу ${caseCode} закрито` })
      .waitFor();
    await olena.until((m) => m.text.includes(`Ваше звернення ${caseCode} закрито`));
    expect(await page.locator('#trail-h + ol').textContent()).toContain('справу закрито');

    // The admin's pages: the team (with a fresh invite) and the centre's directory entry.
    await page.getByRole('link', { name: 'Команда' }).click();
    await page.getByRole('button', { name: 'Створити код запрошення' }).click();
    expect(await page.locator('.code').textContent()).toMatch(/^\/join [A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    await expectAccessible(page);

    await page.getByRole('link', { name: 'Дані центру' }).click();
    await page.getByLabel('Телефон').fill('+380 626 41 00 00');
    await page.getByRole('button', { name: 'Зберегти' }).click();
    await page.getByRole('status').filter({ hasText: 'Збережено' }).waitFor();
    expect(running.poruch.directory().centres.find((c) => c.id === KRAMATORSK)?.phone).toBe(
      '+380 626 41 00 00',
    );
    await expectAccessible(page);

    expect(refused).toEqual([]);
  }, 180_000);
});
