import { Link } from 'react-router';
import { customerFieldLabels } from '@/lib/field-label';
import { useFormatters, useT } from '@/lib/i18n';
import type { MergeResult } from '../api/merge-customers';
import { useUndoMerge } from '../api/undo-merge';
import { undoFailureMessage } from '../lib/undo-failure';

/** What the merge did, with the way back while it is allowed. */
export function MergeOutcome({ result, survivorName }: { result: MergeResult; survivorName: string }) {
  const t = useT();
  const format = useFormatters();
  const undoMutation = useUndoMerge();

  if (undoMutation.isSuccess) {
    return <p>{t('duplicates.undo.done', { count: undoMutation.data.restoredIds.length, name: survivorName })}</p>;
  }

  const failure = undoFailureMessage(undoMutation.error);
  return (
    <div className="stack">
      <p>
        {t('duplicates.merged', { count: result.mergedIds.length, name: survivorName })}{' '}
        {result.filledFields.length > 0 && t('duplicates.filled', { fields: customerFieldLabels(t, result.filledFields) })}
      </p>
      <p>
        <Link to={`/customers/${result.survivor.id}`}>{t('duplicates.openCustomer', { name: survivorName })}</Link>
        {' · '}
        <span className="muted">{t('duplicates.undoUntil', { date: format.dateTime(result.undoUntil) })}</span>
      </p>
      <div>
        <button
          type="button"
          aria-disabled={undoMutation.isPending || undefined}
          onClick={() => {
            if (!undoMutation.isPending) undoMutation.mutate(result.mergeId);
          }}
        >
          {undoMutation.isPending ? t('duplicates.undo.pending') : t('duplicates.undo.button')}
        </button>
      </div>
      {failure && <p className="form-alert">{t(failure.key, failure.params)}</p>}
    </div>
  );
}
