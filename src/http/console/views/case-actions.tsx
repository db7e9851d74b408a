// The case page's actions: claim (when it waits in the reader's queue), and for the one who holds
// it: reply to the person, give it back to the queue, close with an outcome. Plain forms (they work
// without JavaScript); the server checks every one of them again.
import { CASE_OUTCOMES } from '../../../core/model.js';
import type { View } from '../view.js';
import type { CaseModel } from './case.js';
import { Csrf } from './layout.js';

const action = (model: CaseModel, name: string) => `/console/cases/${model.c.id}/${name}`;

export function CaseActions({ view, model }: { view: View; model: CaseModel }) {
  const { access, c } = model;
  if (access === 'claim') {
    return (
      <section class="box actions" aria-label={view.t('case.actions')}>
        <form method="post" action={action(model, 'claim')}>
          <Csrf view={view} />
          <button type="submit">{view.t('queue.claim')}</button>
        </form>
      </section>
    );
  }
  if (access !== 'hold') {
    return c.status === 'CLOSED' ? '' : <p class="muted">{view.t('case.readOnly')}</p>;
  }
  return (
    <section class="box actions" aria-labelledby="actions-h">
      <h2 id="actions-h">{view.t('case.actions')}</h2>
      {c.status === 'CLAIMED' ? (
        <form method="post" action={action(model, 'release')} class="inline">
          <Csrf view={view} />
          <button type="submit" class="secondary">
            {view.t('case.release')}
          </button>
        </form>
      ) : (
        ''
      )}
      <form method="post" action={action(model, 'close')} class="inline">
        <Csrf view={view} />
        <label for="outcome">{view.t('case.outcomeLabel')}</label>
        <select id="outcome" name="outcome" required>
          <option value="">{view.t('case.outcomeChoose')}</option>
          {CASE_OUTCOMES.map((o) => (
            <option value={o}>{view.key(`specialist.outcome.${o}`)}</option>
          ))}
        </select>
        <button type="submit">{view.t('case.close')}</button>
      </form>
    </section>
  );
}

export function Reply({ view, model }: { view: View; model: CaseModel }) {
  if (model.access !== 'hold') return '';
  return (
    <section class="box" aria-labelledby="reply-h">
      <h2 id="reply-h">{view.t('case.reply')}</h2>
      <form method="post" action={action(model, 'reply')}>
        <Csrf view={view} />
        <label for="reply-text">{view.t('case.replyLabel')}</label>
        <textarea id="reply-text" name="text" rows="4" required maxlength="3500"></textarea>
        <p class="hint" id="reply-hint">
          {view.t('case.replyHint')}
        </p>
        <button type="submit" aria-describedby="reply-hint">
          {view.t('case.send')}
        </button>
      </form>
    </section>
  );
}
