import { jsonResponse, mockFetch } from '@/testing/fetch-mock';
import type { ActivityEntry } from '../api/list-activity';
import type { Tag } from '../api/list-tags';
import type { ActivityRepSummary, ActivitySummary } from '../api/summarize-activity';

export const PROBLEMS = 'https://harbor-crm.dev/problems';
/** 2026-03-10 12:00 in Shanghai, the store's zone: "today" is Tuesday 10 March 2026. */
export const NOW = new Date('2026-03-10T04:00:00Z');
export const TIME_ZONE = 'Asia/Shanghai';

export function entry(id: number, overrides: Partial<ActivityEntry> = {}): ActivityEntry {
  return {
    source: 'FOLLOW_UP',
    id,
    at: '2026-03-10T02:42:00Z',
    type: 'CALL',
    actorId: 2,
    actorName: 'Lin Wei',
    customerId: 5,
    customerName: 'Acme Trading',
    content: `Follow-up ${id}`,
    data: null,
    ...overrides,
  };
}

export function rep(userId: number, overrides: Partial<ActivityRepSummary> = {}): ActivityRepSummary {
  return {
    userId,
    name: `Person ${userId}`,
    team: null,
    counts: {},
    followUps: 0,
    customersTouched: 0,
    activeDays: 0,
    overdueTasks: 0,
    lastActivityAt: null,
    ...overrides,
  };
}

export const linWei = rep(2, {
  name: 'Lin Wei',
  team: 'Export East',
  counts: { CALL: 5, EMAIL: 4, MEETING: 3, STAGE_CHANGED: 2 },
  followUps: 12,
  customersTouched: 7,
  activeDays: 4,
  overdueTasks: 0,
  lastActivityAt: '2026-03-10T02:42:00Z',
});
export const zhaoLei = rep(3, {
  name: 'Zhao Lei',
  team: 'Export West',
  counts: { EMAIL: 1 },
  followUps: 1,
  customersTouched: 1,
  activeDays: 1,
  overdueTasks: 3,
  lastActivityAt: '2026-03-04T09:00:00Z',
});
export const amyChen = rep(4, { name: 'Amy Chen', team: 'Export East' });

export const tags: Tag[] = [
  { id: 7, name: 'VIP', color: '#d32f2f', customerCount: 3, version: 0 },
  { id: 8, name: 'Trade fair', color: '#1976d2', customerCount: 1, version: 0 },
];

export interface ActivityApiOptions {
  entries?: ActivityEntry[];
  /** Page size of the fake feed: with fewer entries than this, one page. */
  pageSize?: number;
  reps?: ActivityRepSummary[];
  /** Answers a request first when it returns a response (a problem, say). */
  override?: (request: Request, url: URL) => Response | undefined;
}

/** A fake activity API: the feed paged by `pageSize` (the cursor is the next index), the summary, the tags. */
export function activityApi(options: ActivityApiOptions = {}) {
  const entries = options.entries ?? [];
  const pageSize = options.pageSize ?? 50;
  const reps = options.reps ?? [linWei, zhaoLei, amyChen];
  return mockFetch((request) => {
    const url = new URL(request.url);
    const overridden = options.override?.(request, url);
    if (overridden) return overridden;
    if (url.pathname === '/api/v1/activity') {
      const start = Number(url.searchParams.get('cursor') ?? 0);
      const items = entries.slice(start, start + pageSize);
      return jsonResponse({ items, nextCursor: start + pageSize < entries.length ? String(start + pageSize) : null });
    }
    if (url.pathname === '/api/v1/activity/summary') {
      const summary: ActivitySummary = {
        from: url.searchParams.get('from') ?? '2026-03-04',
        to: url.searchParams.get('to') ?? '2026-03-10',
        reps,
        days: [],
      };
      return jsonResponse(summary);
    }
    if (url.pathname === '/api/v1/tags') return jsonResponse({ items: tags });
    return jsonResponse({ items: [], nextCursor: null });
  });
}

/** The query of the last request to `path` (the feed by default). */
export function lastQuery(requests: Request[], path = '/api/v1/activity'): URLSearchParams {
  const matching = requests.filter((request) => new URL(request.url).pathname === path);
  return new URL(matching.at(-1)?.url ?? 'http://localhost/').searchParams;
}
