// The casework sections of the case page: legal deadlines (with the needs assessment), the case
// record, internal notes and transfer (notices and referrals are in notices.tsx). Forms are shown
// only to whoever may change the record (the specialist holding the case or an admin of its
// centre); the server checks again.
import { escapeHtml } from '@kitajs/html';
import { owedToClose } from '../../../core/casework/deadlines.js';
import {
  CASE_CATEGORIES,
  CHILD_AGES,
  CHILD_SEXES,
  RISK_LEVELS,
  TRANSFER_REASONS,
} from '../../../core/casework/model.js';
import type { View } from '../view.js';
import { Box } from './box.js';
import { CaseForm, Field, labelled, type Props, Select, typed, url } from './case-form.js';
import { Countdown, when } from './format.js';
import { Csrf } from './layout.js';

// ---------------------------------------------------------------------------------------------
// Deadlines

export function Deadlines({ view, model }: Props) {
  const card = model.casework?.card;
  if (!card) return '';
  const closed = model.c.status === 'CLOSED';
  const state = (d: (typeof card.deadlines)[number]) => {
    if (d.metAt) {
      const key = d.metAt > d.dueAt ? 'casework.deadline.metLate' : 'casework.deadline.met';
      return view.t(key, { at: when(view, d.metAt) });
    }
    return closed ? view.t('casework.deadline.notMet') : <Countdown view={view} due={d.dueAt} />;
  };
  const assessmentOwed = card.deadlines.some((d) => d.kind === 'NEEDS_ASSESSMENT' && !d.metAt);
  return (
    <Box id="deadlines" title={view.t('casework.deadlines')}>
      {card.deadlines.length === 0 ? (
        <p class="muted">{view.key('casework.noDeadlines')}</p>
      ) : (
        <div class="scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">{view.t('casework.col.what')}</th>
                <th scope="col">{view.t('casework.col.due')}</th>
                <th scope="col">{view.t('casework.col.state')}</th>
              </tr>
            </thead>
            <tbody>
              {card.deadlines.map((d) => (
                <tr id={`deadline-${d.kind}`}>
                  <th scope="row">{view.key(`casework.deadlineKind.${d.kind}`)}</th>
                  <td>
                    <time datetime={d.dueAt.toISOString()}>{when(view, d.dueAt)}</time>
                  </td>
                  <td>{state(d)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {assessmentOwed && model.casework?.mayWrite ? (
        <CaseForm model={model} to="assessed" view={view}>
          <button type="submit" class="secondary">
            {view.t('casework.assessedButton')}
          </button>
        </CaseForm>
      ) : (
        ''
      )}
    </Box>
  );
}

/** Under a refused close: which notices are owed, and the way to the form that records them. */
export function OwedNotices({ view, model }: Props) {
  const owed = owedToClose(model.casework?.card.deadlines ?? []);
  if (owed.length === 0) return '';
  return (
    <>
      <ul>
        {owed.map((d) => (
          <li>
            {view.t('casework.owedItem', {
              what: view.key(`casework.deadlineKind.${d.kind}`),
              due: when(view, d.dueAt),
            })}
          </li>
        ))}
      </ul>
      {model.casework?.mayWrite ? (
        <p>
          <a href="#notice-form">{view.t('casework.recordNotice')}</a>
        </p>
      ) : (
        ''
      )}
    </>
  );
}
// ---------------------------------------------------------------------------------------------
// The record

function categoryOptions(view: View, selected: string) {
  return Object.entries(CASE_CATEGORIES).map(([top, subs]) => {
    const option = (value: string) => (
      <option value={value} selected={value === selected}>
        {view.key(`casework.caseCategory.${value.replace('.', '_')}`)}
      </option>
    );
    if (subs.length === 0) return option(top);
    return (
      <optgroup label={view.key(`casework.caseCategory.${top}`)}>
        {option(top)}
        {subs.map((sub) => option(`${top}.${sub}`))}
      </optgroup>
    );
  });
}

function RecordForm({ view, model }: Props) {
  const card = model.casework?.card;
  if (!card) return '';
  const f = card.fields;
  const value = (name: string, current: string | null) => typed(model, 'record', name, current ?? '');
  const refused = model.form?.name === 'record';
  const choice = (name: 'riskLevel' | 'childAge' | 'childSex', values: readonly string[]) => (
    <Field
      view={view}
      model={model}
      form="record"
      name={name}
      label={view.t(`casework.record.${name}`)}
      control={(attrs) => (
        <Select
          attrs={attrs}
          options={labelled(view, name, values)}
          selected={value(name, f[name])}
          empty={f[name] ? undefined : view.key('casework.unset')}
        />
      )}
    />
  );
  return (
    <details open={refused}>
      <summary>{view.t('casework.record.edit')}</summary>
      <CaseForm model={model} to="record" view={view}>
        <Field
          view={view}
          model={model}
          form="record"
          name="caseCategory"
          label={view.t('casework.record.caseCategory')}
          control={(attrs) => (
            <select {...attrs}>
              {f.caseCategory ? '' : <option value="">{view.key('casework.unset')}</option>}
              {categoryOptions(view, value('caseCategory', f.caseCategory))}
            </select>
          )}
        />
        {choice('riskLevel', RISK_LEVELS)}
        {choice('childAge', CHILD_AGES)}
        {choice('childSex', CHILD_SEXES)}
        <Field
          view={view}
          model={model}
          form="record"
          name="address"
          label={view.t('casework.record.address')}
          hint={view.t('casework.record.addressHint')}
          control={(attrs) => (
            <input
              {...attrs}
              type="text"
              maxlength="300"
              autocomplete="off"
              value={value('address', card.address)}
            />
          )}
        />
        <button type="submit">{view.t('casework.record.save')}</button>
      </CaseForm>
    </details>
  );
}

export function CaseRecord({ view, model }: Props) {
  const card = model.casework?.card;
  if (!card) return '';
  const { fields: f, request: c } = card;
  const coded = (prefix: string, v: string | null) =>
    v ? view.key(`casework.${prefix}.${v.replace('.', '_')}`) : view.key('casework.unset');
  const row = (label: string, value: JSX.Element) => (
    <>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </>
  );
  // Only the owning centre's staff read the exact address (decrypted on the server for them alone).
  const ownCentre = view.staff?.centreId === c.centreId;
  return (
    <Box id="record" title={view.t('casework.record.title')}>
      <dl class="facts">
        {row(view.t('casework.record.source'), view.key(`casework.source.${f.intakeSource ?? 'MESSENGER'}`))}
        {row(view.t('casework.record.caseCategory'), coded('caseCategory', f.caseCategory))}
        {row(view.t('casework.record.riskLevel'), coded('riskLevel', f.riskLevel))}
        {row(view.t('casework.record.childAge'), coded('childAge', f.childAge))}
        {row(view.t('casework.record.childSex'), coded('childSex', f.childSex))}
        {ownCentre
          ? row(
              view.t('casework.record.address'),
              card.address ? <span safe>{card.address}</span> : view.key('casework.unset'),
            )
          : ''}
        {row(
          view.t('casework.record.assessedAt'),
          f.assessedAt ? when(view, f.assessedAt) : view.t('casework.record.notAssessed'),
        )}
      </dl>
      {model.casework?.mayWrite ? <RecordForm view={view} model={model} /> : ''}
    </Box>
  );
}
// ---------------------------------------------------------------------------------------------
// Notes

export function Notes({ view, model }: Props) {
  const cw = model.casework;
  if (!cw) return '';
  return (
    <Box id="notes" title={view.t('casework.note.title')}>
      <p class="hint">{view.t('casework.note.private')}</p>
      {cw.card.notes.length === 0 ? (
        <p class="muted">{view.t('casework.note.none')}</p>
      ) : (
        <ol class="notes">
          {cw.card.notes.map((n) => (
            <li class="note">
              <p class="meta">
                <time datetime={n.createdAt.toISOString()}>{when(view, n.createdAt)}</time>
                {' · '}
                <span safe>{n.authorName}</span>
              </p>
              <p class="text" safe>
                {n.text}
              </p>
            </li>
          ))}
        </ol>
      )}
      {cw.mayWrite ? (
        <CaseForm model={model} to="notes" view={view}>
          <Field
            view={view}
            model={model}
            form="note"
            name="text"
            label={view.t('casework.note.text')}
            control={(attrs) => (
              <textarea {...attrs} rows="3" required maxlength="4000">
                {typed(model, 'note', 'text')}
              </textarea>
            )}
          />
          <button type="submit">{view.t('casework.note.save')}</button>
        </CaseForm>
      ) : (
        ''
      )}
    </Box>
  );
}
// ---------------------------------------------------------------------------------------------
// Transfer

export function Transfer({ view, model }: Props) {
  const cw = model.casework;
  if (!cw?.mayWrite || cw.targets.length === 0) return '';
  const centres = cw.targets.map((x) => ({
    value: x.id,
    label: escapeHtml(view.locale === 'ru' ? x.nameRu : x.nameUk),
  }));
  return (
    <Box id="transfer" title={view.t('casework.transfer.title')}>
      <p class="hint">{view.t('casework.transfer.explain')}</p>
      {/* A plain form: after a transfer this page is no longer the reader's to see. */}
      <form method="post" action={url(model, 'transfer')}>
        <Csrf view={view} />
        <Field
          view={view}
          model={model}
          form="transfer"
          name="toCentreId"
          label={view.t('casework.transfer.centre')}
          control={(attrs) => (
            <Select
              attrs={attrs}
              options={centres}
              selected={typed(model, 'transfer', 'toCentreId')}
              empty={view.t('casework.choose')}
              required
            />
          )}
        />
        <Field
          view={view}
          model={model}
          form="transfer"
          name="reason"
          label={view.t('casework.transfer.reason')}
          control={(attrs) => (
            <Select
              attrs={attrs}
              options={labelled(view, 'transfer.reason', TRANSFER_REASONS)}
              selected={typed(model, 'transfer', 'reason')}
              empty={view.t('casework.choose')}
              required
            />
          )}
        />
        <button type="submit">{view.t('casework.transfer.button')}</button>
      </form>
    </Box>
  );
}
