// The oblast centre exports November's roll-up; the Slov'yansk centre exports its own figures. Outside
// the owning centre, counts below 5 read "<5", and a total minus the visible cells gives none back.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { periodOf } from '../../../src/core/reports/period.js';
import { buildReport } from '../../../src/core/reports/report.js';
import { type CsvFile, reportCsvFiles } from '../../../src/export/report-csv.js';
import { createI18n } from '../../../src/i18n/index.js';
import { localesDir } from '../../../src/paths.js';
import { reportSource } from '../../../src/storage/reports/index.js';
import { createStore, type StoreWithDatabase } from '../../../src/storage/store.js';
import { describeBackends } from '../../helpers/db.js';
import { directory, seedNovember } from './world.js';

const november = periodOf('2026-11-01', '2026-11-30');
const clock = { now: () => new Date('2026-12-10T10:00:00Z') };
const i18n = createI18n(localesDir);

/** The data rows of a file, by their first cell (no label in these tables contains a comma). */
function rowsOf(files: CsvFile[], name: string): Map<string, string[]> {
  const file = files.find((f) => f.name.endsWith(`-${name}.csv`));
  if (!file) throw new Error(`no ${name}.csv among ${files.map((f) => f.name).join(', ')}`);
  expect(file.content.startsWith('\uFEFF')).toBe(true); // Excel reads it as UTF-8
  const [, ...lines] = file.content.slice(1).trimEnd().split('\n');
  return new Map(lines.map((line) => line.split(',')).map(([label = '', ...cells]) => [label, cells]));
}

describeBackends('report export', (backend) => {
  let store: StoreWithDatabase;
  let oblastFiles: CsvFile[];
  let centreFiles: CsvFile[];

  beforeAll(async () => {
    store = createStore(backend.url);
    await seedNovember(store);
    const deps = { source: reportSource(store.database), clock };
    const oblast = await buildReport(deps, { oblastId: 'donetska' }, november, ['oblast-centre']);
    const sloviansk = await buildReport(deps, { centreId: 'sloviansk-centre' }, november);
    const exported = reportCsvFiles(oblast, directory, i18n, 'uk');
    expect(exported.suppressed).toBe(true);
    oblastFiles = exported.files;
    centreFiles = reportCsvFiles(sloviansk, directory, i18n, 'uk').files;
  });
  afterAll(() => store.close());

  describe('the oblast roll-up', () => {
    // Columns: received, urgent, closed; claim median, 90%; first answer median, 90%; close median,
    // 90% (hours); escalated, lapsed leases, open; oldest open (days); repeat requests, returning people.
    it('shows "<5" for small counts and times over fewer than 5 requests', () => {
      const rows = rowsOf(oblastFiles, 'centres');
      expect([...rows.keys()]).toEqual([
        'Краматорський центр',
        'Обласний центр',
        "Слов'янський центр",
        'Усього',
      ]);
      expect(rows.get("Слов'янський центр")).toEqual([
        '8',
        '<5',
        '5',
        '0.7',
        '10.0',
        '1.5',
        '24.0',
        '24.0',
        '72.0',
        '0',
        '<5',
        '<5',
        '<5',
        '<5',
        '<5',
      ]);
      expect(rows.get('Обласний центр')).toEqual([
        '<5',
        '<5',
        '<5',
        '<5',
        '<5',
        '<5',
        '<5',
        '<5',
        '<5',
        '0',
        '0',
        '0',
        '',
        '0',
        '0',
      ]);
      // Oblast-wide times are over all its requests: claim median 30 min = 0.5 h, 90% 90 min = 1.5 h.
      expect(rows.get('Усього')).toEqual([
        '15',
        '<5',
        '7',
        '0.5',
        '1.5',
        '1.0',
        '24.0',
        '6.0',
        '72.0',
        '<5',
        '<5',
        '8',
        '28.6',
        '<5',
        '<5',
      ]);
    });

    it('hides a second cell where one hidden cell could be worked out from the total', () => {
      // Received: Kramatorsk 6, oblast centre 1 (hidden), Slov'yansk 8, total 15. With only the 1
      // hidden, 15 − 6 − 8 would give it back, so the smallest other count (6) is hidden too.
      // Open: Kramatorsk 5, Slov'yansk 3 (hidden), total 8: the 5 is hidden with it.
      const kramatorsk = rowsOf(oblastFiles, 'centres').get('Краматорський центр');
      expect(kramatorsk?.[0]).toBe('<5');
      expect(kramatorsk?.[11]).toBe('<5');
      expect(kramatorsk?.[12]).toBe('19.6'); // oldest open: K2, 19 days 14 hours, over 5 open requests
      // Hromadas: Kramatorska 8, Slov'yanska 6, place not given 1 → the 6 is hidden with the 1.
      const hromadas = rowsOf(oblastFiles, 'byHromada');
      expect(hromadas.get('Краматорська')).toEqual(['8', '53.3']);
      expect(hromadas.get("Слов'янська")).toEqual(['<5', '<5']);
      expect(hromadas.get('Місце не вказано')).toEqual(['<5', '<5']);
      expect(hromadas.get('Усього')).toEqual(['15', '100.0']);
    });

    it('writes one file per table, every category below 5 hidden with its percentage', () => {
      expect(oblastFiles.map((f) => f.name)).toContain('01-centres.csv');
      expect(oblastFiles).toHaveLength(13);
      const categories = rowsOf(oblastFiles, 'byCategory');
      expect(categories.get('Насильство над дитиною')).toEqual(['<5', '<5']); // 4: S1, S2, S3, K3
      expect(categories.get('Усього')).toEqual(['15', '100.0']);
    });
  });

  describe("the Slov'yansk centre's own export", () => {
    it('keeps exact counts: the centre knows these families already', () => {
      const rows = rowsOf(centreFiles, 'centres');
      expect([...rows.keys()]).toEqual(["Слов'янський центр"]);
      expect(rows.get("Слов'янський центр")).toEqual([
        '8',
        '2',
        '5',
        '0.7',
        '10.0',
        '1.5',
        '24.0',
        '24.0',
        '72.0',
        '0',
        '1',
        '3',
        '28.6',
        '3',
        '2',
      ]);
      const categories = rowsOf(centreFiles, 'byCategory');
      expect(categories.get('Насильство над дитиною')).toEqual(['3', '37.5']); // 3 of 8
      expect(rowsOf(centreFiles, 'outcomes').get('Передано службі у справах дітей')).toEqual(['2', '40.0']);
    });
  });
});
