// The statistics pages in a real browser (Chromium): the oblast supervisor signs in, opens the oblast
// roll-up, picks last month and then a few days of their own, and finds on the page exactly the
// figures of the CSV downloaded from it and of `npm run report` for the same days. The charts are
// drawn (uPlot, from an external script the CSP allows), both pages pass axe-core's serious checks,
// and nothing is refused by the CSP. Screenshots go to tests/browser/__screenshots__; the centre
// dashboard's also to docs/ for the README.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pino } from 'pino';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { report } from '../../scripts/commands/report.js';
import { composePoruch, type Poruch } from '../../src/compose.js';
import { configSchema } from '../../src/config.js';
import type { Specialist, SpecialistRole } from '../../src/core/model.js';
import { runCommand } from '../helpers/command.js';
import { freshSqliteUrl } from '../helpers/db.js';
import { csvRows } from '../helpers/report-tables.js';
import { freePort } from '../helpers/telegram-emulator.js';
import { TestClock } from '../integration/queue/world.js';
import { seedBusySeptember } from '../integration/reports/busy-month.js';
import { seedNovember } from '../integration/reports/world.js';
import { launchChromium, runBrowserTests, seriousViolations } from './chromium.js';

const SCREENSHOTS = path.resolve('tests/browser/__screenshots__');
const DOCS_SCREENSHOT = path.resolve('docs/console-statistics.png');

describe.runIf(runBrowserTests())('Statistics pages in Chromium', () => {
  const databaseUrl = freshSqliteUrl();
  // 10 December 2026: "last month" is the hand-counted November of tests/integration/reports/world.ts.
  const clock = new TestClock(new Date('2026-12-10T10:00:00Z'));
  let poruch: Poruch;
  let origin: string;
  let browser: Browser;
  const refused: string[] = [];

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    const port = await freePort();
    origin = `http://127.0.0.1:${port}`;
    const config = configSchema.parse({
      env: 'test',
      databaseUrl,
      handleKey: 'b'.repeat(64),
      centresFile: path.resolve('data/centres/donetska.json'),
      publicUrl: origin,
      telegram: { mode: 'off' },
      viber: { enabled: false },
    });
    poruch = await composePoruch(config, { clock, logger: pino({ level: 'silent' }) });
    await seedNovember(poruch.store);
    await seedBusySeptember(poruch.store);
    await poruch.reloadDirectory();
    await poruch.app.listen({ port, host: '127.0.0.1' });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await poruch?.close();
  });

  async function signIn(centreId: string, role: SpecialistRole, displayName: string): Promise<Page> {
    const row = await poruch.store.database.prisma.specialist.create({
      data: { centreId, role, displayName },
    });
    const staff = (await poruch.store.specialists.byId(row.id)) as Specialist;
    const link = await poruch.store.transaction(
      async (tx) => (await poruch.signIn.issueLink(tx.staffAccess, staff))?.url ?? '',
    );
    const context = await browser.newContext({ locale: 'uk-UA', viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    page.on('console', (m) => {
      if (/Content Security Policy|Refused to/i.test(m.text())) refused.push(m.text());
    });
    page.on('pageerror', (e) => refused.push(`script error: ${e.message}`));
    await page.goto(link);
    await page.getByRole('button', { name: 'Увійти' }).click();
    await page.waitForURL('**/console/queue');
    return page;
  }

  /** The centres table as the page shows it: label → cells. */
  async function rollupOnPage(page: Page): Promise<Map<string, string[]>> {
    const rows = await page
      .locator('table[aria-labelledby="t-centres"] tbody tr')
      .evaluateAll((trs) =>
        trs.map((tr) => [...tr.querySelectorAll('th, td')].map((c) => (c.textContent ?? '').trim())),
      );
    return new Map(rows.map(([label = '', ...cells]) => [label, cells]));
  }

  /** Each chart the server sent is drawn by the external script (uPlot puts a canvas in it). */
  async function everyChartDrawn(page: Page, charts: number) {
    expect(await page.locator('.chart').count()).toBe(charts);
    await page
      .locator('.chart canvas')
      .nth(charts - 1)
      .waitFor();
    expect(await page.locator('.chart canvas').count()).toBe(charts);
  }

  async function downloadedCsv(page: Page, tableTitle: string): Promise<string> {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: `Завантажити CSV: ${tableTitle}` }).click(),
    ]);
    return readFileSync((await download.path()) as string, 'utf8');
  }

  async function cliCsv(from: string, to: string, table: string): Promise<string> {
    const out = mkdtempSync(path.join(tmpdir(), 'poruch-report-'));
    const args = ['--oblast', '--from', from, '--to', to, '--out', out, '--database-url', databaseUrl];
    expect((await runCommand(report, args, { clock })).code).toBe(0);
    const file = readdirSync(out).find((f) => f.endsWith(`-${table}.csv`)) as string;
    return readFileSync(path.join(out, file), 'utf8');
  }

  it('the oblast roll-up shows the figures of its CSV and of `npm run report`, for each period picked', async () => {
    const page = await signIn('oblast-centre', 'SUPERVISOR', 'Марія Шевчук');
    await page.getByRole('link', { name: 'Статистика' }).click();
    await page.waitForURL('**/console/reports/oblast');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Статистика області: Донецька');
    expect((await rollupOnPage(page)).get('Усього')?.[0]).toBe('0'); // this month: nothing yet

    // Last month: November.
    await page.getByLabel('Минулий місяць').check();
    await page.getByRole('button', { name: 'Показати' }).click();
    await page.waitForURL('**/console/reports/oblast?period=lastMonth*');
    expect(await page.locator('#period-shown').textContent()).toContain('з 01.11.2026 по 30.11.2026');
    const november = await rollupOnPage(page);
    expect(november.get("Слов'янський центр")?.slice(0, 3)).toEqual(['8', '<5', '5']);
    expect(november.get('Усього')?.slice(0, 3)).toEqual(['15', '<5', '7']);
    const csv = await downloadedCsv(page, 'Центри області');
    expect(csvRows(csv)).toEqual(november);
    expect(csv).toBe(await cliCsv('2026-11-01', '2026-11-30', 'centres'));

    // The charts are drawn, from the external script (the CSP would refuse an inline one). In
    // November every daily and category count of the oblast is "<5": only reaction times have a chart.
    await everyChartDrawn(page, 1);
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'reports-oblast.png'), fullPage: true });

    // Days of one's own: typing a date ticks "Свої дати" by itself.
    await page.getByLabel('З', { exact: true }).fill('2026-09-01');
    await page.getByLabel('По', { exact: true }).fill('2026-09-30');
    expect(await page.getByLabel('Свої дати').isChecked()).toBe(true);
    await page.getByRole('button', { name: 'Показати' }).click();
    await page.waitForURL('**/console/reports/oblast?period=custom&from=2026-09-01&to=2026-09-30');
    const september = await rollupOnPage(page);
    expect(september.get('Усього')?.[0]).toBe('150'); // 30 days of 3 + (day mod 5) requests
    const septemberCsv = await downloadedCsv(page, 'Центри області');
    expect(csvRows(septemberCsv)).toEqual(september);
    expect(septemberCsv).toBe(await cliCsv('2026-09-01', '2026-09-30', 'centres'));
    // Requests by day (the day's total: its parts are mostly "<5"), reaction times, categories.
    await everyChartDrawn(page, 3);
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'reports-oblast-september.png'), fullPage: true });

    // A span across both months.
    await page.getByLabel('З', { exact: true }).fill('2026-11-10');
    await page.getByLabel('По', { exact: true }).fill('2026-11-20');
    expect(await page.getByLabel('Свої дати').isChecked()).toBe(true);
    await page.getByRole('button', { name: 'Показати' }).click();
    await page.waitForURL('**/console/reports/oblast?period=custom&from=2026-11-10&to=2026-11-20');
    const tenDays = await rollupOnPage(page);
    const tenDaysCsv = await downloadedCsv(page, 'Центри області');
    expect(csvRows(tenDaysCsv)).toEqual(tenDays);
    expect(tenDaysCsv).toBe(await cliCsv('2026-11-10', '2026-11-20', 'centres'));
    expect(tenDays).not.toEqual(november);

    // Sorting by "Надійшло звернень": the largest first, the totals row last.
    await page.getByRole('link', { name: 'Надійшло звернень' }).click();
    await page
      .getByRole('columnheader', { name: 'Надійшло звернень' })
      .and(page.locator('[aria-sort]'))
      .waitFor();
    const sorted = [...(await rollupOnPage(page)).keys()];
    expect(sorted[sorted.length - 1]).toBe('Усього');

    // A centre's dashboard, from its row.
    await page.getByRole('link', { name: "Слов'янський центр" }).click();
    await page.waitForURL('**/console/reports/centres/sloviansk-centre?*');
    await page.getByLabel('Минулий місяць').check();
    await page.getByRole('button', { name: 'Показати' }).click();
    expect(await page.locator('#period-shown').textContent()).toContain('«<5»');
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'reports-centre-supervised.png'), fullPage: true });
    expect(refused).toEqual([]);
  }, 120_000);

  it("a centre head's own dashboard: exact counts, charts next to their tables", async () => {
    const page = await signIn('sloviansk-centre', 'ADMIN', 'Олена Мельник');
    await page.getByRole('link', { name: 'Статистика' }).click();
    await page.waitForURL('**/console/reports/centres/sloviansk-centre');
    await page.getByLabel('З', { exact: true }).fill('2026-09-01');
    await page.getByLabel('По', { exact: true }).fill('2026-09-30');
    await page.getByRole('button', { name: 'Показати' }).click();
    await page.waitForURL('**/console/reports/centres/sloviansk-centre?period=custom*');
    expect(await page.locator('#period-shown').textContent()).toContain('усі числа точні');
    const figures = page.locator('table[aria-labelledby="t-centres"]');
    expect(await figures.getByRole('row', { name: 'З них термінових' }).textContent()).toMatch(/\d$/);
    await everyChartDrawn(page, 3);
    // The daily numbers are folded under their chart, one click away.
    await page.getByText('Показати числа').click();
    expect(await page.locator('table[aria-labelledby="t-overTime"]').isVisible()).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByText('Показати числа').click();
    await page.screenshot({ path: path.join(SCREENSHOTS, 'reports-centre.png'), fullPage: true });
    // For the README: the top of the page (figures, requests by day, reaction times), not all of it.
    await page.screenshot({
      path: DOCS_SCREENSHOT,
      fullPage: true,
      clip: { x: 0, y: 0, width: 1280, height: 1980 },
    });
    expect(refused).toEqual([]);
  }, 60_000);
});
