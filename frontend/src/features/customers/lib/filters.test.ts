import { describe, expect, it } from 'vitest';
import { dayToInstant, searchToFilter } from './filters';

describe('customer filters as a batch selection', () => {
  it('reads a day in the store’s time zone, across a change to summer time too', () => {
    expect(dayToInstant('2026-01-01', false, 'Asia/Shanghai')).toBe('2025-12-31T16:00:00.000Z');
    expect(dayToInstant('2026-01-31', true, 'Asia/Shanghai')).toBe('2026-01-31T16:00:00.000Z');
    // New York moves its clocks forward on 8 March 2026: the day starts at UTC-5 and ends at UTC-4.
    expect(dayToInstant('2026-03-08', false, 'America/New_York')).toBe('2026-03-08T05:00:00.000Z');
    expect(dayToInstant('2026-03-08', true, 'America/New_York')).toBe('2026-03-09T04:00:00.000Z');
    // A time zone the browser does not know: the browser's own, not an error.
    expect(dayToInstant('2026-01-01', false, 'Nowhere/Atlantis')).toBe(new Date(2026, 0, 1).toISOString());
  });

  it('keeps the list’s criteria, typed as the filter wants them, and leaves out order and total', () => {
    const search = new URLSearchParams(
      'q=acme&stage=INQUIRY&stage=SAMPLE_ORDER&stars=3&tagAll=7&hasEmail=true&scoreMin=50&lastFollowUpTo=2026-02-01&cf.incoterm=FOB&sort=-score&includeTotal=true',
    );
    expect(searchToFilter(search, 'UTC')).toEqual({
      q: 'acme',
      stage: ['INQUIRY', 'SAMPLE_ORDER'],
      stars: [3],
      tagAll: [7],
      hasEmail: true,
      scoreMin: 50,
      lastFollowUpTo: '2026-02-02T00:00:00.000Z',
      cf: { incoterm: 'FOB' },
    });
  });
});
