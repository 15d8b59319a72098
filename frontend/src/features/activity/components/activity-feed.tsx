import type { InfiniteData, UseInfiniteQueryResult } from '@tanstack/react-query';
import { LoadMore } from '@/components/load-more';
import { useT } from '@/lib/i18n';
import type { ActivityEntry, ActivityPage } from '../api/list-activity';
import type { ActivityFormat } from '../lib/format';
import { addDays, storeDay } from '../lib/period';
import { ActivityQueryError } from './activity-query-error';
import { FeedEntry } from './feed-entry';

interface DayGroup {
  day: string;
  entries: ActivityEntry[];
}

/** Entries (newest first) under the store day they happened on. */
export function groupByDay(entries: ActivityEntry[], timeZone: string | undefined): DayGroup[] {
  const groups: DayGroup[] = [];
  for (const entry of entries) {
    const day = storeDay(entry.at, timeZone);
    const last = groups.at(-1);
    if (last?.day === day) last.entries.push(entry);
    else groups.push({ day, entries: [entry] });
  }
  return groups;
}

/** The feed, newest first, by day, with "Load more" while the server has older entries. */
export function ActivityFeed({
  query,
  filtered,
  today,
  timeZone,
  tagsById,
  format,
}: {
  query: UseInfiniteQueryResult<InfiniteData<ActivityPage>>;
  filtered: boolean;
  today: string;
  timeZone: string | undefined;
  tagsById: Map<number, string>;
  format: ActivityFormat;
}) {
  const t = useT();
  const titleId = 'activity-feed-title';
  const entries = query.data?.pages.flatMap((page) => page.items) ?? [];
  const busy = query.isFetching && !query.isFetchingNextPage && !query.isPending;

  function dayHeading(day: string): string {
    const date = format.longDay(day);
    if (day === today) return t('activity.feed.today', { date });
    if (day === addDays(today, -1)) return t('activity.feed.yesterday', { date });
    return date;
  }

  let body;
  if (query.isPending) {
    body = <p role="status">{t('app.loading')}</p>;
  } else if (query.isLoadingError || (query.isRefetchError && entries.length === 0)) {
    body = <ActivityQueryError error={query.error} onRetry={() => void query.refetch()} />;
  } else if (entries.length === 0) {
    body = <p className="empty">{filtered ? t('activity.feed.emptyFiltered') : t('activity.feed.empty')}</p>;
  } else {
    body = groupByDay(entries, timeZone).map((group) => (
      <div key={group.day} className="activity-day">
        <h3 id={`activity-day-${group.day}`}>{dayHeading(group.day)}</h3>
        <ol className="activity-list" aria-labelledby={`activity-day-${group.day}`}>
          {group.entries.map((entry) => (
            <FeedEntry key={`${entry.source}-${entry.id}`} entry={entry} tagsById={tagsById} format={format} />
          ))}
        </ol>
      </div>
    ));
  }

  return (
    <section aria-labelledby={titleId} className="card activity-feed">
      <h2 id={titleId}>{t('activity.feed.title')}</h2>
      <span role="status" className="list-status">
        {busy ? t('customers.updating') : ''}
      </span>
      {body}
      <LoadMore query={query} />
    </section>
  );
}
