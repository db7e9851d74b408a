// The frame of every console page: language, navigation, sign-out, and the CSRF token that htmx
// sends as a header with every request it makes (forms carry it as a hidden field).
import type { Children } from '@kitajs/html';
import type { View } from '../view.js';

export type Section = 'queue' | 'team' | 'directory' | 'reports' | null;

/**
 * htmx must not inject a <style> (the CSP allows none) nor evaluate attribute code. A refused form
 * (400, 403, 409) is swapped in like a page, so its reasons show next to the fields.
 */
const HTMX_CONFIG = JSON.stringify({
  includeIndicatorStyles: false,
  allowEval: false,
  allowScriptTags: false,
  historyCacheSize: 0,
  responseHandling: [
    { code: '204', swap: false },
    { code: '[23]..', swap: true },
    { code: '40[039]', swap: true, error: false },
    { code: '[45]..', swap: false, error: true },
  ],
});

function Nav({ view, section }: { view: View; section: Section }) {
  const staff = view.staff;
  if (!staff) return '';
  const link = (to: Exclude<Section, null>, label: string) => (
    <li>
      <a href={`/console/${to}`} aria-current={section === to ? 'page' : undefined}>
        {label}
      </a>
    </li>
  );
  return (
    <nav aria-label={view.t('nav.label')}>
      <ul>
        {link('queue', view.t('nav.queue'))}
        {staff.role === 'ADMIN' ? link('team', view.t('nav.team')) : ''}
        {staff.role === 'ADMIN' ? link('directory', view.t('nav.directory')) : ''}
        {link('reports', view.t('nav.reports'))}
      </ul>
    </nav>
  );
}

function Account({ view }: { view: View }) {
  const other = view.locale === 'uk' ? 'ru' : 'uk';
  return (
    <div class="account">
      <a href={`?lang=${other}`} lang={other} hreflang={other}>
        {view.t(`lang.${other}`)}
      </a>
      {view.staff ? (
        <>
          <span class="who" safe>
            {view.staff.displayName}
          </span>
          <form method="post" action="/console/logout" class="inline">
            <input type="hidden" name="_csrf" value={view.csrf} />
            <button type="submit" class="link">
              {view.t('nav.signOut')}
            </button>
          </form>
        </>
      ) : (
        ''
      )}
    </div>
  );
}

export function Page(props: { view: View; title: string; section?: Section; children?: Children }) {
  const { view } = props;
  return (
    '<!doctype html>' +
    (
      <html lang={view.locale}>
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <meta name="htmx-config" content={HTMX_CONFIG} />
          <title>{`${props.title} · ${view.t('product')}`}</title>
          <link rel="stylesheet" href="/console/assets/console.css" />
          <script src="/console/assets/htmx.min.js" defer></script>
        </head>
        <body hx-headers={JSON.stringify({ 'x-csrf-token': view.csrf })}>
          <a class="skip" href="#main">
            {view.t('skip')}
          </a>
          <header class="top">
            <span class="brand">{view.t('product')}</span>
            <Nav view={view} section={props.section ?? null} />
            <Account view={view} />
          </header>
          <main id="main">
            <h1>{props.title}</h1>
            {props.children}
          </main>
        </body>
      </html>
    )
  );
}

/** A hidden CSRF field for a form. */
export const Csrf = ({ view }: { view: View }) => <input type="hidden" name="_csrf" value={view.csrf} />;

/** A short message page: link expired, not found, not allowed. */
export function Notice(props: { view: View; title: string; text: string; back?: boolean }) {
  return (
    <Page view={props.view} title={props.title}>
      <p>{props.text}</p>
      {props.back && props.view.staff ? (
        <p>
          <a href="/console/queue">{props.view.t('backToQueue')}</a>
        </p>
      ) : (
        ''
      )}
    </Page>
  );
}
