// The casework sections of the case page: legal deadlines (with the needs assessment), the case
// record, notices and referrals, internal notes, and transfer. Forms are shown only to whoever may
// change the record (the specialist holding the case or an admin of its centre); the server checks
// again. Every form works without JavaScript; with htmx it posts in place and the page body is
// swapped, so the deadlines update with the notice just recorded.
import { type Children, escapeHtml } from '@kitajs/html';
import { owedToClose } from '../../../core/casework/deadlines.js';
import {
  CASE_CATEGORIES,
  CHILD_AGES,
  CHILD_SEXES,
  NOTICE_WAYS,
  RECIPIENTS,
  type Recipient,
  RISK_LEVELS,
  TRANSFER_REASONS,
} from '../../../core/casework/model.js';
import type { View } from '../view.js';
import { Box, type CaseModel, type FormName } from './case.js';
import { Countdown, when } from './format.js';
import { Csrf } from './layout.js';

type Props = { view: View; model: CaseModel };

const url = (model: CaseModel, name: string) => `/console/cases/${model.c.id}/${name}`;

/** Posts in place with htmx (the whole case body is swapped); a plain post without JavaScript. */
function CaseForm(props: { model: CaseModel; to: string; id?: string; view: View; children?: Children }) {
  const action = url(props.model, props.to);
  return (
    <form
      id={props.id}
      method="post"
      action={action}
      hx-post={action}
      hx-target="#case-body"
      hx-select="#case-body"
      hx-swap="outerHTML"
    >
      <Csrf view={props.view} />
      {props.children}
    </form>
  );
}

/** What was typed into a refused form, else the default. */
const typed = (model: CaseModel, form: FormName, name: string, fallback = '') =>
  model.form?.name === form ? (model.form.values[name] ?? '') : fallback;

/** Label, control and, when refused, the reason (tied to the control by aria-describedby). */
function Field(props: {
  view: View;
  model: CaseModel;
  form: FormName;
  name: string;
  label: string;
  hint?: string;
  control: (attrs: Record<string, string | undefined>) => JSX.Element;
}) {
  const { view, model, form, name } = props;
  const id = `${form}-${name}`;
  const invalid = model.form?.name === form && model.form.errors.has(name);
  const described = [props.hint ? `${id}-hint` : '', invalid ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <p class="field">
      <label for={id}>{props.label}</label>
      {props.control({
        id,
        name,
        'aria-invalid': invalid ? 'true' : undefined,
        'aria-describedby': described || undefined,
      })}
      {props.hint ? (
        <span class="hint" id={`${id}-hint`}>
          {props.hint}
        </span>
      ) : (
        ''
      )}
      {invalid ? (
        <span class="field-error" id={`${id}-error`}>
          {view.t(`casework.invalid.${name}`)}
        </span>
      ) : (
        ''
      )}
    </p>
  );
}

function Select(props: {
  attrs: Record<string, string | undefined>;
  options: { value: string; label: string }[];
  selected: string;
  empty?: string;
  required?: boolean;
}) {
  return (
    <select {...props.attrs} required={props.required}>
      {props.empty !== undefined ? <option value="">{props.empty}</option> : ''}
      {props.options.map((o) => (
        <option value={o.value} selected={o.value === props.selected}>
          {o.label}
        </option>
      ))}
    </select>
  );
}

const labelled = (view: View, prefix: string, values: readonly string[]) =>
  values.map((value) => ({ value, label: view.key(`casework.${prefix}.${value.replace('.', '_')}`) }));

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
// Notices and referrals

const NOTICE_OF: Partial<Record<string, Recipient>> = {
  POLICE_NOTICE: 'POLICE',
  CHILDREN_SERVICE_NOTICE: 'CHILDREN_SERVICE',
};

function NoticeForm({ view, model }: Props) {
  const cw = model.casework;
  if (!cw) return '';
  // After a refused close, the form already names whom the procedure requires.
  const owed = model.flash?.noticeOwed ? owedToClose(cw.card.deadlines)[0] : undefined;
  const suggested = owed ? (NOTICE_OF[owed.kind] ?? '') : '';
  const field = (
    name: string,
    label: string,
    control: (a: Record<string, string | undefined>) => JSX.Element,
    hint?: string,
  ) => (
    <Field view={view} model={model} form="notice" name={name} label={label} hint={hint} control={control} />
  );
  const names = [...new Set(cw.contacts.map((x) => (view.locale === 'ru' ? x.nameRu : x.nameUk)))];
  return (
    <CaseForm model={model} to="notices" id="notice-form" view={view}>
      <h3>{view.t('casework.notice.form')}</h3>
      {field('recipient', view.t('casework.notice.recipient'), (attrs) => (
        <Select
          attrs={attrs}
          options={labelled(view, 'recipient', RECIPIENTS)}
          selected={typed(model, 'notice', 'recipient', suggested)}
          empty={view.t('casework.choose')}
          required
        />
      ))}
      {field('recipientName', view.t('casework.notice.recipientName'), (attrs) => (
        <input
          {...attrs}
          type="text"
          list="referral-names"
          maxlength="200"
          value={typed(model, 'notice', 'recipientName')}
        />
      ))}
      <datalist id="referral-names">
        {names.map((n) => (
          <option value={n} />
        ))}
      </datalist>
      {field('way', view.t('casework.notice.way'), (attrs) => (
        <Select
          attrs={attrs}
          options={labelled(view, 'way', NOTICE_WAYS)}
          selected={typed(model, 'notice', 'way')}
          empty={view.t('casework.choose')}
          required
        />
      ))}
      {field('reference', view.t('casework.notice.reference'), (attrs) => (
        <input {...attrs} type="text" maxlength="100" value={typed(model, 'notice', 'reference')} />
      ))}
      {field(
        'sentAt',
        view.t('casework.notice.sentAt'),
        (attrs) => (
          <input {...attrs} type="datetime-local" value={typed(model, 'notice', 'sentAt')} />
        ),
        view.t('casework.notice.sentAtHint'),
      )}
      <button type="submit">{view.t('casework.notice.save')}</button>
    </CaseForm>
  );
}

function ReferralDirectory({ view, model }: Props) {
  const contacts = model.casework?.contacts ?? [];
  if (contacts.length === 0) return '';
  return (
    <details>
      <summary>{view.t('casework.notice.directory')}</summary>
      <ul>
        {contacts.map((x) => (
          <li>
            {view.key(`casework.recipient.${x.recipient}`)}
            {': '}
            <span safe>{view.locale === 'ru' ? x.nameRu : x.nameUk}</span>
            {x.phone ? <span safe>{` · ${x.phone}`}</span> : ''}
            {x.email ? <span safe>{` · ${x.email}`}</span> : ''}
          </li>
        ))}
      </ul>
    </details>
  );
}

export function Notices({ view, model }: Props) {
  const cw = model.casework;
  if (!cw) return '';
  const notices = cw.card.notices;
  return (
    <Box id="notices" title={view.t('casework.notice.title')}>
      {notices.length === 0 ? (
        <p class="muted">{view.t('casework.notice.none')}</p>
      ) : (
        <div class="scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">{view.t('casework.notice.recipient')}</th>
                <th scope="col">{view.t('casework.notice.way')}</th>
                <th scope="col">{view.t('casework.notice.sentAt')}</th>
                <th scope="col">{view.t('casework.notice.reference')}</th>
                <th scope="col">{view.t('casework.notice.by')}</th>
                <th scope="col">{view.t('casework.notice.acknowledged')}</th>
              </tr>
            </thead>
            <tbody>
              {notices.map((n) => (
                <tr>
                  <td>
                    {view.key(`casework.recipient.${n.recipient}`)}
                    {n.recipientName ? <span safe>{` (${n.recipientName})`}</span> : ''}
                  </td>
                  <td>{view.key(`casework.way.${n.way}`)}</td>
                  <td>
                    <time datetime={n.sentAt.toISOString()}>{when(view, n.sentAt)}</time>
                  </td>
                  <td safe>{n.reference ?? '—'}</td>
                  <td safe>{model.names.get(n.specialistId) ?? '—'}</td>
                  <td>
                    {n.acknowledgedAt ? (
                      when(view, n.acknowledgedAt)
                    ) : cw.mayWrite ? (
                      <CaseForm model={model} to="notices/acknowledge" view={view}>
                        <input type="hidden" name="noticeId" value={n.id} />
                        <button
                          type="submit"
                          class="secondary"
                          aria-label={view.t('casework.notice.acknowledgeWhich', {
                            recipient: view.key(`casework.recipient.${n.recipient}`),
                          })}
                        >
                          {view.t('casework.notice.acknowledge')}
                        </button>
                      </CaseForm>
                    ) : (
                      '—'
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {cw.mayWrite ? <NoticeForm view={view} model={model} /> : ''}
      {cw.mayWrite ? <ReferralDirectory view={view} model={model} /> : ''}
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
            <li>
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
