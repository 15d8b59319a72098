import * as Tabs from '@radix-ui/react-tabs';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { LoadMore } from '@/components/load-more';
import { QueryError } from '@/components/query-error';
import { useFormatters, useT } from '@/lib/i18n';
import { useDuplicateGroups, type DuplicateGroup } from '../api/list-duplicate-groups';
import type { MergeResult } from '../api/merge-customers';
import { MergeHistory } from './merge-history';
import { MergeOutcome } from './merge-outcome';
import { MergePanel } from './merge-panel';

function groupKey(group: DuplicateGroup): string {
  return `${group.kind}:${group.value}`;
}

type DuplicatesTab = 'groups' | 'history';

/** Duplicates (managers and admins): customers sharing a matching key, merged into one, with an undo; and the merges done. */
export function DuplicatesScreen() {
  const t = useT();
  // The open tab lives in the address (?tab=history), so it survives a reload and can be linked to.
  const [searchParams, setSearchParams] = useSearchParams();
  const tab: DuplicatesTab = searchParams.get('tab') === 'history' ? 'history' : 'groups';
  function setTab(value: DuplicatesTab) {
    setSearchParams(
      (params) => {
        const next = new URLSearchParams(params);
        if (value === 'groups') next.delete('tab');
        else next.set('tab', value);
        return next;
      },
      { replace: true },
    );
  }
  return (
    <div className="stack">
      <div>
        <h1>{t('duplicates.title')}</h1>
        <p className="muted">{t('duplicates.intro')}</p>
      </div>
      <Tabs.Root value={tab} onValueChange={(value) => setTab(value as DuplicatesTab)}>
        <Tabs.List className="tab-list" aria-label={t('duplicates.tabs.label')}>
          <Tabs.Trigger value="groups" className="tab">
            {t('duplicates.tabs.groups')}
          </Tabs.Trigger>
          <Tabs.Trigger value="history" className="tab">
            {t('duplicates.history.title')}
          </Tabs.Trigger>
        </Tabs.List>
        <Tabs.Content value="groups" className="tab-panel">
          <DuplicateGroups />
        </Tabs.Content>
        {/* Loaded when opened: the history is read only by those who look at it. */}
        <Tabs.Content value="history" className="tab-panel">
          <MergeHistory />
        </Tabs.Content>
      </Tabs.Root>
    </div>
  );
}

/** The groups of possible duplicates, the merge panel of the one opened, and what the last merge did. */
function DuplicateGroups() {
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
      <div role="status" className="feedback">
        {merged && (
          <MergeOutcome
            key={merged.result.mergeId}
            result={merged.result}
            survivorName={merged.survivorName}
            onUndone={() => setMerged(null)}
          />
        )}
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
