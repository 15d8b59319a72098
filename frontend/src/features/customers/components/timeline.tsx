import { customerEventSentence } from '@/lib/customer-event-text';
import { useFormatters, useT } from '@/lib/i18n';
import { usePools } from '@/lib/pools';
import { errorMessage } from '@/lib/problem';
import { useAllLostReasons } from '../api/list-lost-reasons';
import type { Tag } from '../api/list-tags';
import { useTimeline } from '../api/get-timeline';
import { FollowUpEntry } from './follow-up-entry';

export function Timeline({
  customerId,
  tags,
  canChangeFollowUp,
}: {
  customerId: number;
  tags: Tag[];
  /** Whether the signed-in user may edit and delete a follow-up by this author; absent: nobody may here. */
  canChangeFollowUp?: (authorId: number | null | undefined) => boolean;
}) {
  const t = useT();
  const format = useFormatters();
  const timelineQuery = useTimeline(customerId);
  const tagsById = new Map(tags.map((tag) => [tag.id, tag.name]));
  const reasonsById = new Map((useAllLostReasons().data ?? []).map((reason) => [reason.id, reason.name]));
  // A release into another pool names it (for readers who see that pool).
  const poolsById = new Map((usePools().data?.items ?? []).map((pool) => [pool.id, pool.name]));

  let body;
  if (timelineQuery.isPending) body = <p role="status">{t('app.loading')}</p>;
  else if (timelineQuery.isLoadingError) {
    const { key, params } = errorMessage(timelineQuery.error);
    body = (
      <div role="alert" className="form-alert">
        <p>{t(key, params)}</p>
        <button type="button" onClick={() => void timelineQuery.refetch()}>
          {t('app.retry')}
        </button>
      </div>
    );
  } else {
    const entries = timelineQuery.data.pages.flatMap((page) => page.items);
    body =
      entries.length === 0 ? (
        <p className="muted">{t('timeline.empty')}</p>
      ) : (
        <ol className="timeline" aria-label={t('timeline.title')}>
          {entries.map((entry) => (
            <li key={`${entry.kind}-${entry.id}`} className={entry.kind === 'FOLLOW_UP' ? 'timeline-follow-up' : 'timeline-event'}>
              <div className="timeline-meta">
                <time dateTime={entry.at}>{format.dateTime(entry.at)}</time>
                {entry.actorName && (
                  <span>
                    {' · '}
                    {entry.actorName}
                    {/* A machine's doing, named by its key: said so, not taken for a colleague's. */}
                    {entry.actorKind === 'API_KEY' && <span className="badge api-key-badge">{t('timeline.apiKey')}</span>}
                  </span>
                )}
              </div>
              {entry.kind === 'FOLLOW_UP' ? (
                <FollowUpEntry
                  customerId={customerId}
                  entry={entry}
                  canChange={canChangeFollowUp?.(entry.actorId) ?? false}
                />
              ) : (
                <p className="timeline-content">{customerEventSentence(t, entry, tagsById, reasonsById, poolsById)}</p>
              )}
            </li>
          ))}
        </ol>
      );
  }

  const loadingMore = timelineQuery.isFetchingNextPage;
  return (
    <section aria-labelledby="timeline-title" className="card">
      <h2 id="timeline-title">{t('timeline.title')}</h2>
      {body}
      {timelineQuery.hasNextPage && (
        <button
          type="button"
          className="load-more"
          aria-disabled={loadingMore || undefined}
          onClick={() => {
            if (!loadingMore) void timelineQuery.fetchNextPage();
          }}
        >
          {loadingMore ? t('customers.loadingMore') : t('customers.loadMore')}
        </button>
      )}
    </section>
  );
}
