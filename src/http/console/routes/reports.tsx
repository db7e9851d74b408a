// The statistics pages and their CSV downloads:
//   /console/reports                          → the reader's own page (oblast for a supervisor)
//   /console/reports/oblast                   the oblast roll-up (supervisors)
//   /console/reports/centres/:centreId        a centre's dashboard (its staff; the oblast's supervisor)
//   .../csv/:table.csv                        one table of the page, as `npm run report` writes it
// All take ?period=week|month|lastMonth|custom&from=YYYY-MM-DD&to=YYYY-MM-DD.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Staff } from '../../../core/staff/access.js';
import { ownReportTarget, type ReportTarget } from '../../../core/staff/report-access.js';
import type { ConsoleDeps } from '../deps.js';
import { notFound } from '../not-found.js';
import { csvFileOf, pageTables, reportFor } from '../reports/build.js';
import { chartOf, hasChart } from '../reports/charts.js';
import { type PeriodQuery, parsePeriodQuery, periodSearch } from '../reports/query.js';
import { sortRows } from '../reports/sort.js';
import { sendHtml, type View, viewFor } from '../view.js';
import type { Label } from '../views/report-table.js';
import { ReportPage, type ReportPageModel } from '../views/reports.js';

const OBLAST_PATH = '/console/reports/oblast';
const centrePath = (centreId: string) => `/console/reports/centres/${encodeURIComponent(centreId)}`;
const pathOf = (target: ReportTarget) => ('oblast' in target ? OBLAST_PATH : centrePath(target.centreId));

/** The tables with a chart come first: what a centre head looks at before reading on. */
const FIRST = ['centres', 'overTime', 'reactionTimes', 'byCategory'];
const order = (id: string) => {
  const i = FIRST.indexOf(id);
  return i < 0 ? FIRST.length : i;
};

export function reportRoutes(app: FastifyInstance, deps: ConsoleDeps) {
  const staffOf = (request: FastifyRequest) => request.staff as Staff;

  function titleOf(view: View, target: ReportTarget): string {
    const directory = deps.directory();
    if ('oblast' in target) {
      const own = directory.centres.find((c) => c.id === view.staff?.centreId);
      const oblast = directory.units.find((u) => u.id === own?.oblastId);
      const name = oblast ? (view.locale === 'ru' ? oblast.nameRu : oblast.nameUk) : '';
      return view.t('reports.oblastTitle', { name });
    }
    const centre = directory.centres.find((c) => c.id === target.centreId);
    const name = centre ? (view.locale === 'ru' ? centre.nameRu : centre.nameUk) : target.centreId;
    return view.t('reports.centreTitle', { name });
  }

  /** Links from the roll-up's rows to each centre's dashboard, by the name the row shows. */
  function dashboardsByName(view: View, query: PeriodQuery) {
    const byName = new Map(
      deps
        .directory()
        .centres.map((c) => [
          view.locale === 'ru' ? c.nameRu : c.nameUk,
          `${centrePath(c.id)}?${periodSearch(query)}`,
        ]),
    );
    return (label: string) => byName.get(label) ?? null;
  }

  async function page(request: FastifyRequest, reply: FastifyReply, target: ReportTarget) {
    const staff = staffOf(request);
    const query = parsePeriodQuery(request.query, deps.clock);
    const built = await reportFor(deps, staff, target, query.period);
    if (built === 'not-found') return notFound(deps, request, reply);
    const view = viewFor(deps, request, reply);
    const path = pathOf(target);
    const model: ReportPageModel = {
      title: titleOf(view, target),
      path,
      query,
      tables: null,
      suppressed: false,
      related: relatedOf(view, staff, target, query),
    };
    if (built === 'no-period') return sendHtml(reply, <ReportPage view={view} model={model} />, 400);

    const { tables, suppressed } = pageTables(deps, built, view.locale);
    const text = (label: Label) => (typeof label === 'string' ? label : deps.i18n.render(label, view.locale));
    const exactDays = periodSearch({ preset: 'custom', from: query.from, to: query.to });
    model.suppressed = suppressed;
    model.tables = [...tables]
      .sort((a, b) => order(a.id) - order(b.id))
      .map((table) => {
        const rollup = table.id === 'centres' && 'oblast' in target;
        return {
          table: rollup ? sortRows(table, query.sort) : table,
          chart: hasChart(table) ? chartOf(table, text) : null,
          links: {
            csv: `${path}/csv/${table.id}.csv?${exactDays}`,
            ...(rollup
              ? {
                  sort: query.sort,
                  sortHref: (sort) => `${path}?${periodSearch(query, sort)}#t-centres`,
                  rowHref: dashboardsByName(view, query),
                }
              : {}),
          },
        };
      });
    return sendHtml(reply, <ReportPage view={view} model={model} />);
  }

  function relatedOf(view: View, staff: Staff, target: ReportTarget, query: PeriodQuery) {
    if (staff.role !== 'SUPERVISOR') return null;
    return 'oblast' in target
      ? null
      : { href: `${OBLAST_PATH}?${periodSearch(query)}`, text: view.t('reports.toOblast') };
  }

  async function csv(
    request: FastifyRequest<{ Params: { table: string } }>,
    reply: FastifyReply,
    target: ReportTarget,
  ) {
    const query = parsePeriodQuery(request.query, deps.clock);
    const built = await reportFor(deps, staffOf(request), target, query.period);
    if (built === 'not-found') return notFound(deps, request, reply);
    if (built === 'no-period') {
      return reply.status(400).type('text/plain; charset=utf-8').send(`bad period: ${query.problem}`);
    }
    const view = viewFor(deps, request, reply);
    const tableId = request.params.table.replace(/\.csv$/, '');
    const file = csvFileOf(deps, built, view.locale, tableId);
    if (!file) return notFound(deps, request, reply);
    const scope = 'oblast' in target ? 'oblast' : target.centreId;
    const name = `poruch_${scope}_${query.from}_${query.to}_${file.name}`.replace(/[^A-Za-z0-9._-]/g, '_');
    request.log.info({ scope, table: tableId }, 'console: report table downloaded');
    return reply
      .header('Content-Disposition', `attachment; filename="${name}"`)
      .header('Cache-Control', 'private, no-store')
      .type('text/csv; charset=utf-8')
      .send(file.content);
  }

  app.get('/console/reports', async (request, reply) =>
    reply.redirect(pathOf(ownReportTarget(staffOf(request))), 303),
  );
  app.get(OBLAST_PATH, (request, reply) => page(request, reply, { oblast: true }));
  app.get<{ Params: { table: string } }>(`${OBLAST_PATH}/csv/:table`, (request, reply) =>
    csv(request, reply, { oblast: true }),
  );
  app.get<{ Params: { centreId: string } }>('/console/reports/centres/:centreId', (request, reply) =>
    page(request, reply, { centreId: request.params.centreId }),
  );
  app.get<{ Params: { centreId: string; table: string } }>(
    '/console/reports/centres/:centreId/csv/:table',
    (request, reply) => csv(request, reply, { centreId: request.params.centreId }),
  );
}
