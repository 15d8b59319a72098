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
