import { describe, expect, it } from 'vitest';
import { addDays, storeToday } from './days';

describe('store days', () => {
  it('is today in the store’s time zone, not the browser’s', () => {
    // 23:30 UTC on Dec 6 is already Dec 7 in Shanghai, still Dec 6 in New York.
    const instant = Date.UTC(2026, 11, 6, 23, 30);
    expect(storeToday('Asia/Shanghai', instant)).toBe('2026-12-07');
    expect(storeToday('America/New_York', instant)).toBe('2026-12-06');
  });

  it('moves by whole days across months, years and clock changes', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2026-03-28', 2)).toBe('2026-03-30');
  });
});
