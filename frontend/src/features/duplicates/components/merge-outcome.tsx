import { Link } from 'react-router';
import { useNotify } from '@/components/toast';
import { customerFieldLabels } from '@/lib/field-label';
import { useFormatters, useT } from '@/lib/i18n';
import type { MergeResult } from '../api/merge-customers';
import { useUndoMerge } from '../api/undo-merge';
import { undoFailureMessage } from '../lib/undo-failure';

/**
 * What the merge did, with the way back while it is allowed (it stays, with its undo, until the next merge); once
 * undone, a toast says so and `onUndone` lets the panel go.
 */
export function MergeOutcome({ result, survivorName, onUndone }: { result: MergeResult; survivorName: string; onUndone: () => void }) {
  const t = useT();
  const format = useFormatters();
  const notify = useNotify();
  const undoMutation = useUndoMerge();

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
            if (undoMutation.isPending) return;
            undoMutation.mutate(result.mergeId, {
              onSuccess: (undone) => {
                notify({ message: t('duplicates.undo.done', { count: undone.restoredIds.length, name: survivorName }), tone: 'success' });
                onUndone();
              },
            });
          }}
        >
          {undoMutation.isPending ? t('duplicates.undo.pending') : t('duplicates.undo.button')}
        </button>
      </div>
      {failure && <p className="form-alert">{t(failure.key, failure.params)}</p>}
    </div>
  );
}
