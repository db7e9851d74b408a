// The report's tables, in the order a centre head reads them: the centres (or the one centre), how
// fast they reacted, where requests came from and what about, over time, how they ended, what is
// still open. Every chart of the console will show one of these next to it.
import type { Text } from '../conversation/types.js';
import type { AdminUnit, Locale } from '../model.js';
import { CASEWORK_DEADLINES, sumCasework } from './casework.js';
import { BACKLOG_AGE_DAYS, type CaseworkMeasures, isCentreScope, REACTIONS } from './model.js';
import type { Report, Tally } from './report.js';
import { centresTable, type NameOf } from './rollup-table.js';
import { count, hours, type Row, share, type Table } from './table.js';

const t = (key: string, params?: Text['params']): Text => (params ? { key, params } : { key });

/** Where a breakdown's values find their words. */
const LABEL: Record<string, (key: string) => Text> = {
  kind: (k) => t(`reports.kind.${k}`),
  category: (k) => {
    const [kind, category] = k.split('.');
    // Both kinds have an OTHER: say which, or the table would list "Other" twice.
    if (category === 'OTHER') return t(`reports.other.${kind}`);
    return t(kind === 'CONCERN' ? `concern.category.${category}` : `consultation.topic.${category}`);
  },
  channel: (k) => t(`reports.channel.${k}`),
  language: (k) => t(`language.name.${k}`),
  urgency: (k) => t(`reports.urgency.${k}`),
  returning: (k) => t(`reports.returning.${k}`),
  outcome: (k) => t(`specialist.outcome.${k}`),
};

/** A count-and-share table of one breakdown, with its totals row. */
function tallyTable(id: string, rows: { label: Text | string; count: number }[]): Table {
  const total = rows.reduce((sum, r) => sum + r.count, 0);
  const body: Row[] = rows.map((r) => ({
    label: r.label,
    cells: [count(r.count), share(0, r.count, total)],
  }));
  return {
    id,
    title: t(`reports.table.${id}`),
    columns: [t(`reports.column.${id}`), t('reports.column.requests'), t('reports.column.percent')],
    rows: [
      ...body,
      { label: t('reports.total'), cells: [count(total), share(0, total, total)], total: true },
    ],
    additive: [0],
  };
}

const labelled = (tallies: Tally[], label: (key: string) => Text | string) =>
  tallies.map((x) => ({ label: label(x.key), count: x.count }));

/** Units by id, and the district a hromada lies in. */
function unitNames(units: readonly AdminUnit[], locale: Locale) {
  const byId = new Map(units.map((u) => [u.id, u]));
  const name = (u: AdminUnit) => (locale === 'ru' ? u.nameRu : u.nameUk);
  const districtOf = (id: string): AdminUnit | undefined => {
    let unit = byId.get(id);
    while (unit && unit.level === 'HROMADA') unit = unit.parentId ? byId.get(unit.parentId) : undefined;
    return unit?.level === 'DISTRICT' ? unit : undefined;
  };
  return { byId, name, districtOf };
}

function territoryTables(report: Report, units: readonly AdminUnit[], locale: Locale): Table[] {
  const { byId, name, districtOf } = unitNames(units, locale);
  const unknown = t('reports.unknownPlace');
  const hromadas = labelled(report.breakdowns.unit, (id) => {
    const unit = byId.get(id);
    return unit ? name(unit) : unknown;
  });
  const districts = new Map<string, { label: Text | string; count: number }>();
  for (const { key, count: n } of report.breakdowns.unit) {
    const district = districtOf(key);
    const entry = districts.get(district?.id ?? '') ?? {
      label: district ? name(district) : unknown,
      count: 0,
    };
    entry.count += n;
    districts.set(district?.id ?? '', entry);
  }
  return [
    tallyTable('byHromada', hromadas),
    tallyTable(
      'byDistrict',
      [...districts.values()].sort((a, b) => b.count - a.count),
    ),
  ];
}

function reactionTable(report: Report): Table {
  return {
    id: 'reactionTimes',
    title: t('reports.table.reactionTimes'),
    columns: [
      t('reports.column.reaction'),
      t('reports.column.measuredOver'),
      t('reports.column.medianHours'),
      t('reports.column.p90Hours'),
    ],
    rows: REACTIONS.map((reaction) => {
      const s = report.total.reactions[reaction];
      return {
        label: t(`reports.reaction.${reaction}`),
        cells: [count(s.count), hours(s.medianSeconds, s.count), hours(s.p90Seconds, s.count)],
      };
    }),
    additive: [],
  };
}

function seriesTable(report: Report): Table {
  const rows: Row[] = report.series.map((p) => ({
    label: p.bucket,
    cells: [count(p.concerns), count(p.consultations), count(p.concerns + p.consultations)],
  }));
  const sum = (pick: (p: Report['series'][number]) => number) =>
    report.series.reduce((s, p) => s + pick(p), 0);
  const concerns = sum((p) => p.concerns);
  const consultations = sum((p) => p.consultations);
  return {
    id: 'overTime',
    title: t(`reports.table.overTime.${report.granularity}`),
    columns: [
      t(`reports.column.${report.granularity}`),
      t('reports.kind.CONCERN'),
      t('reports.kind.CONSULTATION'),
      t('reports.column.requests'),
    ],
    rows: [
      ...rows,
      {
        label: t('reports.total'),
        cells: [count(concerns), count(consultations), count(concerns + consultations)],
        total: true,
      },
    ],
    additive: [0, 1, 2],
    rowSum: { parts: [0, 1], total: 2 },
  };
}

function backlogTable(report: Report): Table {
  const bands = report.backlogBands.map((n, i) => {
    const from = i === 0 ? 0 : BACKLOG_AGE_DAYS[i - 1];
    const to = BACKLOG_AGE_DAYS[i];
    const label =
      to === undefined
        ? t('reports.age.atLeast', { from: from ?? 0 })
        : t('reports.age.between', { from: from ?? 0, to });
    return { label, count: n };
  });
  return tallyTable('openByAge', bands);
}

/**
 * Casework deadlines (issue "Casework"): how many were due, met on time, late, not done; those still
 * within time are shown but not counted as due. Due = on time + late + not done, so the row adds up.
 */
function deadlinesTable(casework: CaseworkMeasures): Table {
  return {
    id: 'deadlines',
    title: t('reports.table.deadlines'),
    columns: [
      t('reports.column.deadline'),
      t('reports.column.due'),
      t('reports.column.met'),
      t('reports.column.late'),
      t('reports.column.missing'),
      t('reports.column.pending'),
      t('reports.column.onTimePercent'),
    ],
    rows: CASEWORK_DEADLINES.map((deadline) => {
      const { due, met, late, missing, pending } = casework[deadline];
      return {
        label: t(`reports.deadline.${deadline}`),
        cells: [count(due), count(met), count(late), count(missing), count(pending), share(1, met, due)],
      };
    }),
    additive: [],
    rowSum: { parts: [1, 2, 3], total: 0 },
  };
}

/** The same per centre, for the oblast roll-up: due, on time and the share of each deadline. */
function deadlinesByCentreTable(report: Report, nameOf: NameOf): Table {
  const cellsOf = (m: CaseworkMeasures) =>
    CASEWORK_DEADLINES.flatMap((d, i) => [
      count(m[d].due),
      count(m[d].met),
      share(3 * i + 1, m[d].met, m[d].due),
    ]);
  const rows: Row[] = report.caseworkByCentre
    .map(({ centreId, measures }) => ({ label: nameOf(centreId), cells: cellsOf(measures) }))
    .sort((a, b) => String(a.label).localeCompare(String(b.label), 'uk'));
  const total = report.casework ?? sumCasework([]);
  return {
    id: 'deadlinesByCentre',
    title: t('reports.table.deadlinesByCentre'),
    columns: [
      t('reports.column.centre'),
      ...CASEWORK_DEADLINES.flatMap((d) => {
        const deadline = t(`reports.deadlineShort.${d}`);
        return [
          t('reports.column.deadlineDue', { deadline }),
          t('reports.column.deadlineMet', { deadline }),
          t('reports.column.deadlinePercent', { deadline }),
        ];
      }),
    ],
    rows: [...rows, { label: t('reports.total'), cells: cellsOf(total), total: true }],
    additive: CASEWORK_DEADLINES.flatMap((_, i) => [3 * i, 3 * i + 1]),
  };
}

/** Every table of the report, labelled for `locale`. */
export function reportTables(
  report: Report,
  directory: { units: readonly AdminUnit[]; nameOf: NameOf },
  locale: Locale,
): Table[] {
  const b = report.breakdowns;
  const tables = [
    centresTable(report, directory.nameOf),
    reactionTable(report),
    tallyTable('byKind', labelled(b.kind, LABEL.kind ?? t)),
    tallyTable('byCategory', labelled(b.category, LABEL.category ?? t)),
    tallyTable('byChannel', labelled(b.channel, LABEL.channel ?? t)),
    tallyTable('byLanguage', labelled(b.language, LABEL.language ?? t)),
    tallyTable('byUrgency', labelled(b.urgency, LABEL.urgency ?? t)),
    ...territoryTables(report, directory.units, locale),
    tallyTable('returning', labelled(b.returning, LABEL.returning ?? t)),
    seriesTable(report),
    tallyTable('outcomes', labelled(report.outcomes, LABEL.outcome ?? t)),
    backlogTable(report),
  ];
  if (report.casework) tables.push(deadlinesTable(report.casework));
  if (report.casework && !isCentreScope(report.scope)) {
    tables.push(deadlinesByCentreTable(report, directory.nameOf));
  }
  return tables;
}
