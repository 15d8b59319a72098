import type { $ZodRawIssue } from 'zod/v4/core';
import type { Message, MessageKey, MessageParams, Translate } from './i18n';
import { fieldMessageWords } from './problem';

/**
 * Messages a form keeps for a field, as react-hook-form stores them (one string): the keys and values to put into
 * words, not the words, so that they follow a change of language and zod's English is never shown.
 */
export function encodeFieldMessages(messages: readonly Message[]): string {
  return JSON.stringify(messages);
}

function isMessage(value: unknown): value is Message {
  return typeof value === 'object' && value !== null && typeof (value as Message).key === 'string';
}

/** The messages {@link encodeFieldMessages} made, or null for any other text. */
export function decodeFieldMessages(text: string): Message[] | null {
  if (!text.startsWith('[{"key":')) return null;
  try {
    const value: unknown = JSON.parse(text);
    return Array.isArray(value) && value.every(isMessage) ? value : null;
  } catch {
    return null;
  }
}

/** A field's error as react-hook-form keeps it, in the reader's words; text that is not encoded is shown as is. */
export function fieldMessageText(t: Translate, text: string): string {
  const messages = decodeFieldMessages(text);
  return messages ? messages.map((message) => fieldMessageWords(t, message)).join(' ') : text;
}

/**
 * What a check made with `z.refine(fn, { params: fieldMessageParams('fieldError.NOT_FUTURE') })` says: the same
 * message keys as the server's field errors.
 */
export function fieldMessageParams(key: MessageKey, values?: MessageParams): { key: MessageKey; values?: MessageParams } {
  return values ? { key, values } : { key };
}

function limit(value: unknown): number | undefined {
  if (typeof value === 'bigint') return Number(value);
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/** The limits the schema that raised an issue declares: its minLength/maxLength, or gte/lte, checks. */
function boundsOf(issue: $ZodRawIssue): { minimum?: number; maximum?: number } {
  type CheckDef = { check?: string; minimum?: unknown; maximum?: unknown; value?: unknown; inclusive?: boolean };
  const owner = issue.schema as { _zod?: { def?: { checks?: { _zod?: { def?: CheckDef } }[] } } } | undefined;
  const bounds: { minimum?: number; maximum?: number } = {};
  for (const check of owner?._zod?.def?.checks ?? []) {
    const def = check._zod?.def ?? {};
    if (def.check === 'min_length') bounds.minimum = limit(def.minimum);
    if (def.check === 'max_length') bounds.maximum = limit(def.maximum);
    // Inclusive ones only: "from 1 to 5" cannot say "more than 0".
    if (def.check === 'greater_than' && def.inclusive) bounds.minimum = limit(def.value);
    if (def.check === 'less_than' && def.inclusive) bounds.maximum = limit(def.value);
  }
  return bounds;
}

function isEmpty(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

const STRING_ORIGINS = new Set(['string']);
const NUMBER_ORIGINS = new Set(['number', 'int', 'bigint']);
const LIST_ORIGINS = new Set(['array', 'set']);

/** A length or range from both limits when the schema declares both, as the server words it ("Use 8 to 72 characters."). */
function bounded(prefix: 'fieldError.LENGTH' | 'fieldError.RANGE', min: number | undefined, max: number | undefined): Message {
  if (min !== undefined && max !== undefined) return { key: `${prefix}.between`, params: { min, max } };
  if (max !== undefined) return { key: `${prefix}.max`, params: { max } };
  if (min !== undefined) return { key: `${prefix}.min`, params: { min } };
  return { key: 'fieldError.INVALID' };
}

/**
 * A zod issue as the message key the server's field error with the same meaning has (see fieldErrorMessage in
 * problem.ts): required, too long, out of range, not an e-mail, not one of the choices...
 */
export function zodIssueMessage(issue: $ZodRawIssue): Message {
  switch (issue.code) {
    case 'custom': {
      const params = issue.params as { key?: unknown; values?: MessageParams } | undefined;
      if (typeof params?.key === 'string') {
        return params.values ? { key: params.key as MessageKey, params: params.values } : { key: params.key as MessageKey };
      }
      return { key: 'fieldError.INVALID' };
    }
    case 'invalid_type':
      if (isEmpty(issue.input)) return { key: 'fieldError.REQUIRED' };
      return NUMBER_ORIGINS.has(issue.expected) ? { key: 'fieldError.FORMAT' } : { key: 'fieldError.INVALID' };
    case 'too_small': {
      const minimum = limit(issue.minimum) ?? 0;
      if (STRING_ORIGINS.has(issue.origin)) {
        // At least one character (of trimmed text): something must be entered.
        if (minimum <= 1) return { key: 'fieldError.REQUIRED' };
        return bounded('fieldError.LENGTH', minimum, boundsOf(issue).maximum);
      }
      if (NUMBER_ORIGINS.has(issue.origin)) return bounded('fieldError.RANGE', minimum, boundsOf(issue).maximum);
      if (LIST_ORIGINS.has(issue.origin) && minimum <= 1) return { key: 'fieldError.REQUIRED' };
      return { key: 'fieldError.INVALID' };
    }
    case 'too_big': {
      const maximum = limit(issue.maximum);
      if (STRING_ORIGINS.has(issue.origin)) {
        const { minimum } = boundsOf(issue);
        return bounded('fieldError.LENGTH', minimum !== undefined && minimum > 1 ? minimum : undefined, maximum);
      }
      if (NUMBER_ORIGINS.has(issue.origin)) return bounded('fieldError.RANGE', boundsOf(issue).minimum, maximum);
      return { key: 'fieldError.INVALID' };
    }
    case 'invalid_format':
      return issue.format === 'email' ? { key: 'fieldError.EMAIL' } : { key: 'fieldError.FORMAT' };
    case 'invalid_value':
      return { key: 'fieldError.ONE_OF' };
    case 'unrecognized_keys':
      return { key: 'fieldError.UNKNOWN' };
    default:
      return { key: 'fieldError.INVALID' };
  }
}

/** The error map a form's zod schema is parsed with: every issue becomes an encoded message, never zod's words. */
export function zodErrorMap(issue: $ZodRawIssue): string {
  return encodeFieldMessages([zodIssueMessage(issue)]);
}
