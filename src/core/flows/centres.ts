// "Centres and services": the nearest centre's name, address, phone and hours, found by a shared
// location or by choosing oblast -> district. Unconfirmed details are said to be unconfirmed.
import type { CentresStep } from '../conversation/state.js';
import type { FlowContext, FlowEvent, Reply, TextParam } from '../conversation/types.js';
import type { Centre } from '../model.js';
import { type FlowOutcome, outcome, say, t } from './common.js';
import { toMenu } from './menu.js';
import { askPlace, handlePlace, PLACE_START, type PlaceOptions } from './place.js';
import { centreForPlace, centresInArea, unitById, unitName } from './place-directory.js';

// A district is answer enough here: the person is shown every centre in it.
const PLACE: PlaceOptions = { questionKey: 'centres.askPlace', depth: 'district' };
/** A district has at most a handful of centres; more messages than this would bury the menu. */
const MAX_LISTED = 6;

export function startCentres(ctx: FlowContext): FlowOutcome {
  const step: CentresStep = { flow: 'centres', where: PLACE_START };
  return outcome(step, askCentres(step, ctx));
}

export function askCentres(step: CentresStep, ctx: FlowContext): Reply[] {
  return askPlace(step.where, ctx, PLACE);
}

export function handleCentres(step: CentresStep, event: FlowEvent, ctx: FlowContext): FlowOutcome | null {
  const result = handlePlace(step.where, event, ctx, PLACE);
  if (!result) return null;
  if (result.kind === 'stay') {
    const next: CentresStep = { flow: 'centres', where: result.where };
    return outcome(next, [...result.replies, ...askCentres(next, ctx)]);
  }
  const area = result.place.unitId ? unitById(ctx.directory, result.place.unitId) : undefined;
  if (area?.level === 'DISTRICT') {
    const centres = centresInArea(ctx.directory, area.id).slice(0, MAX_LISTED);
    const heading = say('centres.inArea', { area: unitName(area, ctx.locale) });
    return toMenu(...result.replies, heading, ...centres.map((c) => centreReply(c, ctx)));
  }
  // handlePlace only finishes on a place some centre serves.
  const centre = centreForPlace(ctx.directory, result.place);
  if (!centre) return outcome({ flow: 'centres', where: PLACE_START }, askCentres(step, ctx));
  return toMenu(...result.replies, say('centres.nearest'), centreReply(centre, ctx));
}

export function centreReply(centre: Centre, ctx: FlowContext): Reply {
  const uk = ctx.locale === 'uk';
  const orUnknown = (value: string | null): TextParam => value?.trim() || t('centres.notSpecified');
  const info = t('centres.info', {
    name: uk ? centre.nameUk : centre.nameRu,
    address: orUnknown(uk ? centre.addressUk : centre.addressRu),
    phone: orUnknown(centre.phone),
    hours: orUnknown(uk ? centre.hoursUk : centre.hoursRu),
  });
  // Bundled directory data may be outdated: a person in need should not walk to a closed door.
  return centre.needsConfirmation ? say('centres.infoUnconfirmed', { info }) : { text: info };
}
