// Carries out what a flow asked for and turns the answer into an event the flow understands.
// A failure of the outside world becomes a "failed" outcome: the flow keeps the person's words.
import type { NewRequest } from '../model.js';
import type { ChatRef, ChatSafety, Logger, ReporterCases, RequestIntake } from '../ports/index.js';
import type { Effect, EffectOutcome } from './types.js';

interface EffectDeps {
  intake: RequestIntake;
  cases: ReporterCases;
  safety: ChatSafety;
}

export async function runEffect(
  effect: Effect,
  chat: ChatRef,
  deps: EffectDeps,
  log: Logger,
): Promise<EffectOutcome> {
  try {
    return await run(effect, chat, deps);
  } catch (error) {
    log.error({ err: error, effect: effect.type }, 'conversation effect failed');
    return failed(effect);
  }
}

async function run(effect: Effect, chat: ChatRef, deps: EffectDeps): Promise<EffectOutcome> {
  switch (effect.type) {
    case 'submitRequest': {
      const { draft } = effect;
      const request: NewRequest = { ...draft, channel: chat.channel, reporterHandleId: chat.handleId };
      const sent = await deps.intake.submit(request);
      return {
        type: 'submitted',
        ...sent,
        kind: draft.kind,
        urgency: draft.urgency,
        centreId: draft.centreId,
      };
    }
    case 'listMyRequests':
      return { type: 'myRequestsListed', requests: await deps.cases.listMine(chat.handleId) };
    case 'addInformation': {
      const added = await deps.cases.addInformation(chat.handleId, effect.caseCode, effect.text);
      if (added.ok) return { type: 'informationAdded', caseCode: effect.caseCode };
      return { type: 'informationRejected', caseCode: effect.caseCode, reason: added.error };
    }
    case 'continueCase': {
      const moved = await deps.cases.continueCase(chat.handleId, effect.secret, effect.caseCode);
      if (moved.ok) return { type: 'caseContinued', caseCode: moved.value.caseCode };
      const refusal = moved.error;
      return refusal === 'NOT_FOUND'
        ? { type: 'continueRejected', reason: refusal }
        : { type: 'continueRejected', reason: 'COOL_DOWN', minutes: refusal.coolDownMinutes };
    }
    case 'tellSpecialist': {
      const told = await deps.cases.tellSpecialist(chat.handleId, effect.text);
      return told.ok
        ? { type: 'specialistTold', caseCode: told.value.caseCode }
        : { type: 'specialistNotTold', reason: told.error };
    }
    case 'eraseChat':
      return { type: 'chatErased', deleting: await deps.safety.erase(chat) };
    case 'forgetMe':
      await deps.safety.forget(chat);
      return { type: 'forgotten' };
  }
}

function failed(effect: Effect): EffectOutcome {
  switch (effect.type) {
    case 'submitRequest':
      return { type: 'submitFailed' };
    case 'listMyRequests':
      return { type: 'myRequestsFailed' };
    case 'addInformation':
      return { type: 'informationRejected', caseCode: effect.caseCode, reason: 'FAILED' };
    case 'continueCase':
      return { type: 'continueRejected', reason: 'FAILED' };
    case 'tellSpecialist':
      return { type: 'specialistNotTold', reason: 'FAILED' };
    case 'eraseChat':
      return { type: 'eraseFailed' };
    case 'forgetMe':
      return { type: 'forgetFailed' };
  }
}
