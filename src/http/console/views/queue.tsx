// The queue page: what waits in the centre's queue (urgent first) with how long it has waited and
// when it moves up, a Claim button, and the signed-in specialist's own open cases. The live part is
// re-fetched by htmx every few seconds, so new, claimed and escalated requests show without reload.
import type { CaseView, Directory } from '../../../core/model.js';
import type { View } from '../view.js';
import { Countdown, categoryText, duration, Urgency, when } from './format.js';
import { Csrf } from './layout.js';

export interface QueueModel {
  waiting: CaseView[];
  mine: CaseView[];
  /** When each waiting request moves up, or null at the top of the hierarchy. */
  dueOf(c: CaseView): Date | null;
  /** Show which centre a request waits in (a supervisor sees several). */
  showCentre: boolean;
  directory: Directory;
}

const centreName = (view: View, directory: Directory, id: string) => {
  const c = directory.centres.find((x) => x.id === id);
  return c ? (view.locale === 'ru' ? c.nameRu : c.nameUk) : id;
};

function WaitingRow({ view, c, model }: { view: View; c: CaseView; model: QueueModel }) {
  const mayClaim = c.centreId === view.staff?.centreId;
  return (
    <tr id={`req-${c.id}`} class={c.urgency === 'URGENT' ? 'urgent-row' : undefined}>
      <td>
        <a href={`/console/cases/${c.id}`} safe>
          {c.caseCode}
        </a>
      </td>
      <td>
        <Urgency view={view} c={c} />
      </td>
      <td>{categoryText(view, c)}</td>
      <td>{view.t(`channel.${c.channel}`)}</td>
      {model.showCentre ? <td safe>{centreName(view, model.directory, c.centreId)}</td> : ''}
      <td>
        <time datetime={c.createdAt.toISOString()} title={when(view, c.createdAt)}>
          {duration(view, view.now.getTime() - c.createdAt.getTime())}
        </time>
      </td>
      <td>
        <Countdown view={view} due={model.dueOf(c)} />
      </td>
      <td>
        {mayClaim ? (
          <form method="post" action={`/console/cases/${c.id}/claim`} class="inline">
            <Csrf view={view} />
            <button type="submit" aria-label={view.t('queue.claimCase', { code: c.caseCode })}>
              {view.t('queue.claim')}
            </button>
          </form>
        ) : (
          ''
        )}
      </td>
    </tr>
  );
}

function MineRow({ view, c }: { view: View; c: CaseView }) {
  return (
    <tr>
      <td>
        <a href={`/console/cases/${c.id}`} safe>
          {c.caseCode}
        </a>
      </td>
      <td>
        <Urgency view={view} c={c} />
      </td>
      <td>{categoryText(view, c)}</td>
      <td>{view.t(`status.${c.status}`)}</td>
      <td>{c.claimedAt ? when(view, c.claimedAt) : ''}</td>
    </tr>
  );
}

/** The part htmx refreshes: both tables. */
export function QueueLive({ view, model }: { view: View; model: QueueModel }) {
  return (
    <div
      id="queue-live"
      hx-get="/console/queue/live"
      hx-trigger={`every ${view.refreshSeconds}s`}
      hx-swap="outerHTML"
    >
      <section aria-labelledby="waiting-h">
        <h2 id="waiting-h">{view.t('queue.waiting', { n: model.waiting.length })}</h2>
        {model.waiting.length === 0 ? (
          <p class="muted">{view.t('queue.empty')}</p>
        ) : (
          <div class="scroll">
            <table>
              <thead>
                <tr>
                  <th scope="col">{view.t('col.code')}</th>
                  <th scope="col">{view.t('col.urgency')}</th>
                  <th scope="col">{view.t('col.category')}</th>
                  <th scope="col">{view.t('col.channel')}</th>
                  {model.showCentre ? <th scope="col">{view.t('col.centre')}</th> : ''}
                  <th scope="col">{view.t('col.waiting')}</th>
                  <th scope="col">{view.t('col.movesUp')}</th>
                  <th scope="col">{view.t('col.action')}</th>
                </tr>
              </thead>
              <tbody>
                {model.waiting.map((c) => (
                  <WaitingRow view={view} c={c} model={model} />
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <section aria-labelledby="mine-h">
        <h2 id="mine-h">{view.t('queue.mine', { n: model.mine.length })}</h2>
        {model.mine.length === 0 ? (
          <p class="muted">{view.t('queue.noneMine')}</p>
        ) : (
          <div class="scroll">
            <table>
              <thead>
                <tr>
                  <th scope="col">{view.t('col.code')}</th>
                  <th scope="col">{view.t('col.urgency')}</th>
                  <th scope="col">{view.t('col.category')}</th>
                  <th scope="col">{view.t('col.status')}</th>
                  <th scope="col">{view.t('col.claimedAt')}</th>
                </tr>
              </thead>
              <tbody>
                {model.mine.map((c) => (
                  <MineRow view={view} c={c} />
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}
