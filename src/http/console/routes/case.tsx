// The case page and what can be done from it. Every route loads the case, asks the access rules
// what this reader may do with it, and answers 404 when it is out of their scope: the same answer
// as for a case that does not exist, so nothing about another centre's case leaks. Actions run the
// core's case actions (the bot's own) in one transaction and then wake the outbox.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { CaseOutcome, CaseView } from '../../../core/model.js';
import { CASE_OUTCOMES } from '../../../core/model.js';
import type { Repositories } from '../../../core/ports/index.js';
import {
  AUDIT_ACTIONS,
  escalationDueAt,
  type QueueErrorCode,
  specialistActor,
} from '../../../core/queue/index.js';
import type { Result } from '../../../core/result.js';
import { REFUSAL } from '../../../core/specialists/desk.js';
import { type CaseAccess, caseAccess } from '../../../core/staff/access.js';
import type { ConsoleDeps } from '../deps.js';
import { notFound } from '../not-found.js';
import { sendHtml, viewFor } from '../view.js';
import { type CaseModel, CasePage } from '../views/case.js';

const ID = /^[A-Za-z0-9_-]{1,40}$/;
const DONE = ['claimed', 'sent', 'released', 'closed'] as const;
/** Telegram takes 4096 characters; the reply is wrapped in a line naming the centre and the case. */
export const MAX_REPLY = 3500;

type Params = { Params: { id: string } };

export function caseRoutes(app: FastifyInstance, deps: ConsoleDeps) {
  /** The case if this reader may see it (with what they may do), else null: answer 404. */
  async function load(request: FastifyRequest<Params>): Promise<{ c: CaseView; access: CaseAccess } | null> {
    const staff = request.staff;
    if (!staff || !ID.test(request.params.id)) return null;
    const c = await deps.store.requests.findById(request.params.id);
    if (!c) return null;
    const access = caseAccess(staff, c, deps.directory());
    return access === 'none' ? null : { c, access };
  }

  const dueOf = (c: CaseView) =>
    (c.status === 'NEW' || c.status === 'ESCALATED') && deps.parentCentreOf(c.centreId)
      ? escalationDueAt(c, deps.escalation)
      : null;

  app.get<Params & { Querystring: { done?: string; error?: string } }>(
    '/console/cases/:id',
    async (request, reply) => {
      const found = await load(request);
      if (!found) return notFound(deps, request, reply);
      const { c, access } = found;
      const staff = request.staff as NonNullable<typeof request.staff>;
      await deps.store.audit.record({
        requestId: c.id,
        actor: specialistActor(staff.id),
        action: AUDIT_ACTIONS.viewed,
      });
      const [thread, trail] = await Promise.all([deps.store.messages.thread(c.id), deps.reads.trail(c.id)]);
      const names = await deps.reads.names([
        ...(c.claimedById ? [c.claimedById] : []),
        ...thread.flatMap((m) => (m.specialistId ? [m.specialistId] : [])),
      ]);
      const view = viewFor(deps, request, reply);
      const { done, error } = request.query;
      const flash: CaseModel['flash'] = (DONE as readonly string[]).includes(done ?? '')
        ? { kind: 'ok', text: view.t(`done.${done}`, { code: c.caseCode }) }
        : error === 'INPUT'
          ? { kind: 'error', text: view.t('error.input') }
          : error && error in REFUSAL
            ? {
                kind: 'error',
                text: view.key(`specialist.${REFUSAL[error as QueueErrorCode]}`, { code: c.caseCode }),
              }
            : null;
      const model: CaseModel = {
        c,
        access,
        thread,
        trail,
        names,
        directory: deps.directory(),
        due: dueOf(c),
        flash,
      };
      return sendHtml(reply, <CasePage view={view} model={model} />);
    },
  );

  /** Runs one case action for a reader allowed `needs`, then shows the case with its outcome. */
  function act(
    needs: CaseAccess,
    run: (
      tx: Repositories,
      request: FastifyRequest<Params>,
      c: CaseView,
    ) => Promise<Result<unknown, { code: QueueErrorCode }> | 'bad-input'>,
    done: (typeof DONE)[number],
  ) {
    return async (request: FastifyRequest<Params>, reply: FastifyReply) => {
      const found = await load(request);
      if (!found) return notFound(deps, request, reply);
      // Anything but the access this action needs is refused as the queue itself would refuse it.
      if (found.access !== needs) {
        request.log.warn({ needs, has: found.access }, 'console action refused by access rules');
        return reply.redirect(
          `/console/cases/${found.c.id}?error=${needs === 'claim' ? 'ALREADY_CLAIMED' : 'NOT_CLAIMER'}`,
          303,
        );
      }
      const result = await deps.store.transaction((tx) => run(tx, request, found.c));
      if (result === 'bad-input') return reply.redirect(`/console/cases/${found.c.id}?error=INPUT`, 303);
      if (!result.ok) return reply.redirect(`/console/cases/${found.c.id}?error=${result.error.code}`, 303);
      deps.onCommitted();
      return reply.redirect(`/console/cases/${found.c.id}?done=${done}`, 303);
    };
  }

  const staffOf = (request: FastifyRequest) => request.staff as NonNullable<FastifyRequest['staff']>;
  const field = (request: FastifyRequest, name: string) => {
    const value = (request.body as Record<string, unknown> | null)?.[name];
    return typeof value === 'string' ? value : '';
  };

  app.post<Params>(
    '/console/cases/:id/claim',
    act('claim', (tx, request, c) => deps.actions.claim(tx, staffOf(request), c.id), 'claimed'),
  );
  app.post<Params>(
    '/console/cases/:id/release',
    act('hold', (tx, request, c) => deps.actions.release(tx, staffOf(request), c.id), 'released'),
  );
  app.post<Params>(
    '/console/cases/:id/reply',
    act(
      'hold',
      async (tx, request, c) => {
        const text = field(request, 'text').trim();
        if (text === '' || text.length > MAX_REPLY) return 'bad-input';
        return deps.actions.answer(tx, staffOf(request), c.id, text);
      },
      'sent',
    ),
  );
  app.post<Params>(
    '/console/cases/:id/close',
    act(
      'hold',
      async (tx, request, c) => {
        const outcome = field(request, 'outcome');
        if (!(CASE_OUTCOMES as readonly string[]).includes(outcome)) return 'bad-input';
        return deps.actions.close(tx, staffOf(request), c.id, outcome as CaseOutcome);
      },
      'closed',
    ),
  );
}
