import { describe, expect, it } from 'vitest';
import { agenda, agendaItem, items } from '../components/test-api';
import { addDays, byDay, withItem, withItemMoved, withoutItem } from './agenda';

describe('agenda days and items', () => {
  it('counts store days as a calendar, across months and years', () => {
    expect(addDays('2026-12-07', 1)).toBe('2026-12-08');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });

  it('takes an item out with its count, and puts it back where it was', () => {
    const without = withoutItem(agenda(), 'plan-12');
    expect(without.items.map((item) => item.key)).not.toContain('plan-12');
    expect(without.counts.overdue).toBe(0);
    const back = withItem(without, items[0]!, 0);
    expect(back.items.map((item) => item.key)).toEqual(items.map((item) => item.key));
    expect(back.counts.overdue).toBe(1);
    // Already there: nothing changes.
    expect(withItem(back, items[0]!, 3)).toBe(back);
  });

  it('moves an item to its new day, out of the agenda when past its range', () => {
    const moved = withItemMoved(agenda(), 'plan-12', '2026-12-08');
    const item = moved.items.find((candidate) => candidate.key === 'plan-12');
    expect(item).toMatchObject({ dueOn: '2026-12-08', overdue: false });
    expect(moved.counts).toMatchObject({ overdue: 0, upcoming: 3 });
    expect(byDay(moved.items.filter((candidate) => candidate.kind !== 'POOL_RETURN' && candidate.kind !== 'REPEAT_INQUIRY' && candidate.dueOn > '2026-12-07')).map((group) => [group.day, group.items.map((i) => i.key)])).toEqual([
      ['2026-12-08', ['next-36', 'plan-12']],
      ['2026-12-09', ['plan-15']],
    ]);

    const gone = withItemMoved(agenda(), 'plan-12', '2026-12-20');
    expect(gone.items.map((candidate) => candidate.key)).not.toContain('plan-12');
    expect(gone.counts).toMatchObject({ overdue: 0, upcoming: 2 });
  });

  it('groups by day in calendar order', () => {
    const groups = byDay([agendaItem('a', { dueOn: '2026-12-09' }), agendaItem('b', { dueOn: '2026-12-08' }), agendaItem('c', { dueOn: '2026-12-09' })]);
    expect(groups.map((group) => [group.day, group.items.map((item) => item.key)])).toEqual([
      ['2026-12-08', ['b']],
      ['2026-12-09', ['a', 'c']],
    ]);
  });
});
