// "My requests": what the person has sent and where each stands, adding information to an open
// one, and picking a case up from another messenger with its one-time secret.
import type { MyRequestsStep } from '../conversation/state.js';
import type { Button, FlowContext, FlowEvent, MyRequest, Reply } from '../conversation/types.js';
import { coolDownNotice } from '../limits/guards.js';
import { parseCaseCode, parseContinuationSecret } from '../queue/case-codes.js';
import { ask, button, choiceArg, type FlowOutcome, outcome, retry, say } from './common.js';
import { cancelRow, toMenu } from './menu.js';
import { describeRequest } from './my-requests-list.js';
import { FORGET_CHOICE } from './safety.js';
import { ADDED_INFORMATION, checkLength } from './validate.js';

/** The newest requests shown; older ones are still there for the centre. */
export const LIST_LIMIT = 10;

export function startMyRequests(): FlowOutcome {
  return outcome({ flow: 'myRequests', at: 'loading', open: [] }, [], [{ type: 'listMyRequests' }]);
}

export function askMyRequests(step: MyRequestsStep): Reply[] {
  switch (step.at) {
    case 'list':
      return [ask('myRequests.whatNext', actions(step.open))];
    case 'addInfo':
      return [ask('myRequests.askInfo', [cancelRow()], { code: step.caseCode ?? '' })];
    case 'continueCode':
      // After `/case CODE` the question names the case the person means.
      if (step.caseCode) return [ask('myRequests.askSecretFor', [cancelRow()], { code: step.caseCode })];
      return [ask('myRequests.askSecret', [cancelRow()])];
    default:
      return [say('myRequests.interrupted')];
  }
}

function actions(open: string[]): Button[][] {
  return [
    ...open.map((code) => [button('myRequests.addTo', `add:${code}`, { code })]),
    [button('myRequests.haveSecret', 'my:continue')],
    [button('myRequests.forgetMe', FORGET_CHOICE)],
    [button('common.toMenu', 'flow:menu')],
  ];
}

export function handleMyRequests(
  step: MyRequestsStep,
  event: FlowEvent,
  ctx: FlowContext,
): FlowOutcome | null {
  switch (event.type) {
    case 'myRequestsListed':
      return listed(event.requests, ctx);
    case 'myRequestsFailed':
      return toMenu(say('errors.temporary'));
    case 'informationAdded':
      return toMenu(say('myRequests.added', { code: event.caseCode }));
    case 'informationRejected':
      return rejected(step, event.reason, event.caseCode);
    case 'caseContinued':
      return toMenu(say('myRequests.continued', { code: event.caseCode }));
    case 'specialistTold':
      return toMenu(say('myRequests.toSpecialist', { code: event.caseCode }));
    case 'specialistNotTold':
      return notTold(step, event.reason);
    case 'continueRejected':
      if (event.reason === 'FAILED') return toMenu(say('errors.temporary'));
      if (event.reason === 'COOL_DOWN') return toMenu(coolDownNotice(event.minutes));
      return askContinueAgain(step, 'myRequests.secretUnknown');
    default:
      return onInbound(step, event);
  }
}

function askContinue(): Reply[] {
  return askMyRequests({ flow: 'myRequests', at: 'continueCode', open: [] });
}

/** The key question once more, still about the same case, with what was wrong in its place. */
function askContinueAgain(step: MyRequestsStep, problem: string): FlowOutcome {
  const next: MyRequestsStep = { ...step, at: 'continueCode' };
  return outcome(next, retry(say(problem), askMyRequests(next)));
}

/** Case code (5 characters) and key (16) as typed after /case, separators and case ignored. */
const CODE_CHARS = 5;
const SECRET_CHARS = 16;

/**
 * `/case`, `/case CODE`, `/case CODE KEY` or `/case KEY`: pick up a case started on the other
 * messenger. Only the one-time key proves the case is the person's; the code is what they know it
 * by, so the key is asked for whenever it is not given. When they give the code too, the key must be
 * that case's: a key of another case moves nothing.
 */
export function startContinue(args: string): FlowOutcome {
  const chars = args.toUpperCase().replace(/[\s-]/g, '');
  const withCode = chars.length === CODE_CHARS || chars.length === CODE_CHARS + SECRET_CHARS;
  const withSecret = chars.length >= SECRET_CHARS;
  const code = withCode ? parseCaseCode(chars.slice(0, CODE_CHARS)) : null;
  const secret = withSecret ? parseContinuationSecret(chars.slice(-SECRET_CHARS)) : null;
  const step: MyRequestsStep = {
    flow: 'myRequests',
    at: 'continueCode',
    open: [],
    ...(code && { caseCode: code }),
  };
  const lengthFits = chars.length === 0 || withCode || chars.length === SECRET_CHARS;
  if (!lengthFits || (withCode && !code) || (withSecret && !secret)) {
    return outcome(step, retry(say('myRequests.caseMalformed'), askMyRequests(step)));
  }
  if (secret) return continueWith(step, secret);
  return outcome(step, askMyRequests(step));
}

/** Asks storage to move the case; the code, if the person gave one, must match the key. */
function continueWith(step: MyRequestsStep, secret: string): FlowOutcome {
  const effect = { type: 'continueCase' as const, secret, ...(step.caseCode && { caseCode: step.caseCode }) };
  return outcome({ ...step, at: 'continuing' }, [], [effect]);
}

function listed(requests: MyRequest[], ctx: FlowContext): FlowOutcome {
  const open = requests.filter((r) => r.status !== 'CLOSED').map((r) => r.caseCode);
  const step: MyRequestsStep = { flow: 'myRequests', at: 'list', open };
  if (requests.length === 0) return outcome(step, [ask('myRequests.none', actions(open))]);
  const newest = [...requests]
    .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())
    .slice(0, LIST_LIMIT);
  const more = requests.length > newest.length ? 'myRequests.listLatest' : 'myRequests.list';
  const items = newest.map((r) => describeRequest(r, ctx));
  return outcome(step, [ask(more, actions(open), { items })]);
}

function rejected(
  step: MyRequestsStep,
  reason: 'NOT_FOUND' | 'CLOSED' | 'FAILED',
  code: string,
): FlowOutcome {
  if (reason === 'FAILED') {
    // Storage did not answer: keep the text, let the person send it again with one press.
    const again = [[button('myRequests.sendAgain', 'my:resend')], cancelRow()];
    return outcome({ ...step, at: 'addInfo' }, [ask('myRequests.addFailed', again, { code })]);
  }
  return toMenu(say(reason === 'CLOSED' ? 'myRequests.closedCase' : 'myRequests.notYours', { code }));
}

function onInbound(step: MyRequestsStep, event: FlowEvent): FlowOutcome | null {
  switch (step.at) {
    case 'list':
      if (event.type === 'text') return typedAtList(step, event.text);
      return onListChoice(step, event);
    case 'addInfo':
      return onInformation(step, event);
    case 'continueCode': {
      if (event.type !== 'text') return null;
      const secret = parseContinuationSecret(event.text);
      if (!secret) return askContinueAgain(step, 'myRequests.secretMalformed');
      return continueWith(step, secret);
    }
    default: {
      // Still waiting for storage when the person writes: the process stopped; list afresh.
      const restart = startMyRequests();
      return { ...restart, replies: [say('myRequests.interrupted')] };
    }
  }
}

/**
 * Words typed under the list instead of pressing a button. They go to the specialist who holds one
 * of the person's cases, as at the menu; when nobody holds one yet and only one request is open,
 * they are added to it (the specialist who takes it reads them); with several, the person is shown
 * how to choose. Kept in the step until storage has answered, so that nothing typed is lost.
 */
function typedAtList(step: MyRequestsStep, text: string): FlowOutcome {
  const checked = checkLength(text, ADDED_INFORMATION);
  if (!checked.ok) return outcome(step, retry(checked.error, askMyRequests(step)));
  return outcome({ ...step, pending: checked.value }, [], [{ type: 'tellSpecialist', text: checked.value }]);
}

function notTold(step: MyRequestsStep, reason: 'NO_CASE' | 'FAILED'): FlowOutcome {
  const { pending, ...list } = step;
  const [only, ...more] = step.open;
  if (reason === 'NO_CASE' && pending && only && more.length === 0) return send(list, only, pending);
  const hint = reason === 'NO_CASE' ? 'myRequests.typedAtList' : 'errors.temporary';
  return outcome(list, retry(say(hint), askMyRequests(list)));
}

function onListChoice(step: MyRequestsStep, event: FlowEvent): FlowOutcome | null {
  if (event.type !== 'choice') return null;
  if (event.value === 'my:continue') return outcome({ ...step, at: 'continueCode' }, askContinue());
  const code = choiceArg(event.value, 'add');
  if (code === null || !step.open.includes(code)) return null;
  const next: MyRequestsStep = { ...step, at: 'addInfo', caseCode: code };
  return outcome(next, askMyRequests(next));
}

function onInformation(step: MyRequestsStep, event: FlowEvent): FlowOutcome | null {
  const code = step.caseCode;
  if (!code) return startMyRequests();
  if (event.type === 'choice' && event.value === 'my:resend' && step.pending) {
    return send(step, code, step.pending);
  }
  if (event.type !== 'text') return null;
  const checked = checkLength(event.text, ADDED_INFORMATION);
  if (!checked.ok) return outcome(step, retry(checked.error, askMyRequests(step)));
  return send(step, code, checked.value);
}

function send(step: MyRequestsStep, caseCode: string, text: string): FlowOutcome {
  const next: MyRequestsStep = { ...step, at: 'sending', pending: text };
  return outcome(next, [], [{ type: 'addInformation', caseCode, text }]);
}
