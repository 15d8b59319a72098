import * as z from 'zod/mini';
import { fieldMessageParams } from './form-messages';
import type { MessageKey } from './i18n';

/*
 * Zod building blocks for forms, with the server's rules (see openapi.yaml): zod/mini, so that only the checks a
 * form uses reach its bundle. Their messages come from the form's error map (form-messages.ts), never zod's own.
 */

/** Text, trimmed, of at most `max` characters; may be empty. */
export function optionalText(max: number) {
  return z.string().check(z.trim(), z.maxLength(max));
}

/** Text, trimmed, not empty, of at most `max` characters. */
export function requiredText(max: number) {
  return z.string().check(z.trim(), z.minLength(1), z.maxLength(max));
}

/** Digits only: a whole number of 0 or more, as typed. */
export const WHOLE_NUMBER = /^\d+$/;

/**
 * A whole number from 0 to `max` typed as text (so that an emptied field stays empty instead of becoming 0): `key`
 * says what to type when it is not one, the range when it is too large; with `optional`, empty passes.
 */
export function wholeNumberText(max: number, key: MessageKey, { optional = false } = {}) {
  return z.string().check(
    z.trim(),
    z.refine((value) => (optional && value === '') || WHOLE_NUMBER.test(value), { params: fieldMessageParams(key) }),
    z.refine((value) => !WHOLE_NUMBER.test(value) || Number(value) <= max, {
      params: fieldMessageParams('fieldError.RANGE.between', { min: 0, max }),
    }),
  );
}

/** A check that empty text passes and other text must match `pattern` in full, else says `key`. */
export function matching(pattern: RegExp, key: MessageKey = 'fieldError.FORMAT') {
  return z.refine<string>((value) => value === '' || pattern.test(value), { params: fieldMessageParams(key) });
}

/** An address with something on both sides of one @ (as the server's @Email takes it). */
export const EMAIL_PATTERN = /^[^@\s]+@[^@\s]+$/;
/** A customer's e-mail, as the customer API checks it: a dot in the domain too. */
export const CUSTOMER_EMAIL_PATTERN = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;
/** A telephone, mobile or fax number as the customer API takes it. */
export const PHONE_PATTERN = /^\+?[0-9 ()./-]{1,40}$/;
