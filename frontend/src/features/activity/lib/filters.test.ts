import { describe, expect, it } from 'vitest';
import { activeFilterCount, filtersFromSearch, sortFromSearch } from './filters';
import { addDays, quickPeriod, storeDay, storeToday } from './period';

describe('activity filters from the URL', () => {
  it('defaults to the store’s last 7 days and reads repeatable filters', () => {
    const search = new URLSearchParams('userId=2&userId=3&userId=x&type=CALL&type=CALL&type=ORDER_PAID&tagId=7&q=%20报价%20&team=East');
    expect(filtersFromSearch(search, '2026-03-10', false)).toEqual({
      from: '2026-03-04',
      to: '2026-03-10',
      userId: [2, 3],
      team: 'East',
      type: ['CALL', 'ORDER_PAID'],
      stage: [],
      tagId: [7],
      q: '报价',
    });
    expect(activeFilterCount(search, false)).toBe(5);
  });

  it('keeps a rep to their own activity and ignores days that are not days', () => {
    const search = new URLSearchParams('userId=3&team=East&from=2026-02-30x&to=2026-03-08');
    const filters = filtersFromSearch(search, '2026-03-10', true);
    expect(filters.userId).toEqual([]);
    expect(filters.team).toBeUndefined();
    expect([filters.from, filters.to]).toEqual(['2026-03-02', '2026-03-08']);
    expect(activeFilterCount(search, true)).toBe(0);
  });

  it('reads the summary’s order, most overdue by default', () => {
    expect(sortFromSearch(new URLSearchParams('sort=idle'))).toBe('idle');
    expect(sortFromSearch(new URLSearchParams('sort=nonsense'))).toBe('overdue');
  });
});

describe('store days', () => {
  it('counts days on the store’s calendar', () => {
    // 20:30 in London on 9 March is already 10 March in Shanghai.
    const now = new Date('2026-03-09T20:30:00Z');
    expect(storeToday('Asia/Shanghai', now)).toBe('2026-03-10');
    expect(storeToday('Europe/London', now)).toBe('2026-03-09');
    expect(storeDay('2026-03-09T16:30:00Z', 'Asia/Shanghai')).toBe('2026-03-10');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(quickPeriod('last30', '2026-03-10')).toEqual({ from: '2026-02-09', to: '2026-03-10' });
    expect(quickPeriod('today', '2026-03-10')).toEqual({ from: '2026-03-10', to: '2026-03-10' });
  });
});
