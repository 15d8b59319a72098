import type { PoolReturn } from '@/lib/domain';
import { useFormatters, useT, type Translate } from '@/lib/i18n';

/** Days left at which the timer turns urgent: the default warning window of the pool rules. */
export const CLOSE_DAYS = 3;

export function poolReturnText(t: Translate, poolReturn: Pick<PoolReturn, 'daysLeft' | 'rule'>): string {
  const rule = t(`poolReturn.rule.${poolReturn.rule}`);
  if (poolReturn.daysLeft <= 0) return t('poolReturn.today', { rule });
  if (poolReturn.daysLeft === 1) return t('poolReturn.oneDay', { rule });
  return t('poolReturn.days', { days: poolReturn.daysLeft, rule });
}

/**
 * "Returns to the pool in 3 days: no follow-up", with the exact moment as a tooltip,
 * highlighted when the return is close. Nothing for customers no rule will return.
 */
export function PoolReturnTimer({ poolReturn }: { poolReturn: PoolReturn | null | undefined }) {
  const t = useT();
  const format = useFormatters();
  if (!poolReturn) return null;
  const close = poolReturn.daysLeft <= CLOSE_DAYS;
  return (
    <span
      className={close ? 'pool-timer pool-timer-close' : 'pool-timer'}
      title={t('poolReturn.at', { date: format.dateTime(poolReturn.at) })}
    >
      {poolReturnText(t, poolReturn)}
    </span>
  );
}
