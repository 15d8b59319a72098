import type { PoolReturn } from '@/lib/domain';
import { useFormatters, useT, type Translate } from '@/lib/i18n';
import { usePoolWarnDays } from '@/lib/pool-rules';

export function poolReturnText(t: Translate, poolReturn: Pick<PoolReturn, 'daysLeft' | 'rule'>): string {
  const rule = t(`poolReturn.rule.${poolReturn.rule}`);
  if (poolReturn.daysLeft <= 0) return t('poolReturn.today', { rule });
  if (poolReturn.daysLeft === 1) return t('poolReturn.oneDay', { rule });
  return t('poolReturn.days', { days: poolReturn.daysLeft, rule });
}

/** "3 days", "1 day", "today": the compact timer's visible words. */
function daysLeftText(t: Translate, daysLeft: number): string {
  if (daysLeft <= 0) return t('poolReturn.short.today');
  if (daysLeft === 1) return t('poolReturn.short.oneDay');
  return t('poolReturn.short.days', { days: daysLeft });
}

/**
 * "Returns to the pool in 3 days: no follow-up", with the exact moment as a tooltip, highlighted within the pool's
 * warning window. Nothing for customers no rule will return. `compact` (a list's column) shows only the days left
 * as a badge; the whole sentence stays in its tooltip and for screen readers.
 */
export function PoolReturnTimer({
  poolReturn,
  poolId,
  compact = false,
}: {
  poolReturn: PoolReturn | null | undefined;
  /** The customer's pool, whose warning window applies (the default pool's when absent). */
  poolId?: number;
  compact?: boolean;
}) {
  const t = useT();
  const format = useFormatters();
  // Urgent within the pool's warning window, when the owner is also reminded; due ones always.
  const warnDays = usePoolWarnDays(poolId);
  if (!poolReturn) return null;
  const close = poolReturn.daysLeft <= warnDays;
  const sentence = poolReturnText(t, poolReturn);
  const at = t('poolReturn.at', { date: format.dateTime(poolReturn.at) });
  if (compact) {
    return (
      <span className={close ? 'pool-timer pool-timer-badge pool-timer-close' : 'pool-timer pool-timer-badge'} title={`${sentence}. ${at}`}>
        <span aria-hidden="true">{daysLeftText(t, poolReturn.daysLeft)}</span>
        <span className="visually-hidden">{sentence}</span>
      </span>
    );
  }
  return (
    <span className={close ? 'pool-timer pool-timer-close' : 'pool-timer'} title={at}>
      {sentence}
    </span>
  );
}
