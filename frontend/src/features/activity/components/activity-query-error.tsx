import { useT } from '@/lib/i18n';
import { errorSentence } from '@/lib/problem';
import { filterErrorLines } from '../lib/problems';

/** A read that failed: the reason in words (each refused filter named), and a way to ask again. */
export function ActivityQueryError({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const t = useT();
  const lines = filterErrorLines(t, error);
  return (
    <div role="alert" className="form-alert">
      <p>{lines.length > 0 ? t('activity.refused') : errorSentence(t, error)}</p>
      {lines.length > 0 && (
        <ul>
          {lines.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      )}
      {/* Refused filters are fixed in the filters, not by asking again. */}
      {lines.length === 0 && (
        <button type="button" onClick={onRetry}>
          {t('app.retry')}
        </button>
      )}
    </div>
  );
}
