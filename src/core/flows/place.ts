// "Where is this?" — shared by the concern, consultation and centres flows. A person can share a
// location, walk the list oblast -> district -> hromada, or type a town name (typos tolerated).
import type { Place, PlaceStage } from '../conversation/state.js';
import type { FlowContext, FlowEvent, Reply } from '../conversation/types.js';
import type { AdminUnit } from '../model.js';
import { ask, button, choiceArg, say, t, truncate } from './common.js';
import { pagedGrid, parsePage } from './paging.js';
import {
  centreForPlace,
  childUnits,
  findTowns,
  placeAtPoint,
  topUnits,
  unitById,
  unitName,
} from './place-directory.js';
import { candidateButton, describePlace, unitButtons } from './place-labels.js';

export { describePlace } from './place-labels.js';

export interface PlaceOptions {
  /** The first question, e.g. "Where is the child?" */
  questionKey: string;
  /** Centres stop at the district; requests go down to the hromada for the closest centre. */
  depth: 'district' | 'town';
}

export type PlaceStep =
  | { kind: 'stay'; where: PlaceStage; replies: Reply[] }
  | { kind: 'done'; place: Place; replies: Reply[] };

export const PLACE_START: PlaceStage = { at: 'ask' };

export function askPlace(where: PlaceStage, ctx: FlowContext, opts: PlaceOptions): Reply[] {
  switch (where.at) {
    case 'ask':
      return [
        { text: t(opts.questionKey), requestLocation: true },
        ask(
          'place.orChoose',
          pagedGrid(unitButtons(topUnits(ctx.directory, ctx.locale), ctx), where.page ?? 0),
        ),
      ];
    case 'district':
      return [
        ask('place.chooseDistrict', [
          ...pagedGrid(unitButtons(childUnits(ctx.directory, where.oblastId, ctx.locale), ctx), where.page),
          [button('common.back', 'place:back')],
        ]),
      ];
    case 'town':
      return [
        ask('place.chooseTown', [
          ...pagedGrid(unitButtons(childUnits(ctx.directory, where.districtId, ctx.locale), ctx), where.page),
          [button('place.wholeDistrict', `unit:${where.districtId}`)],
          [button('common.back', 'place:back')],
        ]),
      ];
    case 'confirmTown':
      return [
        ask('place.didYouMean', [
          ...where.candidates.map((id) => [candidateButton(id, ctx)]),
          [button('place.noneOfThese', 'place:back')],
        ]),
      ];
  }
}

/** Handles an event while choosing a place; null when the event is not an answer to this question. */
export function handlePlace(
  where: PlaceStage,
  event: FlowEvent,
  ctx: FlowContext,
  opts: PlaceOptions,
): PlaceStep | null {
  switch (event.type) {
    case 'location':
      return fromPoint({ lat: event.lat, lon: event.lon }, ctx);
    case 'text':
      return fromTypedName(event.text, ctx, opts);
    case 'choice':
      return fromChoice(where, event.value, ctx, opts);
    default:
      return null;
  }
}

// A shared location is rounded to about 1 km before it is kept anywhere.
const round = (x: number) => Math.round(x * 100) / 100;

function fromPoint(exact: { lat: number; lon: number }, ctx: FlowContext): PlaceStep {
  const point = { lat: round(exact.lat), lon: round(exact.lon) };
  const place: Place = { unitId: placeAtPoint(ctx.directory, point)?.id ?? null, point };
  if (!centreForPlace(ctx.directory, place)) {
    return { kind: 'stay', where: PLACE_START, replies: [say('place.outsideArea')] };
  }
  return { kind: 'done', place, replies: [{ text: t('place.locationReceived'), removeKeyboard: true }] };
}

/** No place name is this long; longer text is someone describing, not naming (and costly to match). */
const MAX_NAME = 60;

function fromTypedName(text: string, ctx: FlowContext, opts: PlaceOptions): PlaceStep {
  const found = text.length > MAX_NAME ? { exact: false, units: [] } : findTowns(ctx.directory, text);
  const [first] = found.units;
  if (!first) {
    return {
      kind: 'stay',
      where: PLACE_START,
      replies: [say('place.notFound', { name: truncate(text.trim(), 40) })],
    };
  }
  if (found.exact && found.units.length === 1) return chosen(first, ctx, opts);
  return {
    kind: 'stay',
    where: { at: 'confirmTown', candidates: found.units.map((u) => u.id) },
    replies: [],
  };
}

function fromChoice(
  where: PlaceStage,
  value: string,
  ctx: FlowContext,
  opts: PlaceOptions,
): PlaceStep | null {
  const page = parsePage(value);
  if (page !== null && where.at !== 'confirmTown')
    return { kind: 'stay', where: { ...where, page }, replies: [] };
  if (value === 'place:back') return { kind: 'stay', where: back(where, ctx), replies: [] };
  const unitId = choiceArg(value, 'unit');
  const unit = unitId === null ? undefined : unitById(ctx.directory, unitId);
  if (!unit || !offered(where, unit, ctx)) return null;
  // "The whole district" in the hromada list means exactly that: do not open the same list again.
  const wholeDistrict = where.at === 'town' && unit.id === where.districtId;
  return wholeDistrict ? resolved({ unitId: unit.id, point: null }, unit, ctx) : chosen(unit, ctx, opts);
}

/** Only units shown in the current question count: a stale button from an old message is ignored. */
function offered(where: PlaceStage, unit: AdminUnit, ctx: FlowContext): boolean {
  switch (where.at) {
    case 'ask':
      return topUnits(ctx.directory, ctx.locale).some((u) => u.id === unit.id);
    case 'district':
      return unit.parentId === where.oblastId;
    case 'town':
      return unit.parentId === where.districtId || unit.id === where.districtId;
    case 'confirmTown':
      return where.candidates.includes(unit.id);
  }
}

function chosen(unit: AdminUnit, ctx: FlowContext, opts: PlaceOptions): PlaceStep {
  const page = 0;
  if (unit.level === 'OBLAST')
    return { kind: 'stay', where: { at: 'district', oblastId: unit.id, page }, replies: [] };
  const goDeeper = unit.level === 'DISTRICT' && opts.depth === 'town';
  if (goDeeper && childUnits(ctx.directory, unit.id, ctx.locale).length > 0) {
    return { kind: 'stay', where: { at: 'town', districtId: unit.id, page }, replies: [] };
  }
  return resolved({ unitId: unit.id, point: null }, unit, ctx);
}

function resolved(place: Place, unit: AdminUnit, ctx: FlowContext): PlaceStep {
  if (!centreForPlace(ctx.directory, place)) {
    return {
      kind: 'stay',
      where: PLACE_START,
      replies: [say('place.noCentre', { name: unitName(unit, ctx.locale) })],
    };
  }
  // Chosen by name or button: Telegram still shows the "share location" keyboard under the chat.
  // It can only be taken away by a message without buttons, which also says what was understood.
  const chosenPlace = t('place.chosen', { place: describePlace(place, ctx) });
  return { kind: 'done', place, replies: [{ text: chosenPlace, removeKeyboard: true }] };
}

function back(where: PlaceStage, ctx: FlowContext): PlaceStage {
  if (where.at !== 'town') return PLACE_START;
  // From the hromada list back to the district list, unless districts are the top of the list.
  const district = unitById(ctx.directory, where.districtId);
  const oblastId = district?.parentId;
  const districtsOnTop = topUnits(ctx.directory, ctx.locale).some((u) => u.id === where.districtId);
  return oblastId && !districtsOnTop ? { at: 'district', oblastId, page: 0 } : PLACE_START;
}
