// `npm run report -- --centre ID | --oblast [ID] --from YYYY-MM-DD --to YYYY-MM-DD [--format csv]
//   [--lang uk|ru] [--out DIR] [--shared] [--database-url URL]`
// writes the statistics of a period (local days, both ends included) as one CSV file per table.
// A centre's own report keeps exact counts; the oblast report, and a centre's report marked --shared
// (to be sent outside the centre), show counts below 5 as "<5".
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { caseworkPolicyOf, loadConfig } from '../../src/config.js';
import { type Directory, LOCALES, type Locale } from '../../src/core/model.js';
import type { ReportScope } from '../../src/core/reports/model.js';
import { PeriodError, periodOf } from '../../src/core/reports/period.js';
import { buildReport } from '../../src/core/reports/report.js';
import { reportCsvFiles } from '../../src/export/report-csv.js';
import { createI18n } from '../../src/i18n/index.js';
import { localesDir } from '../../src/paths.js';
import { reportSources } from '../../src/storage/reports/index.js';
import { type Command, databaseUrlFrom, parseCommandArgs, USAGE_ERROR, withStore } from './command.js';

const USAGE = `usage: npm run report -- --centre ID|--oblast [ID] --from YYYY-MM-DD --to YYYY-MM-DD
  [--format csv] [--lang uk|ru] [--out DIR] [--shared] [--database-url URL]`;

/** `--oblast` may come without an id when the directory has one oblast: give parseArgs a value. */
function withOblastValue(argv: string[]): string[] {
  const i = argv.indexOf('--oblast');
  if (i < 0) return argv;
  const next = argv[i + 1];
  return next === undefined || next.startsWith('--')
    ? [...argv.slice(0, i + 1), '', ...argv.slice(i + 1)]
    : argv;
}

export const report: Command = async (args, context) => {
  const { values } = parseCommandArgs(withOblastValue(args), {
    centre: { type: 'string' },
    oblast: { type: 'string' },
    from: { type: 'string' },
    to: { type: 'string' },
    format: { type: 'string', default: 'csv' },
    lang: { type: 'string', default: 'uk' },
    out: { type: 'string' },
    shared: { type: 'boolean', default: false },
  });
  const { centre, oblast, from, to, format, lang } = values;
  if (values.help || !from || !to || (centre === undefined) === (oblast === undefined)) {
    context.err(USAGE);
    return values.help ? 0 : USAGE_ERROR;
  }
  if (format !== 'csv') throw new Error(`format ${format} is not supported: use csv`);
  if (!LOCALES.includes(lang as Locale)) throw new Error(`--lang must be uk or ru, not ${lang}`);
  let period: ReturnType<typeof periodOf>;
  try {
    period = periodOf(from, to);
  } catch (e) {
    if (e instanceof PeriodError) throw new Error(`${e.message}\n${USAGE}`);
    throw e;
  }

  const url = databaseUrlFrom(values['database-url'], context.env);
  return withStore(url, context, async (store) => {
    const directory = await store.directory.load();
    const scope = scopeOf(directory, centre, oblast);
    const centreIds =
      'oblastId' in scope
        ? directory.centres.filter((c) => c.oblastId === scope.oblastId).map((c) => c.id)
        : [];
    const policy = caseworkPolicyOf(loadConfig(context.env));
    const report = await buildReport(
      { ...reportSources(store.database, policy), clock: context.clock },
      scope,
      period,
      centreIds,
    );
    const i18n = createI18n(localesDir);
    const { files, suppressed } = reportCsvFiles(report, directory, i18n, lang as Locale, {
      sharedOutsideCentre: values.shared,
    });
    const name = 'centreId' in scope ? scope.centreId : scope.oblastId;
    const dir = values.out ?? join('reports', `${name.replaceAll('/', '_')}_${from}_${to}`);
    mkdirSync(dir, { recursive: true });
    for (const file of files) writeFileSync(join(dir, file.name), file.content);
    context.out(
      `${dir}: ${files.length} CSV files, ${period.firstDay}..${period.lastDay} (${period.timeZone})` +
        (suppressed ? ', counts below 5 shown as "<5"' : ', exact counts (for the centre itself)'),
    );
    return 0;
  });
};

function scopeOf(directory: Directory, centre: string | undefined, oblast: string | undefined): ReportScope {
  if (centre !== undefined) {
    if (!directory.centres.some((c) => c.id === centre))
      throw new Error(`no centre ${centre} in the directory`);
    return { centreId: centre };
  }
  const oblasts = directory.units.filter((u) => u.level === 'OBLAST').map((u) => u.id);
  if (oblast) {
    if (!oblasts.includes(oblast)) throw new Error(`no oblast ${oblast}; known: ${oblasts.join(', ')}`);
    return { oblastId: oblast };
  }
  if (oblasts.length !== 1) throw new Error(`name the oblast: --oblast ID (one of ${oblasts.join(', ')})`);
  return { oblastId: oblasts[0] as string };
}
