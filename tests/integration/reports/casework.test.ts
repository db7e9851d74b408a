// The centre head asks: did we tell the children's service within a day, the police within an hour,
// and assess every child's situation within 5 working days? Every figure is counted by hand from the
// notices and assessments of world.ts (the comments there say which story is on time, late or
// missing); the tests' calendar has Monday 16 November as a holiday.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CaseworkPolicy, DEFAULT_CASEWORK_POLICY } from '../../../src/core/casework/deadlines.js';
import type { CaseworkMeasures } from '../../../src/core/reports/model.js';
import { periodOf } from '../../../src/core/reports/period.js';
import { buildReport, type Report } from '../../../src/core/reports/report.js';
import { type CsvFile, reportCsvFiles } from '../../../src/export/report-csv.js';
import { createI18n } from '../../../src/i18n/index.js';
import { localesDir } from '../../../src/paths.js';
import { reportSources } from '../../../src/storage/reports/index.js';
import { createStore, type StoreWithDatabase } from '../../../src/storage/store.js';
import { describeBackends } from '../../helpers/db.js';
import { directory, kyiv, seedNovember } from './world.js';

const november = periodOf('2026-11-01', '2026-11-30');
const policy: CaseworkPolicy = {
  ...DEFAULT_CASEWORK_POLICY,
  calendar: { timeZone: 'Europe/Kyiv', holidays: ['2026-11-16'] },
};
const afterwards = { now: () => new Date('2026-12-10T10:00:00Z') };
const share = (due: number, met: number, late: number, missing: number, pending = 0) => ({
  due,
  met,
  late,
  missing,
  pending,
});

function csvRows(files: CsvFile[], name: string): Map<string, string[]> {
  const file = files.find((f) => f.name.endsWith(`-${name}.csv`));
  if (!file) throw new Error(`no ${name}.csv among ${files.map((f) => f.name).join(', ')}`);
  const [, ...lines] = file.content.slice(1).trimEnd().split('\n');
  return new Map(lines.map((line) => line.split(',')).map(([label = '', ...cells]) => [label, cells]));
}

describeBackends('casework deadlines in the report', (backend) => {
  let store: StoreWithDatabase;
  let oblast: Report;
  let sloviansk: Report;
  const build = (clock: { now(): Date }, scope: Parameters<typeof buildReport>[1], withPolicy = policy) =>
    buildReport(
      { ...reportSources(store.database, withPolicy), clock },
      scope,
      november,
      'oblastId' in scope ? ['oblast-centre'] : [],
    );
  const byCentre = (report: Report, centreId: string): CaseworkMeasures | undefined =>
    report.caseworkByCentre.find((c) => c.centreId === centreId)?.measures;

  beforeAll(async () => {
    store = createStore(backend.url);
    await seedNovember(store);
    oblast = await build(afterwards, { oblastId: 'donetska' });
    sloviansk = await build(afterwards, { centreId: 'sloviansk-centre' });
  });
  afterAll(() => store.close());

  describe('the oblast, looked at in December', () => {
    it("children's service within 24 h: 4 of 8 (exactly 24 h counts as on time)", () => {
      // On time: S1 (2 h), S2 (exactly 24 h), S4 (23 h), K3 (1 h). Late: S3 (24 h 1 min), K20 (30 h).
      // Missing: S6, S8. K2 (bullying) and consultations owe none.
      expect(oblast.casework?.childrenServiceNoticeWithin24h).toEqual(share(8, 4, 2, 2));
    });

    it('police within 1 h for urgent reports: 2 of 3 (exactly 1 h on time, 61 min late)', () => {
      expect(oblast.casework?.policeNoticeWithin1h).toEqual(share(3, 2, 1, 0)); // S1, S3 | K3
    });

    it('needs assessment within 5 working days: 5 of 9, skipping the weekend and the holiday', () => {
      // On time: S1, S4 (Monday 23rd, the holiday moved the deadline), K2, K3, K20 (Friday to Friday).
      // Late: S2 (Friday 13th, a day after its 5th working day). Missing: S3, S6, S8.
      expect(oblast.casework?.needsAssessmentWithin5WorkingDays).toEqual(share(9, 5, 1, 3));
    });

    it('counts each deadline at the centre that holds the case now', () => {
      expect(byCentre(oblast, 'sloviansk-centre')).toEqual({
        childrenServiceNoticeWithin24h: share(6, 3, 1, 2),
        policeNoticeWithin1h: share(2, 2, 0, 0),
        needsAssessmentWithin5WorkingDays: share(6, 2, 1, 3),
      });
      expect(byCentre(oblast, 'kramatorsk-centre')).toEqual({
        childrenServiceNoticeWithin24h: share(1, 0, 1, 0), // K20
        policeNoticeWithin1h: share(0, 0, 0, 0),
        needsAssessmentWithin5WorkingDays: share(2, 2, 0, 0), // K2, K20
      });
      // K3 was escalated to the oblast centre, which handled it.
      expect(byCentre(oblast, 'oblast-centre')).toEqual({
        childrenServiceNoticeWithin24h: share(1, 1, 0, 0),
        policeNoticeWithin1h: share(1, 0, 1, 0),
        needsAssessmentWithin5WorkingDays: share(1, 1, 0, 0),
      });
    });

    it("gives the centre's own dashboard the same figures as its row in the roll-up", () => {
      expect(sloviansk.casework).toEqual(byCentre(oblast, 'sloviansk-centre'));
    });
  });

  it('without the holiday, the assessment received on Saturday 14th is late', async () => {
    const noHolidays = await build(afterwards, { oblastId: 'donetska' }, DEFAULT_CASEWORK_POLICY);
    expect(noHolidays.casework?.needsAssessmentWithin5WorkingDays).toEqual(share(9, 4, 2, 3));
  });

  it('on the last morning of November, deadlines not yet passed are pending, not missed', async () => {
    // 11:00 Kyiv on 30 November: S8's children's service is due at noon, its assessment on 4 December.
    const report = await build({ now: () => kyiv(30, '11:00') }, { oblastId: 'donetska' });
    expect(report.casework?.childrenServiceNoticeWithin24h).toEqual(share(7, 4, 2, 1, 1));
    expect(report.casework?.needsAssessmentWithin5WorkingDays).toEqual(share(8, 5, 1, 2, 1));
  });

  describe('the CSV export', () => {
    // Columns: due, on time, late, not done, still within time, % on time.
    it('shows counts below 5 as "<5" in the oblast file, and a share follows its count', () => {
      const rows = csvRows(
        reportCsvFiles(oblast, directory, createI18n(localesDir), 'uk').files,
        'deadlines',
      );
      expect(rows.get('Службу у справах дітей повідомлено протягом доби')).toEqual([
        '8',
        '<5',
        '<5',
        '<5',
        '0',
        '<5',
      ]);
      expect(rows.get('Поліцію повідомлено протягом години (термінові)')).toEqual([
        '<5',
        '<5',
        '<5',
        '0',
        '0',
        '<5',
      ]);
      expect(rows.get('Оцінку потреб проведено за 5 робочих днів')).toEqual([
        '9',
        '5',
        '<5',
        '<5',
        '0',
        '55.6',
      ]);
    });

    it('lists the deadlines per centre in the roll-up, with totals', () => {
      const rows = csvRows(
        reportCsvFiles(oblast, directory, createI18n(localesDir), 'uk').files,
        'deadlinesByCentre',
      );
      expect([...rows.keys()]).toEqual([
        'Краматорський центр',
        'Обласний центр',
        "Слов'янський центр",
        'Усього',
      ]);
      // Per deadline: due, on time, % on time.
      expect(rows.get("Слов'янський центр")).toEqual(['6', '<5', '<5', '<5', '<5', '<5', '6', '<5', '<5']);
      expect(rows.get('Усього')).toEqual(['8', '<5', '<5', '<5', '<5', '<5', '9', '5', '55.6']);
    });

    it("keeps exact counts in the centre's own file", () => {
      const rows = csvRows(
        reportCsvFiles(sloviansk, directory, createI18n(localesDir), 'uk').files,
        'deadlines',
      );
      expect(rows.get('Службу у справах дітей повідомлено протягом доби')).toEqual([
        '6',
        '3',
        '1',
        '2',
        '0',
        '50.0',
      ]);
      expect(rows.get('Оцінку потреб проведено за 5 робочих днів')).toEqual([
        '6',
        '2',
        '1',
        '3',
        '0',
        '33.3',
      ]);
    });
  });
});
