import type { PoolReturn } from '@/lib/domain';
import { useFormatters, useT, type Translate } from '@/lib/i18n';
import { usePoolWarnDays } from '@/lib/pool-rules';

export function poolReturnText(t: Translate, poolReturn: Pick<PoolReturn, 'daysLeft' | 'rule'>): string {
  const rule = t(`poolReturn.rule.${poolReturn.rule}`);
  if (poolReturn.daysLeft <= 0) return t('poolReturn.today', { rule });
  if (poolReturn.daysLeft === 1) return t('poolReturn.oneDay', { rule });
  return t('poolReturn.days', { days: poolReturn.daysLeft, rule });
}

/**
 * "Returns to the pool in 3 days: no follow-up", with the exact moment as a tooltip,
 * highlighted within the store's warning window. Nothing for customers no rule will return.
 */
export function PoolReturnTimer({ poolReturn }: { poolReturn: PoolReturn | null | undefined }) {
  const t = useT();
  const format = useFormatters();
  // Urgent within the store's warning window, when the owner is also reminded; due ones always.
  const warnDays = usePoolWarnDays();
  if (!poolReturn) return null;
  const close = poolReturn.daysLeft <= warnDays;
  return (
    <span
      className={close ? 'pool-timer pool-timer-close' : 'pool-timer'}
      title={t('poolReturn.at', { date: format.dateTime(poolReturn.at) })}
    >
      {poolReturnText(t, poolReturn)}
    </span>
  );
}
