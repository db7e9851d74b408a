// Times as staff read them: "12 хв", "3 год 5 хв", a countdown that turns red and ⏰ once overdue,
// and dates in Kyiv time.
import type { CaseView } from '../../../core/model.js';
import type { View } from '../view.js';

export function duration(view: View, ms: number): string {
  const minutes = Math.max(0, Math.floor(ms / 60_000));
  if (minutes < 60) return view.t('duration.minutes', { n: minutes });
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return view.t('duration.hours', { h: hours, m: minutes % 60 });
  return view.t('duration.days', { d: Math.floor(hours / 24), h: hours % 24 });
}

/** Time left until `due`, or ⏰ and how long overdue, in red. */
export function Countdown({ view, due }: { view: View; due: Date | null }) {
  if (!due) return <span class="muted">{view.t('deadline.none')}</span>;
  const left = due.getTime() - view.now.getTime();
  const at = when(view, due);
  if (left <= 0) {
    return (
      <time class="overdue" datetime={due.toISOString()} title={at}>
        {`⏰ ${view.t('deadline.overdue', { time: duration(view, -left) })}`}
      </time>
    );
  }
  return (
    <time datetime={due.toISOString()} title={at}>
      {view.t('deadline.left', { time: duration(view, left) })}
    </time>
  );
}

const FORMATS = {
  uk: new Intl.DateTimeFormat('uk-UA', { dateStyle: 'short', timeStyle: 'short', timeZone: 'Europe/Kyiv' }),
  ru: new Intl.DateTimeFormat('ru-UA', { dateStyle: 'short', timeStyle: 'short', timeZone: 'Europe/Kyiv' }),
};

export const when = (view: View, date: Date) => FORMATS[view.locale].format(date);

export const categoryText = (view: View, c: Pick<CaseView, 'kind' | 'category'>) =>
  view.key(c.kind === 'CONCERN' ? `concern.category.${c.category}` : `consultation.topic.${c.category}`);

export const Urgency = ({ view, c }: { view: View; c: Pick<CaseView, 'urgency'> }) =>
  c.urgency === 'URGENT' ? (
    <strong class="urgent">{`🚨 ${view.t('urgency.URGENT')}`}</strong>
  ) : (
    view.t('urgency.NORMAL')
  );
