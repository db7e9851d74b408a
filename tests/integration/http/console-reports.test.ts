// The statistics pages over HTTP (app.inject on the whole app, real database), on November's hand-
// counted data set (tests/integration/reports/world.ts): who may open which page, the period picker's
// answers to bad dates, and the page's CSV downloads suppressing exactly what `npm run report` does.
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { report } from '../../../scripts/commands/report.js';
import type { Poruch } from '../../../src/compose.js';
import type { Directory, Specialist, SpecialistRole } from '../../../src/core/model.js';
import { runCommand } from '../../helpers/command.js';
import { ConsoleClient } from '../../helpers/console-client.js';
import { describeBackends } from '../../helpers/db.js';
import { csvRows, pageTableRows } from '../../helpers/report-tables.js';
import { TestClock } from '../queue/world.js';
import { directory as november, seedNovember } from '../reports/world.js';
import { composeConsoleApp } from './console-world.js';

const SLOVIANSK = 'sloviansk-centre';
const NOVEMBER = 'period=custom&from=2026-11-01&to=2026-11-30';
const OBLAST_PAGE = '/console/reports/oblast';
const slovianskPage = `/console/reports/centres/${SLOVIANSK}`;

/** A second oblast with a centre of its own: its supervisor must see nothing of Donetsk oblast. */
const withKyivOblast: Directory = {
  units: [
    ...november.units,
    {
      id: 'kyivska',
      parentId: null,
      level: 'OBLAST',
      nameUk: 'Київська',
      nameRu: 'Киевская',
      lat: 50.4,
      lon: 30.5,
    },
  ],
  centres: [
    ...november.centres,
    {
      ...(november.centres[0] as Directory['centres'][number]),
      id: 'kyiv-oblast-centre',
      nameUk: 'Київський обласний центр',
      nameRu: 'Киевский областной центр',
      oblastId: 'kyivska',
      coverage: ['kyivska'],
    },
  ],
};

describeBackends('Statistics pages: roles, periods and CSV downloads', (backend) => {
  let poruch: Poruch;
  // Ten days after November: the figures of November are as they stood at its end.
  const clock = new TestClock(new Date('2026-12-10T10:00:00Z'));
  const people: Partial<Record<string, ConsoleClient>> = {};

  async function signedIn(centreId: string, role: SpecialistRole): Promise<ConsoleClient> {
    const row = await poruch.store.database.prisma.specialist.create({
      data: { centreId, role, displayName: `${role} ${centreId}` },
    });
    const staff = (await poruch.store.specialists.byId(row.id)) as Specialist;
    const url = await poruch.store.transaction(
      async (tx) => (await poruch.signIn.issueLink(tx.staffAccess, staff))?.url ?? '',
    );
    const client = new ConsoleClient(poruch.app);
    expect((await client.signIn(url)).statusCode).toBe(303);
    return client;
  }
  const as = (who: string) => people[who] as ConsoleClient;

  beforeAll(async () => {
    poruch = await composeConsoleApp(backend, clock);
    await seedNovember(poruch.store);
    await poruch.store.directory.replace(withKyivOblast);
    await poruch.reloadDirectory();
    people.supervisor = await signedIn('oblast-centre', 'SUPERVISOR');
    people.slovianskHead = await signedIn(SLOVIANSK, 'ADMIN');
    people.slovianskSpecialist = await signedIn(SLOVIANSK, 'SPECIALIST');
    people.kramatorskSpecialist = await signedIn('kramatorsk-centre', 'SPECIALIST');
    people.kyivSupervisor = await signedIn('kyiv-oblast-centre', 'SUPERVISOR');
  });
  afterAll(async () => {
    await poruch?.close();
  });

  describe('who may open which page', () => {
    it('"Statistics" leads a supervisor to the oblast and anyone else to their own centre', async () => {
      expect((await as('supervisor').get('/console/reports')).headers.location).toBe(OBLAST_PAGE);
      expect((await as('slovianskSpecialist').get('/console/reports')).headers.location).toBe(slovianskPage);
      const queue = await as('slovianskSpecialist').get('/console/queue');
      expect(queue.body).toContain('href="/console/reports"');
    });

    it('a specialist or a centre head cannot open the oblast roll-up, nor download it', async () => {
      for (const who of ['slovianskSpecialist', 'slovianskHead']) {
        expect((await as(who).get(`${OBLAST_PAGE}?${NOVEMBER}`)).statusCode).toBe(404);
        expect((await as(who).get(`${OBLAST_PAGE}/csv/centres.csv?${NOVEMBER}`)).statusCode).toBe(404);
      }
    });

    it("another centre's dashboard is not found, for the page and its downloads", async () => {
      const page = await as('kramatorskSpecialist').get(`${slovianskPage}?${NOVEMBER}`);
      expect(page.statusCode).toBe(404);
      expect(page.body).not.toContain("Слов'янський центр");
      const csv = await as('kramatorskSpecialist').get(`${slovianskPage}/csv/centres.csv?${NOVEMBER}`);
      expect(csv.statusCode).toBe(404);
    });

    it("a supervisor sees only their own oblast's centres", async () => {
      const kyiv = as('kyivSupervisor');
      expect((await kyiv.get(`${slovianskPage}?${NOVEMBER}`)).statusCode).toBe(404);
      const own = await kyiv.get(`${OBLAST_PAGE}?${NOVEMBER}`);
      expect(own.statusCode).toBe(200);
      expect([...pageTableRows(own.body, 'centres').keys()]).toEqual(['Київський обласний центр', 'Усього']);
      expect(own.body).not.toContain("Слов'янський центр");
      // Donetsk oblast's supervisor may open any of its centres' dashboards, but not Kyiv's.
      expect((await as('supervisor').get(`${slovianskPage}?${NOVEMBER}`)).statusCode).toBe(200);
      const kyivPage = '/console/reports/centres/kyiv-oblast-centre';
      expect((await as('supervisor').get(`${kyivPage}?${NOVEMBER}`)).statusCode).toBe(404);
    });

    it('signed-out visitors are sent to sign in', async () => {
      const anonymous = await new ConsoleClient(poruch.app).get(`${OBLAST_PAGE}?${NOVEMBER}`);
      expect(anonymous.statusCode).toBe(303);
      expect(anonymous.headers.location).toBe('/console/signed-out');
    });
  });

  describe('the period picker', () => {
    it('shows last month, this week and this month in Kyiv days', async () => {
      const lastMonth = await as('supervisor').get(`${OBLAST_PAGE}?period=lastMonth`);
      expect(lastMonth.body).toContain('Показано з 01.11.2026 по 30.11.2026');
      expect(pageTableRows(lastMonth.body, 'centres').get('Усього')?.[0]).toBe('15');
      // 10 December 2026 is a Thursday: the week began on Monday the 7th.
      const week = await as('supervisor').get(`${OBLAST_PAGE}?period=week`);
      expect(week.body).toContain('Показано з 07.12.2026 по 10.12.2026');
      const month = await as('supervisor').get(OBLAST_PAGE);
      expect(month.body).toContain('Показано з 01.12.2026 по 10.12.2026');
      expect(pageTableRows(month.body, 'centres').get('Усього')?.[0]).toBe('0');
    });

    it('answers impossible dates, reversed dates and unknown periods with a message, in the reader language', async () => {
      const impossible = await as('supervisor').get(
        `${OBLAST_PAGE}?period=custom&from=2026-11-31&to=2026-12-05`,
      );
      expect(impossible.statusCode).toBe(400);
      expect(impossible.body).toContain('Дати вказано неправильно');
      expect(impossible.body).toContain('value="2026-11-31"'); // what was typed stays in the form
      expect(impossible.body).not.toContain('t-centres');

      const reversed = await as('supervisor').get(`${OBLAST_PAGE}?from=2026-11-30&to=2026-11-01`);
      expect(reversed.statusCode).toBe(400);
      expect(reversed.body).toContain('Кінець періоду раніше за початок');

      const unknown = await as('supervisor').get(`${OBLAST_PAGE}?period=forever&lang=ru`);
      expect(unknown.statusCode).toBe(400);
      expect(unknown.body).toContain('Даты указаны неправильно');
      // In Russian the figures read the same, under Russian words.
      const russian = await as('supervisor').get(`${OBLAST_PAGE}?${NOVEMBER}&lang=ru`);
      expect(russian.body).toContain('Статистика области: Донецкая');
      expect(pageTableRows(russian.body, 'centres').get('Славянский центр')?.slice(0, 3)).toEqual([
        '8',
        '<5',
        '5',
      ]);

      const tooLong = await as('supervisor').get(`${OBLAST_PAGE}?from=2020-01-01&to=2026-11-30&lang=uk`);
      expect(tooLong.statusCode).toBe(400);
      expect(tooLong.body).toContain('Період задовгий');

      const csv = await as('supervisor').get(`${OBLAST_PAGE}/csv/centres.csv?from=2026-13-01&to=2026-12-01`);
      expect(csv.statusCode).toBe(400);
    });
  });

  describe('figures and downloads', () => {
    it("the oblast page, its CSV and `npm run report --oblast` show the same cells, small ones as '<5'", async () => {
      const supervisor = as('supervisor');
      const page = await supervisor.get(`${OBLAST_PAGE}?${NOVEMBER}`);
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('показано як «&lt;5»');
      const onPage = pageTableRows(page.body, 'centres');
      expect(onPage.get("Слов'янський центр")?.slice(0, 3)).toEqual(['8', '<5', '5']);

      const href = /href="([^"]*\/csv\/centres\.csv[^"]*)"/.exec(page.body)?.[1]?.replaceAll('&amp;', '&');
      expect(href).toBe(`${OBLAST_PAGE}/csv/centres.csv?period=custom&from=2026-11-01&to=2026-11-30`);
      const download = await supervisor.get(href as string);
      expect(download.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(download.headers['content-disposition']).toBe(
        'attachment; filename="poruch_oblast_2026-11-01_2026-11-30_01-centres.csv"',
      );
      expect(csvRows(download.body)).toEqual(onPage);

      const out = mkdtempSync(path.join(tmpdir(), 'poruch-report-'));
      const cli = await runCommand(
        report,
        [
          '--oblast',
          'donetska',
          '--from',
          '2026-11-01',
          '--to',
          '2026-11-30',
          '--out',
          out,
          '--database-url',
          backend.url,
        ],
        { clock },
      );
      expect(cli.code).toBe(0);
      expect(download.body).toBe(readFileSync(path.join(out, '01-centres.csv'), 'utf8'));
      // Every table of the page downloads exactly as the command line writes it.
      for (const file of readdirSync(out)) {
        const table = file.replace(/^\d+-/, '');
        const fromPage = await supervisor.get(`${OBLAST_PAGE}/csv/${table}?${NOVEMBER}`);
        expect(fromPage.body, file).toBe(readFileSync(path.join(out, file), 'utf8'));
        expect(page.body).toContain(`/csv/${table}?`);
      }
    });

    it("shows the casework deadlines: per centre on the roll-up, exact on the centre's own dashboard", async () => {
      const rollup = await as('supervisor').get(`${OBLAST_PAGE}?${NOVEMBER}`);
      // Per deadline (children's service, police, assessment): due, on time, % on time.
      expect(pageTableRows(rollup.body, 'deadlinesByCentre').get("Слов'янський центр")).toEqual([
        '6',
        '<5',
        '<5',
        '<5',
        '<5',
        '<5',
        '6',
        '<5',
        '<5',
      ]);
      const own = await as('slovianskHead').get(`${slovianskPage}?${NOVEMBER}`);
      // Due, on time, late, not done, still within time, % on time (no holidays configured here).
      expect(pageTableRows(own.body, 'deadlines').get('Оцінку потреб проведено за 5 робочих днів')).toEqual([
        '6',
        '1',
        '2',
        '3',
        '0',
        '16.7',
      ]);
    });

    it("the centre's own staff see exact counts; the supervisor sees that dashboard with '<5'", async () => {
      const own = await as('slovianskHead').get(`${slovianskPage}?${NOVEMBER}`);
      expect(own.body).toContain('усі числа точні');
      const figures = pageTableRows(own.body, 'centres');
      expect(figures.get('З них термінових')).toEqual(['2']);
      const ownCsv = await as('slovianskHead').get(`${slovianskPage}/csv/byUrgency.csv?${NOVEMBER}`);
      expect(csvRows(ownCsv.body).get('Термінові (небезпека зараз)')).toEqual(['2', '25.0']);

      const supervised = await as('supervisor').get(`${slovianskPage}?${NOVEMBER}`);
      expect(pageTableRows(supervised.body, 'centres').get('З них термінових')).toEqual(['<5']);
      const supervisedCsv = await as('supervisor').get(`${slovianskPage}/csv/byUrgency.csv?${NOVEMBER}`);
      expect(csvRows(supervisedCsv.body).get('Термінові (небезпека зараз)')).toEqual(['<5', '<5']);
      expect(supervisedCsv.body).toBe(await cliFile(['--centre', SLOVIANSK, '--shared'], 'byUrgency'));
    });

    it('charts draw the cells of their table: what the table hides, no chart shows', async () => {
      const chartsOf = async (who: string, url: string) =>
        [...(await as(who).get(url)).body.matchAll(/data-chart="([^"]+)"/g)].map((m) =>
          JSON.parse((m[1] ?? '').replaceAll('&#34;', '"')),
        );
      // The centre head, exact: 3 reports of violence (S1, S2, S3) in the category chart.
      const own = await chartsOf('slovianskHead', `${slovianskPage}?${NOVEMBER}`);
      expect(own.map((c) => c.kind)).toEqual(['line', 'hbars', 'hbars']);
      const categories = own[2];
      expect(categories.series[0].values[categories.labels.indexOf('Насильство над дитиною')]).toBe(3);
      // The supervisor, same centre: every category and every day is "<5", so only reaction times
      // (over 5 or more requests each) are drawn; the oblast roll-up likewise.
      const supervised = await chartsOf('supervisor', `${slovianskPage}?${NOVEMBER}`);
      expect(supervised.map((c) => c.labels[0])).toEqual(['Час до взяття в роботу']);
      expect(supervised[0].series[0].values).toEqual([10, 24, 72]); // 90%: 600 min, 1440 min, 72 h
      const oblast = await chartsOf('supervisor', `${OBLAST_PAGE}?${NOVEMBER}`);
      expect(oblast.map((c) => c.kind)).toEqual(['hbars']);
    });

    it('sorts the roll-up by any column, the totals row staying last', async () => {
      const page = await as('supervisor').get(`${OBLAST_PAGE}?${NOVEMBER}&sort=0&dir=desc`);
      expect([...pageTableRows(page.body, 'centres').keys()]).toEqual([
        "Слов'янський центр", // 8 received
        // 1 and 6, both shown "<5" (the 6 as well, or 15 − 8 − 6 would give the 1 back): by name.
        'Краматорський центр',
        'Обласний центр',
        'Усього',
      ]);
      expect(page.body).toContain('aria-sort="descending"');
      const byName = await as('supervisor').get(`${OBLAST_PAGE}?${NOVEMBER}&sort=name&dir=desc`);
      expect([...pageTableRows(byName.body, 'centres').keys()][0]).toBe("Слов'янський центр");
    });
  });

  /** The file of one table as `npm run report` writes it. */
  async function cliFile(args: string[], table: string): Promise<string> {
    const out = mkdtempSync(path.join(tmpdir(), 'poruch-report-'));
    const run = await runCommand(
      report,
      [...args, '--from', '2026-11-01', '--to', '2026-11-30', '--out', out, '--database-url', backend.url],
      { clock },
    );
    expect(run.code).toBe(0);
    const file = readdirSync(out).find((f) => f.endsWith(`-${table}.csv`)) as string;
    return readFileSync(path.join(out, file), 'utf8');
  }
});
