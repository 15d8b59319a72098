import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { Confirm } from '@/components/confirm';
import { LoadMore } from '@/components/load-more';
import { QueryError } from '@/components/query-error';
import { useNotify } from '@/components/toast';
import { useFormatters, useT } from '@/lib/i18n';
import { mergesQueryKey, useMerges, type MergeRecord } from '../api/list-merges';
import { useUndoMerge } from '../api/undo-merge';
import { undoFailureMessage } from '../lib/undo-failure';

/** Where a merge stands: undone (by whom, when), still undoable (until when), or past undoing (and why). */
function MergeState({ record }: { record: MergeRecord }) {
  const t = useT();
  const format = useFormatters();
  if (record.undoneAt) {
    const date = format.dateTime(record.undoneAt);
    return <>{record.undoneByName ? t('duplicates.history.undoneBy', { name: record.undoneByName, date }) : t('duplicates.history.undone', { date })}</>;
  }
  if (record.undoable) return <>{t('duplicates.history.undoableUntil', { date: format.dateTime(record.undoUntil) })}</>;
  return <>{record.survivorExists ? t('duplicates.history.expired') : t('duplicates.history.survivorDeleted')}</>;
}

function MergeEntry({ record }: { record: MergeRecord }) {
  const t = useT();
  const notify = useNotify();
  const format = useFormatters();
  const queryClient = useQueryClient();
  const undoMutation = useUndoMerge();
  const [confirming, setConfirming] = useState(false);
  const failure = undoFailureMessage(undoMutation.error);
  const name = record.survivor.name;

  function undo() {
    undoMutation.mutate(record.id, {
      onSuccess: (result) => {
        setConfirming(false);
        notify({ message: t('duplicates.history.restored', { count: result.restoredIds.length }), tone: 'success' });
      },
      onError: () => {
        setConfirming(false);
        // Refused (undone meanwhile, too old, the kept customer deleted): show the merge as it stands now.
        void queryClient.invalidateQueries({ queryKey: mergesQueryKey });
      },
    });
  }

  return (
    <li className="settings-item merge-record">
      <div className="merge-record-main">
        <p>
          {record.survivorExists ? (
            <Link to={`/customers/${record.survivor.id}`}>
              <strong>{name}</strong>
            </Link>
          ) : (
            <>
              <strong>{name}</strong> <span className="muted small">{t('duplicates.history.deleted')}</span>
            </>
          )}
          {record.survivor.companyName && <span className="muted small"> · {record.survivor.companyName}</span>}
        </p>
        <p className="small">
          {t('duplicates.history.mergedIn', {
            count: record.duplicates.length,
            names: record.duplicates.map((duplicate) => duplicate.name).join(t('duplicates.history.separator')),
          })}
        </p>
        <p className="muted small">
          {t('duplicates.history.mergedBy', { name: record.mergedByName, date: format.dateTime(record.mergedAt) })}
        </p>
      </div>
      <div className="merge-record-state">
        <p>
          <MergeState record={record} />
        </p>
        {record.undoable && !confirming && (
          <button
            type="button"
            aria-label={t('duplicates.history.undoLabel', { name })}
            aria-disabled={undoMutation.isPending || undefined}
            onClick={() => {
              if (!undoMutation.isPending) setConfirming(true);
            }}
          >
            {undoMutation.isPending ? t('duplicates.undo.pending') : t('duplicates.history.undo')}
          </button>
        )}
        {confirming && (
          <Confirm
            title={t('duplicates.history.confirm', { name })}
            description={t('duplicates.history.confirmText', { count: record.duplicates.length, name })}
            confirmLabel={t('duplicates.undo.button')}
            cancelLabel={t('duplicates.history.keep')}
            pending={undoMutation.isPending}
            onConfirm={undo}
            onCancel={() => setConfirming(false)}
          />
        )}
        {failure && (
          <p role="alert" className="form-alert">
            {t(failure.key, failure.params)}
          </p>
        )}
      </div>
    </li>
  );
}

/** Every merge of the store, newest first: who was merged into whom, by whom and when, and the way back while open. */
export function MergeHistory() {
  const t = useT();
  const mergesQuery = useMerges();

  let body;
  if (mergesQuery.isPending) body = <p role="status">{t('app.loading')}</p>;
  else if (mergesQuery.isLoadingError) body = <QueryError error={mergesQuery.error} onRetry={() => void mergesQuery.refetch()} />;
  else {
    const records = mergesQuery.data.pages.flatMap((page) => page.items);
    body =
      records.length === 0 ? (
        <p className="empty">{t('duplicates.history.empty')}</p>
      ) : (
        <ul className="settings-list" aria-label={t('duplicates.history.title')}>
          {records.map((record) => (
            <MergeEntry key={record.id} record={record} />
          ))}
        </ul>
      );
  }

  return (
    <section aria-labelledby="merge-history-title" className="card">
      <h2 id="merge-history-title">{t('duplicates.history.title')}</h2>
      <p className="muted">{t('duplicates.history.intro')}</p>
      {body}
      <LoadMore query={mergesQuery} />
    </section>
  );
}
