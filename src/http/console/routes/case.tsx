// The case page and what can be done from it. Every route loads the case, asks the access rules
// what this reader may do with it, and answers 404 when it is out of their scope: the same answer
// as for a case that does not exist, so nothing about another centre's case leaks. Actions run the
// core's case actions (the bot's own) in one transaction and then wake the outbox.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { CaseView, Outcome } from '../../../core/model.js';
import { OUTCOMES } from '../../../core/model.js';
import type { Repositories } from '../../../core/ports.js';
import { AUDIT_ACTIONS, type QueueErrorCode, specialistActor } from '../../../core/queue/index.js';
import type { Result } from '../../../core/result.js';
import { REFUSAL } from '../../../core/specialists/desk.js';
import type { CaseAccess } from '../../../core/staff/access.js';
import type { ConsoleDeps } from '../deps.js';
import { notFound } from '../not-found.js';
import { type View, viewFor } from '../view.js';
import type { Flash } from '../views/case.js';
import { type CaseParams, casePages } from './case-page.js';
import { CASEWORK_DONE } from './casework.js';

const DONE = ['claimed', 'sent', 'released', 'closed'] as const;
/** Telegram takes 4096 characters; the reply is wrapped in a line naming the centre and the case. */
export const MAX_REPLY = 3500;

type Params = CaseParams;

/** What the case page says after an action: done, or why not (the query of the redirect). */
export function caseFlash(view: View, c: CaseView, query: { done?: string; error?: string }): Flash | null {
  const { done, error } = query;
  if ((DONE as readonly string[]).includes(done ?? '')) {
    return { kind: 'ok', text: view.t(`done.${done}`, { code: c.caseCode }) };
  }
  if (done && (CASEWORK_DONE as readonly string[]).includes(done)) {
    return { kind: 'ok', text: view.t(`casework.done.${done}`, { code: c.caseCode }) };
  }
  if (error === 'INPUT') return { kind: 'error', text: view.t('error.input') };
  // The procedure requires the notice: the page names it and leads to the form that records it.
  if (error === 'NOTICE_OWED') {
    return { kind: 'error', text: view.t('casework.closeRefused', { code: c.caseCode }), noticeOwed: true };
  }
  if (error && error in REFUSAL) {
    return {
      kind: 'error',
      text: view.key(`specialist.${REFUSAL[error as QueueErrorCode]}`, { code: c.caseCode }),
    };
  }
  return null;
}

export function caseRoutes(app: FastifyInstance, deps: ConsoleDeps) {
  const pages = casePages(deps);
  const load = pages.load;

  app.get<Params & { Querystring: { done?: string; error?: string } }>(
    '/console/cases/:id',
    async (request, reply) => {
      const found = await load(request);
      if (!found) return notFound(deps, request, reply);
      await deps.store.audit.record({
        requestId: found.c.id,
        actor: specialistActor(found.staff.id),
        action: AUDIT_ACTIONS.viewed,
      });
      const flash = caseFlash(viewFor(deps, request, reply), found.c, request.query);
      return pages.show(request, reply, found, { flash });
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
        if (!(OUTCOMES as readonly string[]).includes(outcome)) return 'bad-input';
        return deps.actions.close(tx, staffOf(request), c.id, outcome as Outcome);
      },
      'closed',
    ),
  );
}
