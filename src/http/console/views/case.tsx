// The case page, built from sections in page order. Each section decides for itself whether it has
// anything to show to this reader; the casework record (record fields, notes, notices and
// referrals, legal deadlines, transfer) plugs in as further sections of CASE_SECTIONS.
import type { ReferralContact } from '../../../core/casework/ports.js';
import type { CaseCard } from '../../../core/casework/service.js';
import type { CaseMessage, CaseView, Centre, Directory } from '../../../core/model.js';
import type { CaseAccess } from '../../../core/staff/access.js';
import type { AuditEntry } from '../../../core/staff/ports.js';
import type { View } from '../view.js';
import { Box } from './box.js';
import { CaseActions, Reply } from './case-actions.js';
import { CaseRecord, Deadlines, Notes, OwedNotices, Transfer } from './casework.js';
import { Countdown, categoryText, duration, Urgency, when } from './format.js';
import { Page } from './layout.js';
import { Notices } from './notices.js';

export interface CaseModel {
  c: CaseView;
  access: CaseAccess;
  thread: CaseMessage[];
  trail: AuditEntry[];
  /** Specialists' names by id (claimer, authors). */
  names: Map<string, string>;
  directory: Directory;
  /** When it moves up if nobody claims it; null when it is not waiting or cannot move up. */
  due: Date | null;
  /** The outcome of the last action, shown once at the top (role="status"). */
  flash: Flash | null;
  /** The case record, its notices, notes and deadlines; null for a case without one. */
  casework: {
    card: CaseCard;
    /** The specialist holding it or an admin of its centre, while it is open. */
    mayWrite: boolean;
    /** The oblast's referral directory (for the notice form). */
    contacts: ReferralContact[];
    /** Where it may be transferred. */
    targets: Centre[];
  } | null;
  /** A form sent back with what was typed and the fields that were refused. */
  form: FormState | null;
}

export interface Flash {
  kind: 'ok' | 'error';
  text: string;
  /** Closing was refused for a missing notice: name it and lead to the notice form. */
  noticeOwed?: boolean;
  /** What is wrong, one line per refused field (the same words as next to each field). */
  details?: string[];
}

export type FormName = 'record' | 'note' | 'notice' | 'assessed' | 'transfer';
export interface FormState {
  name: FormName;
  values: Record<string, string>;
  errors: Set<string>;
}

export type CaseSection = (props: { view: View; model: CaseModel }) => JSX.Element;

function Summary({ view, model }: { view: View; model: CaseModel }) {
  const { c, directory } = model;
  const centre = directory.centres.find((x) => x.id === c.centreId);
  const unit = c.unitId ? directory.units.find((u) => u.id === c.unitId) : undefined;
  const row = (label: string, value: JSX.Element) => (
    <>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </>
  );
  const claimer = c.claimedById ? (model.names.get(c.claimedById) ?? '') : '';
  return (
    <Box id="summary" title={view.t('case.summary')}>
      <dl class="facts">
        {row(view.t('col.status'), view.t(`status.${c.status}`))}
        {row(view.t('col.urgency'), <Urgency view={view} c={c} />)}
        {row(view.t('col.category'), categoryText(view, c))}
        {row(view.t('col.channel'), view.t(`channel.${c.channel}`))}
        {row(view.t('case.language'), view.key(`specialist.language.${c.language}`))}
        {row(
          view.t('case.area'),
          <span safe>{unit ? (view.locale === 'ru' ? unit.nameRu : unit.nameUk) : '—'}</span>,
        )}
        {row(
          view.t('col.centre'),
          <span safe>{centre ? (view.locale === 'ru' ? centre.nameRu : centre.nameUk) : c.centreId}</span>,
        )}
        {row(
          view.t('case.received'),
          `${when(view, c.createdAt)} (${duration(view, view.now.getTime() - c.createdAt.getTime())})`,
        )}
        {c.claimedById ? row(view.t('case.heldBy'), <span safe>{claimer}</span>) : ''}
        {model.due ? row(view.t('col.movesUp'), <Countdown view={view} due={model.due} />) : ''}
        {c.outcome ? row(view.t('case.outcome'), view.key(`specialist.outcome.${c.outcome}`)) : ''}
      </dl>
    </Box>
  );
}

function Description({ view, model }: { view: View; model: CaseModel }) {
  return (
    <Box id="description" title={view.t('case.description')}>
      <p class="text" safe>
        {model.c.description}
      </p>
    </Box>
  );
}

/** The person left a number for the specialist on the case, so only the one holding it sees it. */
function Contact({ view, model }: { view: View; model: CaseModel }) {
  const { c } = model;
  if (model.access !== 'hold' || !c.contactPhone) return '';
  return (
    <Box id="contact" title={view.t('case.contact')}>
      <p safe>{c.contactPhone}</p>
    </Box>
  );
}

const AUTHOR = {
  REPORTER: 'thread.reporter',
  SPECIALIST: 'thread.specialist',
  SYSTEM: 'thread.system',
} as const;

function Thread({ view, model }: { view: View; model: CaseModel }) {
  return (
    <Box id="thread" title={view.t('case.thread')}>
      {model.thread.length === 0 ? (
        <p class="muted">{view.t('thread.empty')}</p>
      ) : (
        <ol class="thread">
          {model.thread.map((m) => (
            <li class={`msg ${m.author.toLowerCase()}`}>
              <p class="meta">
                {view.t(AUTHOR[m.author], {
                  name: m.specialistId ? (model.names.get(m.specialistId) ?? '') : '',
                })}
                {' · '}
                <time datetime={m.createdAt.toISOString()}>{when(view, m.createdAt)}</time>
              </p>
              <p class="text" safe>
                {m.text}
              </p>
            </li>
          ))}
        </ol>
      )}
    </Box>
  );
}

function Trail({ view, model }: { view: View; model: CaseModel }) {
  return (
    <Box id="trail" title={view.t('case.trail')}>
      <ol class="trail">
        {model.trail.map((e) => (
          <li>
            <time datetime={e.at.toISOString()}>{when(view, e.at)}</time>
            {' · '}
            {e.actorType === 'SPECIALIST' ? (
              <span safe>{e.actorName ?? '—'}</span>
            ) : (
              view.t(`actor.${e.actorType}`)
            )}
            {' · '}
            {view.t(`audit.${e.action.replace('.', '_')}`)}
          </li>
        ))}
      </ol>
    </Box>
  );
}

/** In page order: what is due first, then the person's words, then what staff recorded. */
export const CASE_SECTIONS: CaseSection[] = [
  Summary,
  CaseActions,
  Deadlines,
  Description,
  Contact,
  Thread,
  Reply,
  CaseRecord,
  Notices,
  Notes,
  Transfer,
  Trail,
];

function FlashLine({ view, model }: { view: View; model: CaseModel }) {
  const flash = model.flash;
  if (!flash) return '';
  return (
    <div role={flash.kind === 'ok' ? 'status' : 'alert'} class={`flash ${flash.kind}`}>
      <p>{flash.text}</p>
      {flash.details?.length ? (
        <ul>
          {flash.details.map((d) => (
            <li>{d}</li>
          ))}
        </ul>
      ) : (
        ''
      )}
      {flash.noticeOwed ? <OwedNotices view={view} model={model} /> : ''}
    </div>
  );
}

export function CasePage({ view, model }: { view: View; model: CaseModel }) {
  return (
    <Page view={view} title={view.t('case.title', { code: model.c.caseCode })} section="queue">
      <p>
        <a href="/console/queue">{view.t('backToQueue')}</a>
      </p>
      {/* htmx swaps this whole block after a casework form, so deadlines and the trail stay true. */}
      <div id="case-body">
        <FlashLine view={view} model={model} />
        {CASE_SECTIONS.map((Section) => (
          <Section view={view} model={model} />
        ))}
      </div>
    </Page>
  );
}
