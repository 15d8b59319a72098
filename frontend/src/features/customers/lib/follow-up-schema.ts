import * as z from 'zod/mini';
import { fieldMessageParams } from '@/lib/form-messages';
import { requiredText } from '@/lib/form-schemas';
import { FOLLOW_UP_TYPES } from '../api/create-follow-up';

/** A reminder day means 9:00 that day, in the rep's time zone. */
export function dayToReminder(day: string): string {
  const [year = 0, month = 1, date = 1] = day.split('-').map(Number);
  return new Date(year, month - 1, date, 9).toISOString();
}

/** As the server allows a clock a little ahead (FollowUpService.CLOCK_SKEW). */
const CLOCK_SKEW_MS = 60_000;

/**
 * The server's rules for recording or changing a follow-up (CreateFollowUpRequest, UpdateFollowUpRequest,
 * FollowUpService.checkTimes), in the same words. `occurredAtRequired`: a recorded follow-up always happened at some
 * time, so a change may not empty it (the server refuses null); a new one without it happened now.
 */
export function followUpSchema({ occurredAtRequired }: { occurredAtRequired: boolean }) {
  const notFuture = z.refine<string>((value) => value === '' || new Date(value).getTime() <= Date.now() + CLOCK_SKEW_MS, {
    params: fieldMessageParams('fieldError.NOT_FUTURE'),
  });
  return z
    .object({
      type: z.enum(FOLLOW_UP_TYPES),
      content: requiredText(10_000),
      occurredAt: occurredAtRequired ? z.string().check(z.minLength(1), notFuture) : z.string().check(notFuture),
      nextFollowUpAt: z.string(),
    })
    .check(
      // The next follow-up comes after this one, when both are given (an empty "when" is now, on the server's clock).
      z.refine(
        ({ occurredAt, nextFollowUpAt }) =>
          occurredAt === '' || nextFollowUpAt === '' || new Date(dayToReminder(nextFollowUpAt)) > new Date(occurredAt),
        {
          path: ['nextFollowUpAt'],
          params: fieldMessageParams('fieldError.AFTER_FIELD', { other: 'occurredAt' }),
          // Also when another field is wrong: one submit names every mistake.
          when: () => true,
        },
      ),
    );
}
