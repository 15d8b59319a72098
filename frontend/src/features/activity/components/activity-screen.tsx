import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import type { Role } from '@/lib/domain';
import { useT } from '@/lib/i18n';
import { useActivityFeed } from '../api/list-activity';
import { useTags } from '../api/list-tags';
import { useActivityPeople, useActivitySummary } from '../api/summarize-activity';
import { activeFilterCount, filtersFromSearch, sortFromSearch, withValues, type SummarySort } from '../lib/filters';
import { useActivityFormat } from '../lib/format';
import { storeToday } from '../lib/period';
import { filterErrorsOf } from '../lib/problems';
import { ActivityFeed } from './activity-feed';
import { ActivityFiltersPanel, type Update } from './activity-filters';
import { ActivitySummarySection } from './activity-summary';

/**
 * Team activity (a rep's: My activity): per person figures for the period with a chart, then everything that
 * happened, newest first. The filters live in the URL, so a manager can share the view as a link.
 */
export function ActivityScreen({ role, timeZone }: { role: Role; timeZone?: string }) {
  const t = useT();
  const isRep = role === 'REP';
  const [search, setSearch] = useSearchParams();
  const searchKey = search.toString();
  const today = storeToday(timeZone);
  const filters = useMemo(() => filtersFromSearch(new URLSearchParams(searchKey), today, isRep), [searchKey, today, isRep]);
  const sort = sortFromSearch(search);
  const format = useActivityFormat(timeZone);

  const summaryQuery = useActivitySummary(
    useMemo(
      () => ({ from: filters.from, to: filters.to, userId: filters.userId, team: filters.team }),
      [filters.from, filters.to, filters.userId, filters.team],
    ),
  );
  const feedQuery = useActivityFeed(filters);
  const people = useActivityPeople(!isRep).data ?? [];
  const tags = useTags().data?.items ?? [];
  const tagsById = useMemo(() => new Map(tags.map((tag) => [tag.id, tag.name])), [tags]);

  // The API's words for a refused period or filter, next to the fields (the feed's, else the summary's).
  const errors = { ...filterErrorsOf(t, summaryQuery.error), ...filterErrorsOf(t, feedQuery.error) };

  const update = useCallback<Update>(
    (changes) =>
      setSearch((previous) =>
        Object.entries(changes).reduce((next, [key, values]) => withValues(next, key, values), previous),
      ),
    [setSearch],
  );
  const onSearch = useCallback(
    (q: string) => setSearch((previous) => withValues(previous, 'q', q ? [q] : []), { replace: true }),
    [setSearch],
  );
  const filtered = ['userId', 'team', 'type', 'stage', 'tagId', 'q'].some((key) => search.has(key));

  return (
    <div className="stack activity">
      <div>
        <h1>{t(isRep ? 'activity.titleMine' : 'activity.title')}</h1>
        <p className="muted">{t(isRep ? 'activity.introMine' : 'activity.intro')}</p>
      </div>
      <ActivityFiltersPanel
        filters={filters}
        isRep={isRep}
        today={today}
        people={people}
        tags={tags}
        activeCount={activeFilterCount(search, isRep)}
        errors={errors}
        onUpdate={update}
        onSearch={onSearch}
        onReset={() => setSearch(search.has('sort') ? { sort: search.get('sort') ?? '' } : {})}
      />
      <ActivitySummarySection
        query={summaryQuery}
        isRep={isRep}
        sort={sort}
        onSort={(next: SummarySort) => update({ sort: next === 'overdue' ? [] : [next] })}
        format={format}
      />
      <ActivityFeed
        query={feedQuery}
        filtered={filtered}
        today={today}
        timeZone={timeZone}
        tagsById={tagsById}
        format={format}
      />
    </div>
  );
}
