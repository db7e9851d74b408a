// What the person is told when the outside world answers: a request was sent, or an answer came
// after they had already moved on to something else.
import { say, t } from '../flows/common.js';
import { coolDownNotice } from '../limits/guards.js';
import type { EffectOutcome, FlowContext, Reply } from './types.js';

type Submitted = Extract<EffectOutcome, { type: 'submitted' }>;

export function submittedReplies(event: Submitted, ctx: FlowContext): Reply[] {
  const centre = ctx.directory.centres.find((c) => c.id === event.centreId);
  const centreName = centre
    ? ctx.locale === 'uk'
      ? centre.nameUk
      : centre.nameRu
    : t('submitted.yourCentre');
  const key = event.kind === 'CONCERN' ? 'submitted.concern' : 'submitted.consultation';
  const replies = [say(key, { code: event.caseCode, centre: centreName })];
  // In danger, the numbers once more: being "in the queue" must not sound like help is on its way.
  if (event.urgency === 'URGENT') replies.push({ ...say('submitted.urgent'), emergency: true });
  replies.push({
    ...say('submitted.secret', { secret: event.continuationSecret, code: event.caseCode }),
    secret: true,
  });
  return replies;
}

/** An answer that arrives when the person has moved on: tell them what happened, if it matters. */
export function lateOutcome(event: Exclude<EffectOutcome, Submitted>): Reply | null {
  switch (event.type) {
    case 'submitFailed':
      return say('summary.failed');
    case 'informationAdded':
      return say('myRequests.added', { code: event.caseCode });
    case 'informationRejected':
      return say(event.reason === 'CLOSED' ? 'myRequests.closedCase' : 'errors.temporary', {
        code: event.caseCode,
      });
    case 'caseContinued':
      return say('myRequests.continued', { code: event.caseCode });
    case 'continueRejected':
      return event.reason === 'COOL_DOWN' ? coolDownNotice(event.minutes) : say('errors.temporary');
    case 'specialistTold':
      return say('myRequests.toSpecialist', { code: event.caseCode });
    case 'specialistNotTold':
      return event.reason === 'FAILED' ? say('errors.temporary') : null;
    case 'myRequestsListed':
    case 'myRequestsFailed':
    // Safe mode answers whatever the step (flows/safety.ts), before anything gets here.
    case 'chatErased':
    case 'eraseFailed':
    case 'forgotten':
    case 'forgetFailed':
      return null;
  }
}

/**
 * Which answers are worth delivering late, to someone who blocked the bot and comes back: the ones
 * that tell of a change to their case that they cannot learn any other way (the case code and key
 * of a sent request, words added, a case moved here, words passed to the specialist). Menus,
 * questions and "not understood" are stale by then and are dropped instead.
 */
export function worthDeliveringLate(event: EffectOutcome): boolean {
  switch (event.type) {
    case 'submitted':
    case 'informationAdded':
    case 'caseContinued':
    case 'specialistTold':
      return true;
    default:
      return false;
  }
}
