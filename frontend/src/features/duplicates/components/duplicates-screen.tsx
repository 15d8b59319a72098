import { useState } from 'react';
import { LoadMore } from '@/components/load-more';
import { QueryError } from '@/components/query-error';
import { useFormatters, useT } from '@/lib/i18n';
import { useDuplicateGroups, type DuplicateGroup } from '../api/list-duplicate-groups';
import type { MergeResult } from '../api/merge-customers';
import { MergeOutcome } from './merge-outcome';
import { MergePanel } from './merge-panel';

function groupKey(group: DuplicateGroup): string {
  return `${group.kind}:${group.value}`;
}

/** Duplicates (managers and admins): customers sharing a matching key, merged into one, with an undo. */
export function DuplicatesScreen() {
  const t = useT();
  const format = useFormatters();
  const groupsQuery = useDuplicateGroups();
  // The group as it was opened: the panel stays while the list refetches (a merge removes the group from it).
  const [open, setOpen] = useState<DuplicateGroup | null>(null);
  const [merged, setMerged] = useState<{ result: MergeResult; survivorName: string } | null>(null);

  let body;
  if (groupsQuery.isPending) body = <p role="status" className="table-placeholder">{t('app.loading')}</p>;
  else if (groupsQuery.isLoadingError) body = <QueryError error={groupsQuery.error} onRetry={() => void groupsQuery.refetch()} />;
  else {
    const groups = groupsQuery.data.pages.flatMap((page) => page.items);
    body =
      groups.length === 0 ? (
        <p className="empty">{t('duplicates.empty')}</p>
      ) : (
        <ul className="settings-list" aria-label={t('duplicates.listTitle')}>
          {groups.map((group) => (
            <li key={groupKey(group)} className="settings-item">
              <span>
                <strong>{t(`duplicates.kind.${group.kind}`, { value: group.value })}</strong>
                <br />
                <span className="muted small">{group.customers.map((candidate) => candidate.name).join(', ')}</span>
              </span>
              <span className="muted">{t('duplicates.size', { count: format.number(group.size) })}</span>
              <span className="row-actions">
                <button
                  type="button"
                  aria-label={t('duplicates.review', { value: group.value })}
                  aria-pressed={open !== null && groupKey(group) === groupKey(open)}
                  onClick={() => {
                    setMerged(null);
                    setOpen(group);
                  }}
                >
                  {t('duplicates.reviewShort')}
                </button>
              </span>
            </li>
          ))}
        </ul>
      );
  }

  return (
    <div className="stack">
      <div>
        <h1>{t('duplicates.title')}</h1>
        <p className="muted">{t('duplicates.intro')}</p>
        <div role="status" className="feedback">
          {merged && <MergeOutcome key={merged.result.mergeId} result={merged.result} survivorName={merged.survivorName} />}
        </div>
      </div>
      {open && (
        <MergePanel
          key={groupKey(open)}
          group={open}
          onClose={() => setOpen(null)}
          onMerged={(result, survivorName) => {
            setOpen(null);
            setMerged({ result, survivorName });
          }}
        />
      )}
      <section aria-label={t('duplicates.listTitle')} className="card">
        {body}
        <LoadMore query={groupsQuery} />
      </section>
    </div>
  );
}
