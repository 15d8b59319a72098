/**
 * Wall-clock times of an IANA time zone (the store's) and the instants they stand for, without a date library:
 * the zone's offset at an instant comes from Intl, and a wall time is found by correcting a first guess once more
 * (right on both sides of a daylight-saving change).
 */

/** One formatter per zone, kept: making one costs far more than using it (a list asks once per row). */
const wallClockFormats = new Map<string, Intl.DateTimeFormat>();
function wallClockFormat(timeZone: string): Intl.DateTimeFormat {
  let format = wallClockFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    wallClockFormats.set(timeZone, format);
  }
  return format;
}

/** How far the wall clock of a time zone is ahead of UTC at an instant, in milliseconds. */
export function zoneOffset(instant: number, timeZone: string): number {
  const parts = wallClockFormat(timeZone).formatToParts(new Date(instant));
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const wallClock = Date.UTC(part('year'), part('month') - 1, part('day'), part('hour'), part('minute'), part('second'));
  return wallClock - Math.floor(instant / 1000) * 1000;
}

const WALL_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

/** A datetime-local value ("2026-12-10T09:30") read in the time zone, as an ISO instant; null when not a time. */
export function wallTimeToInstant(value: string, timeZone: string): string | null {
  const m = WALL_TIME.exec(value);
  if (!m) return null;
  const [year, month, day, hour, minute] = m.slice(1).map(Number) as [number, number, number, number, number];
  const asUtc = Date.UTC(year, month - 1, day, hour, minute);
  if (Number.isNaN(asUtc)) return null;
  try {
    const first = asUtc - zoneOffset(asUtc, timeZone);
    return new Date(asUtc - zoneOffset(first, timeZone)).toISOString();
  } catch {
    return null; // a zone this browser does not know
  }
}

/** An ISO instant as the datetime-local value of its wall time in the time zone. */
export function instantToWallTime(iso: string, timeZone: string): string {
  const instant = new Date(iso).getTime();
  const wall = new Date(instant + zoneOffset(instant, timeZone));
  return wall.toISOString().slice(0, 16);
}

/** Today in the store's time zone, as the API writes days ("2026-12-07"); the browser's when the zone is unknown to it. */
export function storeToday(timeZone: string, now: number = Date.now()): string {
  try {
    return instantToWallTime(new Date(now).toISOString(), timeZone).slice(0, 10);
  } catch {
    const local = new Date(now);
    return `${local.getFullYear()}-${String(local.getMonth() + 1).padStart(2, '0')}-${String(local.getDate()).padStart(2, '0')}`;
  }
}
