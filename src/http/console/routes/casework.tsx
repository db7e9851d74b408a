// The casework forms of the case page: the record, notes, notices and referrals, the needs
// assessment, and transfer. Each form is checked here for its shape (zod) and then handed to the
// same core casework service the bot's /record, /note, /notify, /assessed and /transfer call, which
// checks role and centre again. A refused form shows the case page again with the reason next to
// the field (400), never a half-done change; a done one redirects to the page (htmx follows the
// redirect and swaps the page's body, a browser without JavaScript simply loads it).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { type CaseworkError, type CaseworkErrorCode, caseworkError } from '../../../core/casework/access.js';
import { fromLocalTime } from '../../../core/casework/calendar.js';
import { isCaseCategory } from '../../../core/casework/categories.js';
import {
  CHILD_AGES,
  CHILD_SEXES,
  NOTICE_WAYS,
  RECIPIENTS,
  RISK_LEVELS,
  type StaffActor,
  TRANSFER_REASONS,
} from '../../../core/casework/model.js';
import type { RecordChange } from '../../../core/casework/ports.js';
import {
  acknowledgeNotice,
  addNote,
  type CaseworkContext,
  recordAssessment,
  recordNotice,
  updateRecord,
} from '../../../core/casework/service.js';
import type { CaseView } from '../../../core/model.js';
import { err, type Result } from '../../../core/result.js';
import { transferAndTell } from '../../../core/specialists/case-actions.js';
import type { ConsoleDeps } from '../deps.js';
import { notFound } from '../not-found.js';
import { sendHtml, viewFor } from '../view.js';
import type { FormName } from '../views/case.js';
import { Notice } from '../views/layout.js';
import { actorOf, type CaseParams, casePages, type LoadedCase } from './case-page.js';

/** What the page says after each form ("casework.done.*" in console.json). */
export const CASEWORK_DONE = [
  'recorded',
  'noted',
  'noticed',
  'acknowledged',
  'assessed',
  'transferred',
] as const;
type Done = (typeof CASEWORK_DONE)[number];

/** An empty choice leaves the field as it is. */
const choice = <T extends readonly [string, ...string[]]>(values: T) =>
  z
    .union([z.literal(''), z.enum(values)])
    .optional()
    .transform((v) => (v ? v : undefined));
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .transform((v) => (v ? v : null));

const recordSchema = z.object({
  caseCategory: z
    .string()
    .optional()
    .refine((v) => !v || isCaseCategory(v))
    .transform((v) => (v ? v : undefined)),
  riskLevel: choice(RISK_LEVELS),
  childAge: choice(CHILD_AGES),
  childSex: choice(CHILD_SEXES),
  /** Empty clears it. Absent (a reader of another centre never gets the field) leaves it. */
  address: z.string().trim().max(300).optional(),
});

const noteSchema = z.object({ text: z.string().trim().min(1).max(4000) });

const LOCAL_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/;

const noticeSchema = (timeZone: string) =>
  z.object({
    recipient: z.enum(RECIPIENTS),
    way: z.enum(NOTICE_WAYS),
    recipientName: optionalText(200),
    reference: optionalText(100),
    /** The Kyiv wall-clock time it was sent; empty for "now". */
    sentAt: z
      .union([z.literal(''), z.string().regex(LOCAL_TIME)])
      .optional()
      .transform((v) => (v ? (fromLocalTime(v.slice(0, 16), timeZone) ?? undefined) : undefined)),
  });

const ackSchema = z.object({ noticeId: z.string().regex(/^[A-Za-z0-9_-]{1,40}$/) });
const transferSchema = z.object({
  toCentreId: z.string().min(1).max(80),
  reason: z.enum(TRANSFER_REASONS),
});

/** Every field of the casework forms (each has its words under "casework.invalid"). */
const FORM_FIELDS = [
  ...Object.keys(recordSchema.shape),
  ...Object.keys(noteSchema.shape),
  ...Object.keys(noticeSchema('UTC').shape),
  ...Object.keys(ackSchema.shape),
  ...Object.keys(transferSchema.shape),
] as const;

/** How a refusal of the core is answered: not allowed, too late, or does not fit. */
const STATUS: Record<CaseworkErrorCode, number> = {
  NOT_FOUND: 403,
  NOT_HOLDER: 403,
  CLOSED: 409,
  INVALID: 400,
};
const REFUSED: Record<CaseworkErrorCode, string> = {
  NOT_FOUND: 'casework.refused.notYours',
  NOT_HOLDER: 'casework.refused.notYours',
  CLOSED: 'casework.refused.closed',
  INVALID: 'error.input',
};

type Run<T> = (
  ctx: CaseworkContext,
  actor: StaffActor,
  c: CaseView,
  input: T,
) => Promise<Result<unknown, CaseworkError>>;

interface FormSpec<T> {
  form: FormName;
  schema: z.ZodType<T, unknown>;
  /** The field a refusal as INVALID by the core points at (what zod cannot know, e.g. a time before intake). */
  invalidField?: string;
  run: Run<T>;
  done: Done;
  /** The page section to land on after it is done (no JavaScript: the browser scrolls there). */
  anchor: string;
  /** Instead of the redirect to the case page (after a transfer, which ends the reader's access). */
  answer?: (request: FastifyRequest, reply: FastifyReply, found: LoadedCase, input: T) => Promise<unknown>;
}

const bodyOf = (request: FastifyRequest): Record<string, string> => {
  const body = (request.body ?? {}) as Record<string, unknown>;
  return Object.fromEntries(
    Object.entries(body).filter((e): e is [string, string] => typeof e[1] === 'string' && e[0] !== '_csrf'),
  );
};

export function caseworkRoutes(app: FastifyInstance, deps: ConsoleDeps) {
  const pages = casePages(deps);

  async function refuse(
    request: FastifyRequest,
    reply: FastifyReply,
    found: LoadedCase,
    form: FormName,
    code: CaseworkErrorCode,
    errors: string[],
  ) {
    const fields = [...new Set(errors)].filter((f) => (FORM_FIELDS as readonly string[]).includes(f));
    request.log.warn({ form, code, fields }, 'console: casework form refused');
    const view = viewFor(deps, request, reply);
    const details = fields.map((f) => view.t(`casework.invalid.${f}`));
    return pages.show(request, reply, found, {
      status: STATUS[code],
      flash: { kind: 'error', text: view.t(REFUSED[code]), details },
      form: { name: form, values: bodyOf(request), errors: new Set(fields) },
    });
  }

  function handle<T>(spec: FormSpec<T>) {
    return async (request: FastifyRequest<CaseParams>, reply: FastifyReply) => {
      const found = await pages.load(request);
      if (!found) return notFound(deps, request, reply);
      const parsed = spec.schema.safeParse(request.body ?? {});
      if (!parsed.success) {
        const fields = parsed.error.issues.map((i) => String(i.path[0] ?? ''));
        return refuse(request, reply, found, spec.form, 'INVALID', fields);
      }
      const result = await deps.store.transaction((tx) =>
        spec.run(pages.context(tx), actorOf(found.staff), found.c, parsed.data),
      );
      if (!result.ok) {
        const fields = result.error.code === 'INVALID' && spec.invalidField ? [spec.invalidField] : [];
        return refuse(request, reply, found, spec.form, result.error.code, fields);
      }
      deps.onCommitted();
      if (spec.answer) return spec.answer(request, reply, found, parsed.data);
      return reply.redirect(`/console/cases/${found.c.id}?done=${spec.done}#${spec.anchor}`, 303);
    };
  }

  app.post<CaseParams>(
    '/console/cases/:id/record',
    handle({
      form: 'record',
      schema: recordSchema,
      done: 'recorded',
      anchor: 'record-h',
      run: async (ctx, actor, c, { address, ...coded }) => {
        const change: RecordChange = { ...coded };
        // The form always sends the address: only a changed one is written (and audited). Read here
        // on the server only; updateRecord checks who may change it before anything is written.
        const had = (await ctx.tx.casework.fields(c.id))?.hasAddress ?? false;
        const current = had ? await ctx.tx.casework.addressOf(c.id) : null;
        if (address !== undefined && address !== (current ?? '')) change.address = address || null;
        return updateRecord(ctx, actor, c.id, change);
      },
    }),
  );

  app.post<CaseParams>(
    '/console/cases/:id/notes',
    handle({
      form: 'note',
      schema: noteSchema,
      done: 'noted',
      anchor: 'notes-h',
      run: (ctx, actor, c, { text }) => addNote(ctx, actor, c.id, text),
    }),
  );

  app.post<CaseParams>(
    '/console/cases/:id/notices',
    handle({
      form: 'notice',
      schema: noticeSchema(deps.casework.calendar.timeZone),
      invalidField: 'sentAt',
      done: 'noticed',
      anchor: 'notices-h',
      run: (ctx, actor, c, input) => recordNotice(ctx, actor, c.id, input),
    }),
  );

  app.post<CaseParams>(
    '/console/cases/:id/notices/acknowledge',
    handle({
      form: 'notice',
      schema: ackSchema,
      invalidField: 'noticeId',
      done: 'acknowledged',
      anchor: 'notices-h',
      run: async (ctx, actor, c, { noticeId }) => {
        // A notice of another case is input that does not fit, not a case out of reach.
        const known = (await ctx.tx.casework.notices(c.id)).some((n) => n.id === noticeId);
        if (!known) return err(caseworkError('INVALID', c.id, c));
        return acknowledgeNotice(ctx, actor, c.id, noticeId);
      },
    }),
  );

  app.post<CaseParams>(
    '/console/cases/:id/assessed',
    handle({
      form: 'assessed',
      schema: z.object({}),
      done: 'assessed',
      anchor: 'deadlines-h',
      run: (ctx, actor, c) => recordAssessment(ctx, actor, c.id),
    }),
  );

  // Transfer ends this centre's access to the case, so it answers with a page of its own rather
  // than the case page (which this reader may no longer open).
  app.post<CaseParams>(
    '/console/cases/:id/transfer',
    handle({
      form: 'transfer',
      schema: transferSchema,
      invalidField: 'toCentreId',
      done: 'transferred',
      anchor: 'transfer-h',
      run: (ctx, actor, c, input) => transferAndTell(ctx, actor, c.id, input),
      answer: (request, reply, found, { toCentreId }) => {
        const view = viewFor(deps, request, reply);
        const centre = deps.directory().centres.find((x) => x.id === toCentreId);
        const name = centre ? (view.locale === 'ru' ? centre.nameRu : centre.nameUk) : '';
        const text = view.t('casework.done.transferred', { code: found.c.caseCode, centre: name });
        return sendHtml(
          reply,
          <Notice view={view} title={view.t('casework.transferredTitle')} text={text} back />,
        );
      },
    }),
  );
}
