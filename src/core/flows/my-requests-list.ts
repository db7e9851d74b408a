// One line per request in "My requests": code, what it is about, where it stands, when it was sent.
import type { FlowContext, MyRequest, Text } from '../conversation/types.js';
import { CONCERN_CATEGORIES, CONSULTATION_TOPICS } from '../model.js';
import { isOneOf, t } from './common.js';

export function describeRequest(r: MyRequest, ctx: FlowContext): Text {
  return t('myRequests.item', {
    code: r.caseCode,
    what: whatItIsAbout(r),
    status: t(`myRequests.status.${r.status}`),
    date: kyivDate(r.createdAt, ctx),
  });
}

function whatItIsAbout(r: MyRequest): Text {
  if (r.kind === 'CONCERN' && isOneOf(CONCERN_CATEGORIES, r.category))
    return t(`concern.category.${r.category}`);
  if (r.kind === 'CONSULTATION' && isOneOf(CONSULTATION_TOPICS, r.category)) {
    return t(`consultation.topic.${r.category}`);
  }
  // A category this release does not know (renamed, imported): say what kind it was at least.
  return t(r.kind === 'CONCERN' ? 'myRequests.kindConcern' : 'myRequests.kindConsultation');
}

/** dd.mm.yyyy as people in Ukraine write dates, on Kyiv's calendar (not the server's). */
function kyivDate(date: Date, ctx: FlowContext): string {
  const locale = ctx.locale === 'uk' ? 'uk-UA' : 'ru-UA';
  return new Intl.DateTimeFormat(locale, {
    timeZone: 'Europe/Kyiv',
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
  }).format(date);
}
