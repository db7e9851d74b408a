// The queue page: what waits in the centre's queue (urgent first) with how long it has waited and
// its nearest deadline (a legal one still owed, or when it moves up), a Claim button, and the signed-in specialist's own open cases. The live part is
// re-fetched by htmx every few seconds, so new, claimed and escalated requests show without reload.
import type { DeadlineKind } from '../../../core/casework/deadlines.js';
import type { CaseView, Directory } from '../../../core/model.js';
import type { View } from '../view.js';
import { Countdown, categoryText, duration, Urgency, when } from './format.js';
import { Csrf } from './layout.js';

export interface QueueModel {
  waiting: CaseView[];
  mine: CaseView[];
  /** The nearest deadline of a case: a legal one still owed, or when it moves up if unclaimed. */
  nextDue(c: CaseView): NextDue | null;
  /** Show which centre a request waits in (a supervisor sees several). */
  showCentre: boolean;
  directory: Directory;
}

export interface NextDue {
  at: Date;
  /** A casework deadline kind, or ESCALATION for moving up to the parent centre. */
  kind: DeadlineKind | 'ESCALATION';
}

const centreName = (view: View, directory: Directory, id: string) => {
  const c = directory.centres.find((x) => x.id === id);
  return c ? (view.locale === 'ru' ? c.nameRu : c.nameUk) : id;
};

interface Column {
  label: string;
  cell: (c: CaseView) => JSX.Element;
}

/** One table of cases: its heading, the words when it is empty, and its columns. */
function CaseTable(props: {
  view: View;
  id: string;
  heading: string;
  empty: string;
  columns: Column[];
  rows: CaseView[];
  rowClass?: (c: CaseView) => string | undefined;
}) {
  return (
    <section aria-labelledby={`${props.id}-h`}>
      <h2 id={`${props.id}-h`}>{props.heading}</h2>
      {props.rows.length === 0 ? (
        <p class="muted">{props.empty}</p>
      ) : (
        <div class="scroll">
          <table>
            <thead>
              <tr>
                {props.columns.map((col) => (
                  <th scope="col">{col.label}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {props.rows.map((c) => (
                <tr id={`${props.id}-${c.id}`} class={props.rowClass?.(c)}>
                  {props.columns.map((col) => (
                    <td>{col.cell(c)}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function columns(view: View, model: QueueModel) {
  const col = (key: string, cell: Column['cell']): Column => ({ label: view.t(`col.${key}`), cell });
  return {
    code: col('code', (c) => (
      <a href={`/console/cases/${c.id}`} safe>
        {c.caseCode}
      </a>
    )),
    urgency: col('urgency', (c) => <Urgency view={view} c={c} />),
    category: col('category', (c) => categoryText(view, c)),
    channel: col('channel', (c) => view.t(`channel.${c.channel}`)),
    centre: col('centre', (c) => <span safe>{centreName(view, model.directory, c.centreId)}</span>),
    waiting: col('waiting', (c) => (
      <time datetime={c.createdAt.toISOString()} title={when(view, c.createdAt)}>
        {duration(view, view.now.getTime() - c.createdAt.getTime())}
      </time>
    )),
    deadline: col('deadline', (c) => <NextDeadline view={view} next={model.nextDue(c)} />),
    status: col('status', (c) => view.t(`status.${c.status}`)),
    claimedAt: col('claimedAt', (c) => (c.claimedAt ? when(view, c.claimedAt) : '')),
    claim: col('action', (c) =>
      c.centreId === view.staff?.centreId ? <ClaimButton view={view} c={c} /> : '',
    ),
  };
}

/** The countdown (⏰ and red once overdue) and what it is for. */
function NextDeadline({ view, next }: { view: View; next: NextDue | null }) {
  if (!next) return <Countdown view={view} due={null} />;
  const what =
    next.kind === 'ESCALATION'
      ? view.t('deadline.escalation')
      : view.key(`casework.deadlineKindShort.${next.kind}`);
  return (
    <>
      <Countdown view={view} due={next.at} /> <span class="muted">{what}</span>
    </>
  );
}

function ClaimButton({ view, c }: { view: View; c: CaseView }) {
  return (
    <form method="post" action={`/console/cases/${c.id}/claim`} class="inline">
      <Csrf view={view} />
      <button type="submit" aria-label={view.t('queue.claimCase', { code: c.caseCode })}>
        {view.t('queue.claim')}
      </button>
    </form>
  );
}

/** The part htmx refreshes: both tables. */
export function QueueLive({ view, model }: { view: View; model: QueueModel }) {
  const col = columns(view, model);
  return (
    <div
      id="queue-live"
      hx-get="/console/queue/live"
      hx-trigger={`every ${view.refreshSeconds}s`}
      hx-swap="outerHTML"
    >
      <CaseTable
        view={view}
        id="waiting"
        heading={view.t('queue.waiting', { n: model.waiting.length })}
        empty={view.t('queue.empty')}
        columns={[
          col.code,
          col.urgency,
          col.category,
          col.channel,
          ...(model.showCentre ? [col.centre] : []),
          col.waiting,
          col.deadline,
          col.claim,
        ]}
        rows={model.waiting}
        rowClass={(c) => (c.urgency === 'URGENT' ? 'urgent-row' : undefined)}
      />
      <CaseTable
        view={view}
        id="mine"
        heading={view.t('queue.mine', { n: model.mine.length })}
        empty={view.t('queue.noneMine')}
        columns={[col.code, col.urgency, col.category, col.status, col.claimedAt, col.deadline]}
        rows={model.mine}
      />
    </div>
  );
}
