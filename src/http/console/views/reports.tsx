// The statistics pages: a centre's dashboard and the oblast roll-up. A period picker (plain GET
// form, so the address can be shared), then the tables in the order a centre head reads them, each
// with its CSV download and, where a picture says it faster, a chart drawn from the same cells.
import type { PeriodProblem, Preset } from '../../../core/reports/presets.js';
import { PRESETS } from '../../../core/reports/presets.js';
import type { Table } from '../../../core/reports/table.js';
import type { ChartSpec } from '../reports/charts.js';
import type { PeriodQuery } from '../reports/query.js';
import type { View } from '../view.js';
import { Page } from './layout.js';
import { ReportTable, type TableLinks } from './report-table.js';

export interface ReportPageModel {
  /** Already HTML-escaped. */
  title: string;
  /** The page's own address, without the query. */
  path: string;
  query: PeriodQuery;
  /** Null when the period was refused: the page shows the picker and the reason only. */
  tables: { table: Table; chart: ChartSpec | null; links: TableLinks }[] | null;
  suppressed: boolean;
  /** Another view of the same figures: the roll-up from a dashboard, and back. */
  related?: { href: string; text: string } | null;
}

const dmy = (day: string) => day.split('-').reverse().join('.');

function PeriodPicker({ view, path, query }: { view: View; path: string; query: PeriodQuery }) {
  const problem: PeriodProblem | null = query.problem;
  const invalid = problem ? 'true' : undefined;
  const described = problem ? 'period-problem' : undefined;
  const option = (preset: Preset) => (
    <label>
      <input type="radio" name="period" value={preset} checked={query.preset === preset} />{' '}
      {view.t(`reports.preset.${preset}`)}
    </label>
  );
  return (
    <form method="get" action={path} class="box period">
      <fieldset>
        <legend>{view.t('reports.period')}</legend>
        <div class="presets">{PRESETS.map(option)}</div>
        <div class="days">
          <label for="period-from">{view.t('reports.from')}</label>
          <input
            type="date"
            id="period-from"
            name="from"
            value={query.from}
            aria-invalid={invalid}
            aria-describedby={described}
          />
          <label for="period-to">{view.t('reports.to')}</label>
          <input
            type="date"
            id="period-to"
            name="to"
            value={query.to}
            aria-invalid={invalid}
            aria-describedby={described}
          />
          <button type="submit">{view.t('reports.show')}</button>
        </div>
      </fieldset>
      {problem ? (
        <p id="period-problem" role="alert" class="flash error">
          {view.t(`reports.problem.${problem}`)}
        </p>
      ) : (
        ''
      )}
    </form>
  );
}

export function ReportPage({ view, model }: { view: View; model: ReportPageModel }) {
  const { query } = model;
  return (
    <Page view={view} title={model.title} section="reports">
      {model.related ? (
        <p>
          <a href={model.related.href}>{model.related.text}</a>
        </p>
      ) : (
        ''
      )}
      <PeriodPicker view={view} path={model.path} query={query} />
      {query.period && model.tables ? (
        <>
          <p class="muted" id="period-shown">
            {view.t('reports.shown', { from: dmy(query.period.firstDay), to: dmy(query.period.lastDay) })}{' '}
            {model.suppressed ? view.t('reports.suppressed') : view.t('reports.exact')}
          </p>
          <div class="reports">
            {model.tables.map(({ table, chart, links }) => (
              <ReportTable view={view} table={table} links={links} chart={chart} />
            ))}
          </div>
          <link rel="stylesheet" href="/console/assets/uPlot.min.css" />
          <script src="/console/assets/uPlot.iife.min.js" defer></script>
          <script src="/console/assets/reports.js" defer></script>
        </>
      ) : (
        ''
      )}
    </Page>
  );
}
