// The notices and referrals of a case: what was sent to whom, how, when and under which number,
// with "receipt confirmed"; the form that records one (the bot's /notify), and the oblast's referral
// directory to find whom to tell.
import { owedToClose, RECIPIENT_OF } from '../../../core/casework/deadlines.js';
import { NOTICE_WAYS, RECIPIENTS } from '../../../core/casework/model.js';
import { Box } from './box.js';
import { CaseForm, Field, labelled, type Props, Select, typed } from './case-form.js';
import { when } from './format.js';

function NoticeForm({ view, model }: Props) {
  const cw = model.casework;
  if (!cw) return '';
  // After a refused close, the form already names whom the procedure requires.
  const owed = model.flash?.noticeOwed ? owedToClose(cw.card.deadlines)[0] : undefined;
  const suggested = owed ? (RECIPIENT_OF[owed.kind] ?? '') : '';
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
