// The specialist's side of the bot: enrolment with /join, the centre's queue, claiming, answering
// the person through the bot, release and close. Runs inside the update's transaction; everything
// it says (to the specialist, to the person, to colleagues) goes to the outbox in that transaction.
import { type CaseworkPolicy, DEFAULT_CASEWORK_POLICY } from '../casework/deadlines.js';
import type { Reply } from '../conversation/types.js';
import { coolDownNotice, guarded } from '../limits/guards.js';
import type { CaseView, Directory, Locale, Specialist } from '../model.js';
import type { ChatRef, Repositories } from '../ports/index.js';
import type { Queue, QueueErrorCode } from '../queue/index.js';
import { LOGIN_LINK_MINUTES, type SignIn } from '../staff/sign-in.js';
import { type ActiveCase, loadActive, saveActive } from './active-case.js';
import { createCaseActions } from './case-actions.js';
import { claimedCard } from './case-card.js';
import { createCaseworkDesk } from './casework-desk.js';
import { cw, owedList } from './casework-replies.js';
import { caseList, type DeskChoice, outcomeChoice, parseDeskChoice, queueItem, say } from './replies.js';
import type { DeskEvent } from './routing.js';

export interface DeskDeps {
  queue: Queue;
  directory: () => Directory;
  now: () => Date;
  /** sha256 of an invite code (only the hash is stored). */
  hashInviteCode: (code: string) => string;
  /** The legal deadlines; DEFAULT_CASEWORK_POLICY when not given. */
  caseworkPolicy?: CaseworkPolicy;
  /** The staff console's sign-in links (/web); without it /web says the console is not set up. */
  signIn?: SignIn;
}

/** Why an operation was refused, for the specialist, in their words. */
export const REFUSAL: Record<QueueErrorCode, string> = {
  NOT_FOUND: 'error.notFound',
  WRONG_CENTRE: 'error.wrongCentre',
  ALREADY_CLAIMED: 'error.alreadyClaimed',
  NOT_CLAIMER: 'error.notClaimer',
  CLOSED: 'error.closed',
  ILLEGAL_TRANSITION: 'error.illegal',
  AT_TOP: 'error.illegal',
  EMPTY_TEXT: 'error.emptyText',
  NOTICE_OWED: 'error.illegal',
};

/**
 * The refusal, naming the case the specialist asked about, but only when it is their own centre's:
 * a case of another centre is not theirs to know even by its code.
 */
function refused(code: QueueErrorCode, asked: CaseView | null, s: Specialist): Reply {
  const ours = asked !== null && asked.centreId === s.centreId && code !== 'WRONG_CENTRE';
  return ours ? say(REFUSAL[code], { code: asked.caseCode }) : say(UNNAMED_REFUSAL[code]);
}

/** The same refusals without a case code. */
const UNNAMED_REFUSAL: Record<QueueErrorCode, string> = {
  ...REFUSAL,
  WRONG_CENTRE: 'error.wrongCentre',
  NOT_CLAIMER: 'error.notYours',
  ALREADY_CLAIMED: 'error.notFound',
  CLOSED: 'error.notFound',
  ILLEGAL_TRANSITION: 'error.notFound',
  AT_TOP: 'error.notFound',
};

export interface DeskContext {
  tx: Repositories;
  chat: ChatRef;
  locale: Locale;
}

export function createDesk(deps: DeskDeps) {
  const policy = deps.caseworkPolicy ?? DEFAULT_CASEWORK_POLICY;
  const casework = createCaseworkDesk({ directory: deps.directory, now: deps.now, policy });
  const actions = createCaseActions(deps);
  async function join(ctx: DeskContext, known: Specialist | null, code: string): Promise<Reply[]> {
    if (known) return [say('join.already')];
    if (!code.trim()) return [say('join.usage')];
    // Invite codes are guessed by trying: after too many wrong ones, a code is not even looked up.
    const tried = await guarded(ctx.tx.limits, ctx.chat.handleId, 'wrongJoin', deps.now(), () =>
      ctx.tx.invites.redeem(
        deps.hashInviteCode(code.trim()),
        { handleId: ctx.chat.handleId, displayName: `${ctx.chat.channel.toLowerCase()} specialist` },
        deps.now(),
      ),
    );
    if (tried.kind === 'coolDown') return [coolDownNotice(tried.minutes)];
    if (tried.kind === 'wrong') return [say('join.invalid')];
    const enrolled = tried.value;
    const centre = deps.directory().centres.find((c) => c.id === enrolled.centreId);
    const name = centre ? (ctx.locale === 'ru' ? centre.nameRu : centre.nameUk) : enrolled.centreId;
    return [say('join.welcome', { centre: name }), say('help')];
  }

  async function activeCase(
    ctx: DeskContext,
    s: Specialist,
  ): Promise<{ active: ActiveCase; cases: CaseView[] }> {
    const cases = await ctx.tx.specialists.casesOf(s.id);
    const active = await loadActive(ctx.tx, ctx.chat.handleId);
    // The one chosen, if still held; otherwise the most recently claimed.
    const chosen = cases.find((c) => c.id === active.requestId) ?? cases[0] ?? null;
    return { active: { ...active, requestId: chosen?.id ?? null }, cases };
  }

  async function choose(ctx: DeskContext, s: Specialist, choice: DeskChoice): Promise<Reply[]> {
    if (choice.type === 'claim') {
      const result = await actions.claim(ctx.tx, s, choice.requestId);
      if (!result.ok)
        return [refused(result.error.code, await ctx.tx.requests.findById(choice.requestId), s)];
      await saveActive(ctx.tx, ctx.chat.handleId, result.value.id);
      const messages = await ctx.tx.messages.thread(result.value.id);
      return [claimedCard(result.value, messages, deps.directory(), ctx.locale, deps.now())];
    }
    if (choice.type === 'activate') {
      const { cases } = await activeCase(ctx, s);
      const picked = cases.find((c) => c.id === choice.requestId);
      if (!picked) return [refused('NOT_CLAIMER', await ctx.tx.requests.findById(choice.requestId), s)];
      await saveActive(ctx.tx, ctx.chat.handleId, picked.id);
      return [say('activeNow', { code: picked.caseCode })];
    }
    const result = await actions.close(ctx.tx, s, choice.requestId, choice.outcome);
    if (!result.ok && result.error.code === 'NOTICE_OWED') {
      const current = await ctx.tx.requests.findById(choice.requestId);
      // The procedure requires the notice: say which one and how to record it, in one message.
      return [
        {
          text: cw('closeRefused', {
            code: current?.caseCode ?? '',
            owed: owedList(result.error.owed, policy.calendar.timeZone),
          }),
          buttons: [[{ label: cw('notifyButton'), value: `nn:${choice.requestId}` }]],
        },
      ];
    }
    if (!result.ok) return [refused(result.error.code, await ctx.tx.requests.findById(choice.requestId), s)];
    return [
      say('closed', {
        code: result.value.caseCode,
        outcome: { key: `specialist.outcome.${choice.outcome}` },
      }),
    ];
  }

  async function command(ctx: DeskContext, s: Specialist, name: string, args: string): Promise<Reply[]> {
    const { active, cases } = await activeCase(ctx, s);
    const current = cases.find((c) => c.id === active.requestId) ?? null;
    if (casework.isCommand(name)) return casework.command(ctx, s, current, name, args);
    switch (name) {
      case 'queue': {
        const waiting = await deps.queue.in(ctx.tx).list(s.centreId, 10);
        if (waiting.length === 0) return [say('queueEmpty')];
        const marks = await casework.overdueMarks(ctx, waiting);
        return [
          say('queueHeader', { n: waiting.length }),
          ...waiting.map((c) => queueItem(c, deps.directory(), ctx.locale, deps.now(), marks.get(c.id))),
        ];
      }
      case 'cases':
        return cases.length === 0
          ? [say('noCases')]
          : [caseList(cases, current?.id ?? null, await casework.overdueMarks(ctx, cases))];
      case 'release': {
        if (!current) return [say('noActive')];
        const result = await actions.release(ctx.tx, s, current.id);
        if (!result.ok) return [refused(result.error.code, current, s)];
        await saveActive(ctx.tx, ctx.chat.handleId, null);
        return [say('released', { code: current.caseCode })];
      }
      case 'close':
        return current ? [outcomeChoice(current)] : [say('noActive')];
      case 'web': {
        const link = deps.signIn ? await deps.signIn.issueLink(ctx.tx.staffAccess, s) : null;
        return link ? [say('web.link', { url: link.url, minutes: LOGIN_LINK_MINUTES })] : [say('web.off')];
      }
      default:
        return [say('help')];
    }
  }

  async function answer(ctx: DeskContext, s: Specialist, text: string): Promise<Reply[]> {
    const { active, cases } = await activeCase(ctx, s);
    const pending = await casework.pendingText(ctx, s, active, text);
    if (pending) return pending;
    const current = cases.find((c) => c.id === active.requestId);
    if (!current) return [say('noActive')];
    const result = await actions.answer(ctx.tx, s, current.id, text);
    if (!result.ok) return [refused(result.error.code, current, s)];
    return [say('answerSent', { code: current.caseCode })];
  }

  return {
    /** Handles one event of a specialist's chat (or a /join from any chat). */
    async handle(ctx: DeskContext, specialist: Specialist | null, event: DeskEvent): Promise<Reply[]> {
      if (event.type === 'join') return join(ctx, specialist, event.code);
      if (!specialist) return [say('join.invalid')];
      if (!specialist.active) return [say('inactive')];
      switch (event.type) {
        case 'command':
          return command(ctx, specialist, event.name, event.args);
        case 'choice': {
          const choice = parseDeskChoice(event.value);
          if (choice) return choose(ctx, specialist, choice);
          const { active } = await activeCase(ctx, specialist);
          return (await casework.choice(ctx, specialist, active, event.value)) ?? [say('help')];
        }
        case 'text':
          return answer(ctx, specialist, event.text);
        default:
          return [say('help')];
      }
    },
  };
}

export type Desk = ReturnType<typeof createDesk>;
