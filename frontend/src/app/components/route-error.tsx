import { useEffect } from 'react';
import { Link, useRouteError } from 'react-router';
import { useT } from '@/lib/i18n';

/** A screen's code that is no longer on the server (the app was updated since this tab loaded it). */
const STALE_CODE =
  /dynamically imported module|Importing a module script failed|error loading dynamically imported module|does not provide an export named/i;

/**
 * What a screen that failed to load or to draw shows, in words, instead of the router's developer page: after an
 * update, a reload brings the new version; otherwise the way back to the start page. The error goes to the console.
 */
export function RouteError() {
  const t = useT();
  const error = useRouteError();
  useEffect(() => console.error(error), [error]);
  const stale = error instanceof Error && STALE_CODE.test(error.message);
  return (
    <section className="card route-error" role="alert" aria-labelledby="route-error-title">
      <h1 id="route-error-title">{t(stale ? 'app.error.updatedTitle' : 'app.error.title')}</h1>
      <p>{t(stale ? 'app.error.updated' : 'app.error.body')}</p>
      <div className="form-actions">
        <button type="button" className="button-primary" onClick={() => window.location.reload()}>
          {t('app.error.reload')}
        </button>
        <Link to="/agenda">{t('app.goHome')}</Link>
      </div>
    </section>
  );
}
