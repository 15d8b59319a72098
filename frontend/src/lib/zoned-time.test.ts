import { describe, expect, it } from 'vitest';
import { instantToWallTime, wallTimeToInstant } from './zoned-time';

describe('zoned time', () => {
  it('reads a wall time in the store’s zone, whatever the browser’s', () => {
    expect(wallTimeToInstant('2026-12-10T09:30', 'Asia/Shanghai')).toBe('2026-12-10T01:30:00.000Z');
    expect(wallTimeToInstant('2026-12-10T09:30', 'America/New_York')).toBe('2026-12-10T14:30:00.000Z');
    expect(instantToWallTime('2026-12-10T01:30:00Z', 'Asia/Shanghai')).toBe('2026-12-10T09:30');
  });

  it('is right on both sides of a daylight-saving change', () => {
    // Berlin moves from UTC+1 to UTC+2 at 02:00 on 29 March 2026.
    expect(wallTimeToInstant('2026-03-29T01:30', 'Europe/Berlin')).toBe('2026-03-29T00:30:00.000Z');
    expect(wallTimeToInstant('2026-03-29T03:30', 'Europe/Berlin')).toBe('2026-03-29T01:30:00.000Z');
    expect(instantToWallTime('2026-03-29T01:30:00Z', 'Europe/Berlin')).toBe('2026-03-29T03:30');
  });

  it('refuses what is not a time', () => {
    expect(wallTimeToInstant('', 'Asia/Shanghai')).toBeNull();
    expect(wallTimeToInstant('tomorrow', 'Asia/Shanghai')).toBeNull();
  });
});
