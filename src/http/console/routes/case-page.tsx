// Loading a case for a reader and rendering its page: shared by the case routes (claim, reply, close)
// and the casework routes (record, notes, notices, transfer), which show the same page again with
// the refusal or the form's errors when something is wrong.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { mayChange, mayRead } from '../../../core/casework/access.js';
import type { StaffActor } from '../../../core/casework/model.js';
import { type CaseworkContext, recordOf, referralContactsFor } from '../../../core/casework/service.js';
import { transferTargets } from '../../../core/casework/transfer.js';
import type { CaseView } from '../../../core/model.js';
import type { Repositories } from '../../../core/ports.js';
import { escalationDueAt } from '../../../core/queue/index.js';
import { type CaseAccess, caseAccess } from '../../../core/staff/access.js';
import type { ConsoleDeps, SignedIn } from '../deps.js';
import { sendHtml, viewFor } from '../view.js';
import { type CaseModel, CasePage, type Flash, type FormState } from '../views/case.js';

const ID = /^[A-Za-z0-9_-]{1,40}$/;

export type CaseParams = { Params: { id: string } };
export interface LoadedCase {
  c: CaseView;
  access: CaseAccess;
  staff: SignedIn;
}

export const actorOf = (s: SignedIn): StaffActor => ({ id: s.id, centreId: s.centreId, role: s.role });

export function casePages(deps: ConsoleDeps) {
  /** The case if this reader may see it (with what they may do), else null: answer 404. */
  async function load(request: FastifyRequest<CaseParams>): Promise<LoadedCase | null> {
    const staff = request.staff;
    if (!staff || !ID.test(request.params.id)) return null;
    const c = await deps.store.requests.findById(request.params.id);
    if (!c) return null;
    const access = caseAccess(staff, c, deps.directory());
    return access === 'none' ? null : { c, access, staff };
  }

  const dueOf = (c: CaseView) =>
    (c.status === 'NEW' || c.status === 'ESCALATED') && deps.parentCentreOf(c.centreId)
      ? escalationDueAt(c, deps.escalation)
      : null;

  const context = (tx: Repositories): CaseworkContext => ({
    tx,
    now: deps.clock.now(),
    policy: deps.casework,
    directory: deps.directory,
  });

  /** The casework part of the page: the address only for the owning centre's staff. */
  async function casework(found: LoadedCase): Promise<CaseModel['casework']> {
    const { c, staff } = found;
    const ctx = context(deps.store);
    const card = await recordOf(ctx, c, { withAddress: mayRead(actorOf(staff), c) });
    if (!card) return null;
    const mayWrite = c.status !== 'CLOSED' && mayChange(actorOf(staff), c);
    return {
      card,
      mayWrite,
      contacts: mayWrite ? await referralContactsFor(ctx, c) : [],
      targets: mayWrite ? transferTargets(deps.directory(), c) : [],
    };
  }

  async function show(
    request: FastifyRequest,
    reply: FastifyReply,
    found: LoadedCase,
    options: { flash?: Flash | null; form?: FormState | null; status?: number } = {},
  ) {
    const { c, access } = found;
    const [thread, trail, record] = await Promise.all([
      deps.store.messages.thread(c.id),
      deps.reads.trail(c.id),
      casework(found),
    ]);
    const names = await deps.reads.names([
      ...(c.claimedById ? [c.claimedById] : []),
      ...thread.flatMap((m) => (m.specialistId ? [m.specialistId] : [])),
      ...(record?.card.notices.map((n) => n.specialistId) ?? []),
    ]);
    const view = viewFor(deps, request, reply);
    const model: CaseModel = {
      c,
      access,
      thread,
      trail,
      names,
      directory: deps.directory(),
      due: dueOf(c),
      flash: options.flash ?? null,
      casework: record,
      form: options.form ?? null,
    };
    return sendHtml(reply, <CasePage view={view} model={model} />, options.status ?? 200);
  }

  return { load, show, context };
}

export type CasePages = ReturnType<typeof casePages>;
