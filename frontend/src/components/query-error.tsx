import { Link } from 'react-router';
import { useT } from '@/lib/i18n';
import { errorMessage } from '@/lib/problem';

/** A read that failed: the reason in words, and a way to ask again. */
export function QueryError({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const t = useT();
  const { key, params } = errorMessage(error);
  return (
    <div role="alert" className="form-alert">
      <p>{t(key, params)}</p>
      <button type="button" onClick={onRetry}>
        {t('app.retry')}
      </button>
    </div>
  );
}

/** A page whose subject could not be read (gone, another store's, offline): its title, the reason, the way back. */
export function PageLoadError({ title, error, backTo, backLabel }: { title: string; error: unknown; backTo: string; backLabel: string }) {
  const t = useT();
  const { key, params } = errorMessage(error);
  return (
    <div className="stack">
      <h1>{title}</h1>
      <div role="alert" className="form-alert">
        <p>{t(key, params)}</p>
        <Link to={backTo}>{backLabel}</Link>
      </div>
    </div>
  );
}
