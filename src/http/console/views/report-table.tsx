// One report table as the page shows it: the same cells, formatted by the same formatCell, as the CSV
// downloaded next to it, so that the page, the file and `npm run report` can never disagree.
import { escapeHtml } from '@kitajs/html';
import { SMALL_COUNT_THRESHOLD } from '../../../core/reports/suppression.js';
import { type Cell, formatCell, type Table } from '../../../core/reports/table.js';
import type { ChartSpec } from '../reports/charts.js';
import type { Sort } from '../reports/query.js';
import type { View } from '../view.js';

export type Label = Table['columns'][number] | string;

export interface TableLinks {
  csv: string;
  /** The roll-up's sortable headers: the address of the page sorted by a column. */
  sortHref?: (sort: Sort) => string;
  sort?: Sort | null;
  /** A centre's row links to its dashboard. */
  rowHref?: (label: string) => string | null;
}

/** A locale text, or a name from the directory, HTML-escaped. */
export const labelHtml = (view: View, label: Label): string =>
  typeof label === 'string' ? escapeHtml(label) : view.key(label.key, label.params);

const cellText = (cell: Cell) => formatCell(cell, SMALL_COUNT_THRESHOLD);

function Header({ view, table, links }: { view: View; table: Table; links: TableLinks }) {
  return (
    <tr>
      {table.columns.map((column, i) => {
        const by: Sort['by'] = i === 0 ? 'name' : i - 1;
        const text = labelHtml(view, column);
        const align = i === 0 ? undefined : 'num';
        if (!links.sortHref) {
          return (
            <th scope="col" class={align}>
              {text}
            </th>
          );
        }
        const current = links.sort?.by === by ? links.sort : null;
        const next = { by, descending: current ? !current.descending : by !== 'name' };
        return (
          <th
            scope="col"
            class={align}
            aria-sort={current ? (current.descending ? 'descending' : 'ascending') : undefined}
          >
            <a href={links.sortHref(next)}>{text}</a>
          </th>
        );
      })}
    </tr>
  );
}

function RowLabel({ view, label, links }: { view: View; label: Label; links: TableLinks }) {
  const href = typeof label === 'string' ? links.rowHref?.(label) : null;
  const text = labelHtml(view, label);
  return <th scope="row">{href ? <a href={href}>{text}</a> : text}</th>;
}

/** A table of a few long columns (the one centre's figures) reads better turned on its side. */
function Transposed({ view, table, titleId }: { view: View; table: Table; titleId: string }) {
  const row = table.rows[0];
  return (
    <table aria-labelledby={titleId} class="figures">
      <tbody>
        {table.columns.slice(1).map((column, i) => (
          <tr>
            <th scope="row">{labelHtml(view, column)}</th>
            <td class="num" safe>
              {row?.cells[i] ? cellText(row.cells[i]) : ''}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The table itself, under its chart (if any). */
function Numbers(props: {
  view: View;
  table: Table;
  links: TableLinks;
  titleId: string;
  transposed: boolean;
}) {
  const { view, table, links, titleId, transposed } = props;
  return (
    <div class="scroll">
      {transposed ? (
        <Transposed view={view} table={table} titleId={titleId} />
      ) : (
        <table aria-labelledby={titleId}>
          <thead>
            <Header view={view} table={table} links={links} />
          </thead>
          <tbody>
            {table.rows.map((row) => (
              <tr class={row.total ? 'total' : undefined}>
                <RowLabel view={view} label={row.label} links={links} />
                {row.cells.map((cell) => (
                  <td class="num" safe>
                    {cellText(cell)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

/** Tables longer than this show their numbers folded under the chart. */
const LONG = 12;

export function ReportTable(props: { view: View; table: Table; links: TableLinks; chart: ChartSpec | null }) {
  const { view, table, links, chart } = props;
  const titleId = `t-${table.id}`;
  const transposed = table.rows.length === 1 && table.columns.length > 5;
  // Many columns (the casework deadlines) need the full width, or the table scrolls inside its half.
  const wide = chart || transposed || table.rows.length > LONG || table.columns.length > 5;
  return (
    <section class={`box report ${wide ? 'wide' : 'half'}`} aria-labelledby={titleId}>
      <h2 id={titleId}>{labelHtml(view, table.title)}</h2>
      {chart ? (
        // The chart repeats the table below it for those who would rather look; screen readers get
        // the table, so the canvas is hidden from them.
        <div class={`chart ${chart.kind}`} data-chart={JSON.stringify(chart)} aria-hidden="true"></div>
      ) : (
        ''
      )}
      {chart && table.rows.length > LONG ? (
        // A month of days under its chart: the numbers one click away, not a screen of scrolling.
        <details>
          <summary>{view.t('reports.numbers')}</summary>
          <Numbers view={view} table={table} links={links} titleId={titleId} transposed={transposed} />
        </details>
      ) : (
        <Numbers view={view} table={table} links={links} titleId={titleId} transposed={transposed} />
      )}
      <p class="download">
        <a href={links.csv}>{view.t('reports.csv', { table: table.title })}</a>
      </p>
    </section>
  );
}
