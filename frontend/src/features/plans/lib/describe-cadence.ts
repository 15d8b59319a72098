import { STAGES } from '@/lib/domain';
import type { Translate } from '@/lib/i18n';
import { isFollowUpType, WEEKDAYS, type PlanCadenceInput } from '../api/types';

/** The members of a cadence this describes: a plan and a stage template's cadence both have them. */
export type CadenceLike = Pick<PlanCadenceInput, 'cadence' | 'every' | 'unit' | 'firstAfterDays' | 'weekdays' | 'steps' | 'taskType' | 'maxCount'>;

/** A follow-up type in the reader's words; one newer than this app, as the server spells it. */
export function followUpTypeName(t: Translate, type: unknown): string {
  return isFollowUpType(type) ? t(`followUp.type.${type}`) : String(type ?? '');
}

/** A stage in the reader's words; one newer than this app, as the server spells it. */
export function stageName(t: Translate, stage: unknown): string {
  return (STAGES as readonly unknown[]).includes(stage) ? t(`stage.${stage as (typeof STAGES)[number]}`) : String(stage ?? '');
}

/** "Monday, Wednesday and Friday" / "周一、周三和周五". */
function listOf(t: Translate, words: string[]): string {
  if (words.length <= 1) return words[0] ?? '';
  const head = words.slice(0, -1).join(t('plans.describe.separator'));
  return t('plans.describe.and', { first: head, last: words[words.length - 1] ?? '' });
}

function recurring(t: Translate, cadence: CadenceLike, type: string): string {
  const first = cadence.firstAfterDays ?? 0;
  if (cadence.cadence === 'INTERVAL') {
    const params = { type, every: cadence.every ?? 0, unit: cadence.unit ?? 'DAYS' };
    return first > 0 ? t('plans.describe.intervalAfter', { ...params, first }) : t('plans.describe.interval', params);
  }
  // The weekdays in the week's order, whatever order they were chosen in.
  const chosen = WEEKDAYS.filter((day) => cadence.weekdays?.includes(day));
  const days = chosen.length > 0 ? listOf(t, chosen.map((day) => t(`plans.weekday.${day}`))) : t('plans.describe.noWeekdays');
  return first > 0 ? t('plans.describe.weekdaysAfter', { type, days, first }) : t('plans.describe.weekdays', { type, days });
}

function sequence(t: Translate, cadence: CadenceLike): string {
  const steps = cadence.steps ?? [];
  if (steps.length === 0) return t('plans.describe.noSteps');
  return steps
    .map((step) => {
      const type = followUpTypeName(t, step.type);
      return step.day > 0 ? t('plans.describe.stepAfter', { type, days: step.day }) : t('plans.describe.stepStart', { type });
    })
    .join(t('plans.describe.then'));
}

/**
 * A cadence in the reader's words: "Call after 7 days, then every 14 days", "Visit every Monday and Thursday",
 * "Call on the start day, then Email after 3 days", with the number of tasks when it is limited.
 */
export function describeCadence(cadence: CadenceLike, t: Translate): string {
  const text =
    cadence.cadence === 'SEQUENCE' ? sequence(t, cadence) : recurring(t, cadence, followUpTypeName(t, cadence.taskType));
  return cadence.maxCount != null ? t('plans.describe.maxCount', { text, count: cadence.maxCount }) : text;
}
