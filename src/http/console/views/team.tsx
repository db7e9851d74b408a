// The team page: the centre's specialists, an invite form, and (once) the new invite's code.
import type { Specialist } from '../../../core/model.js';
import type { View } from '../view.js';
import { when } from './format.js';
import { Csrf, Page } from './layout.js';

export type Invited =
  | { error: true }
  | { error: false; code: string; expiresAt: Date; link: string | null; qr: string | null };

function NewInvite({ view, invited }: { view: View; invited: Invited | null }) {
  if (!invited) return '';
  if (invited.error)
    return (
      <p role="alert" class="flash error">
        {view.t('error.input')}
      </p>
    );
  return (
    <section class="box" aria-labelledby="invite-new-h">
      <h2 id="invite-new-h">{view.t('team.invited')}</h2>
      <p>{view.t('team.sendCode', { until: when(view, invited.expiresAt) })}</p>
      <p class="code" safe>{`/join ${invited.code}`}</p>
      {invited.link ? (
        <>
          <p>
            {view.t('team.orLink')}{' '}
            <a href={invited.link} safe>
              {invited.link}
            </a>
          </p>
          {/* The SVG comes from the qrcode library: paths only, no text from the user. */}
          {invited.qr ? (
            <figure class="qr" aria-label={view.t('team.qr')}>
              {invited.qr}
            </figure>
          ) : (
            ''
          )}
        </>
      ) : (
        ''
      )}
    </section>
  );
}

export function TeamPage(props: {
  view: View;
  team: Specialist[];
  open: Map<string, number>;
  invited: Invited | null;
}) {
  const { view, team } = props;
  return (
    <Page view={view} title={view.t('team.title')} section="team">
      <NewInvite view={view} invited={props.invited} />
      <section class="box" aria-labelledby="invite-h">
        <h2 id="invite-h">{view.t('team.invite')}</h2>
        <form method="post" action="/console/team/invite">
          <Csrf view={view} />
          <label for="invite-name">{view.t('team.name')}</label>
          <input id="invite-name" name="name" type="text" maxlength="60" autocomplete="off" />
          <fieldset>
            <legend>{view.t('team.role')}</legend>
            <label>
              <input type="radio" name="role" value="SPECIALIST" checked /> {view.t('role.SPECIALIST')}
            </label>
            <label>
              <input type="radio" name="role" value="ADMIN" /> {view.t('role.ADMIN')}
            </label>
          </fieldset>
          <button type="submit">{view.t('team.inviteButton')}</button>
        </form>
      </section>
      <section class="box" aria-labelledby="members-h">
        <h2 id="members-h">{view.t('team.members', { n: team.length })}</h2>
        <div class="scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">{view.t('team.name')}</th>
                <th scope="col">{view.t('team.role')}</th>
                <th scope="col">{view.t('team.state')}</th>
                <th scope="col">{view.t('team.open')}</th>
                <th scope="col">{view.t('col.action')}</th>
              </tr>
            </thead>
            <tbody>
              {team.map((s) => (
                <tr>
                  <td safe>{s.displayName}</td>
                  <td>{view.t(`role.${s.role}`)}</td>
                  <td>{s.active ? view.t('team.active') : view.t('team.off')}</td>
                  <td>{String(props.open.get(s.id) ?? 0)}</td>
                  <td>
                    {s.active && s.id !== view.staff?.id ? (
                      <form method="post" action={`/console/team/${s.id}/deactivate`} class="inline">
                        <Csrf view={view} />
                        <button
                          type="submit"
                          class="danger"
                          aria-label={view.t('team.deactivateWho', { name: s.displayName })}
                        >
                          {view.t('team.deactivate')}
                        </button>
                      </form>
                    ) : (
                      ''
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </Page>
  );
}
