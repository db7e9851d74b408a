// The queue page and its live part (re-fetched by htmx): the waiting requests of every centre the
// reader may see, and the reader's own open cases.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { nextOwed } from '../../../core/casework/deadlines.js';
import { deadlinesOfCases } from '../../../core/casework/service.js';
import type { CaseView } from '../../../core/model.js';
import { escalationDueAt } from '../../../core/queue/index.js';
import { visibleCentreIds } from '../../../core/staff/access.js';
import type { ConsoleDeps } from '../deps.js';
import { sendHtml, type View, viewFor } from '../view.js';
import { Page } from '../views/layout.js';
import { type NextDue, QueueLive, type QueueModel } from '../views/queue.js';

/** A queue longer than this is a crisis the page cannot fix; the oldest and most urgent come first. */
const MAX_SHOWN = 200;

export function queueRoutes(app: FastifyInstance, deps: ConsoleDeps) {
  async function model(request: FastifyRequest): Promise<QueueModel> {
    const staff = request.staff as NonNullable<FastifyRequest['staff']>;
    const directory = deps.directory();
    const centres = visibleCentreIds(staff, directory);
    const [waiting, mine] = await Promise.all([
      deps.reads.waiting(centres, MAX_SHOWN),
      deps.store.specialists.casesOf(staff.id),
    ]);
    const ids = [...waiting, ...mine].map((c) => c.id);
    const deadlines = await deadlinesOfCases(deps.store.casework, deps.casework, ids);
    const nextDue = (c: CaseView): NextDue | null => {
      const waits = c.status === 'NEW' || c.status === 'ESCALATED';
      const moves = waits && deps.parentCentreOf(c.centreId) ? escalationDueAt(c, deps.escalation) : null;
      const legal = nextOwed(deadlines.get(c.id) ?? []);
      if (legal && (!moves || legal.dueAt <= moves)) return { at: legal.dueAt, kind: legal.kind };
      return moves ? { at: moves, kind: 'ESCALATION' } : null;
    };
    return { waiting, mine, showCentre: centres.length > 1, directory, nextDue };
  }

  const title = (view: View) => view.t('queue.title');

  app.get('/console', async (_request, reply) => reply.redirect('/console/queue', 303));

  app.get('/console/queue', async (request, reply) => {
    const view = viewFor(deps, request, reply);
    const m = await model(request);
    return sendHtml(
      reply,
      <Page view={view} title={title(view)} section="queue">
        <p class="muted">{view.t('queue.explain', { seconds: view.refreshSeconds })}</p>
        <QueueLive view={view} model={m} />
      </Page>,
    );
  });

  app.get('/console/queue/live', async (request, reply) => {
    const view = viewFor(deps, request, reply);
    return sendHtml(reply, <QueueLive view={view} model={await model(request)} />);
  });
}
