import { describe, expect, it } from 'vitest';
import { presetPeriod } from './period';

describe('statistics periods', () => {
  const today = new Date(2026, 2, 15, 23, 30);

  it('counts back 30 days, today included', () => {
    expect(presetPeriod('last30Days', today)).toEqual({ from: '2026-02-14', to: '2026-03-15' });
  });

  it('starts this month on its first day', () => {
    expect(presetPeriod('thisMonth', today)).toEqual({ from: '2026-03-01', to: '2026-03-15' });
  });

  it('covers 12 whole months up to today, across the year', () => {
    expect(presetPeriod('last12Months', today)).toEqual({ from: '2025-04-01', to: '2026-03-15' });
    expect(presetPeriod('last12Months', new Date(2026, 0, 31))).toEqual({ from: '2025-02-01', to: '2026-01-31' });
  });
});
