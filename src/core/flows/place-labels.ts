// How places are named on buttons and in summaries: in the person's language, with the district
// when a name alone is ambiguous (Ukraine has many villages of the same name).
import type { Place } from '../conversation/state.js';
import type { Button, FlowContext, Text } from '../conversation/types.js';
import type { AdminUnit } from '../model.js';
import { button, t } from './common.js';
import { unitById, unitName } from './place-directory.js';

export function unitButtons(units: AdminUnit[], ctx: FlowContext): Button[] {
  return units.map((u) => button('place.unit', `unit:${u.id}`, { name: unitName(u, ctx.locale) }));
}

export function candidateButton(id: string, ctx: FlowContext): Button {
  const unit = unitById(ctx.directory, id);
  const parent = unit?.parentId ? unitById(ctx.directory, unit.parentId) : undefined;
  const name = unit ? unitName(unit, ctx.locale) : id;
  if (!parent) return button('place.unit', `unit:${id}`, { name });
  return button('place.unitIn', `unit:${id}`, { name, parent: unitName(parent, ctx.locale) });
}

/** How the summary names a place: the unit with its district, or "shared location". */
export function describePlace(place: Place, ctx: FlowContext): Text {
  const unit = place.unitId ? unitById(ctx.directory, place.unitId) : undefined;
  if (!unit) return t('place.sharedLocation');
  const parent = unit.parentId ? unitById(ctx.directory, unit.parentId) : undefined;
  const name = unitName(unit, ctx.locale);
  const label = parent
    ? t('place.unitIn', { name, parent: unitName(parent, ctx.locale) })
    : t('place.unit', { name });
  return place.point ? t('place.near', { place: label }) : label;
}
