import { ApiError } from '@/lib/problem';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The placeholders the server allows, from its UNKNOWN field error for `field` (an unknown `{{placeholder}}` in the
 * subject or body): its member `allowed`. null when the field has no such error; [] when the server named none.
 */
export function unknownPlaceholderAllowed(error: unknown, field: string): string[] | null {
  if (!(error instanceof ApiError)) return null;
  if (!error.problem.errors.some((item) => item.field === field && item.code === 'UNKNOWN')) return null;
  const raw = isRecord(error.body) && Array.isArray(error.body.errors) ? error.body.errors : [];
  for (const item of raw) {
    if (isRecord(item) && item.field === field && item.code === 'UNKNOWN' && Array.isArray(item.allowed)) {
      return item.allowed.filter((value): value is string => typeof value === 'string');
    }
  }
  return [];
}

/** A placeholder as it is written in a text: `{{name}}`. */
export function placeholder(key: string): string {
  return `{{${key}}}`;
}

/**
 * What a provider or mail server said, made fit to show inside a sentence: its first line, without a trailing
 * period, and never longer than `max` characters (a stack trace or an HTML error page is not for a sales rep).
 */
export function shortReason(reason: string | null | undefined, max = 160): string | null {
  if (!reason) return null;
  const firstLine = reason
    .split(/\r?\n/)
    .map((line) => line.trim())
    .find((line) => line !== '');
  if (!firstLine) return null;
  const clean = firstLine.replace(/[.。]+$/, '');
  return clean.length > max ? `${clean.slice(0, max - 1).trimEnd()}…` : clean;
}

/** The first non-blank line of a text, for a one-line summary. */
export function firstLine(text: string | null | undefined): string | null {
  if (!text) return null;
  return text.split(/\r?\n/).map((line) => line.trim()).find((line) => line !== '') ?? null;
}
