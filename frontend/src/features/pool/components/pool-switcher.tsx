import { useId } from 'react';
import { useT } from '@/lib/i18n';
import type { Pool } from '@/lib/pools';

export interface PoolSwitcherProps {
  pools: Pool[];
  /** The chosen pool's id as the URL has it; empty: every pool the user sees. */
  value: string;
  onChange: (poolId: string) => void;
}

/** Which pool the list shows, where the user sees more than one; hidden while the store has a single pool. */
export function PoolSwitcher({ pools, value, onChange }: PoolSwitcherProps) {
  const t = useT();
  const id = useId();
  if (pools.length < 2) return null;
  return (
    <div className="pool-switcher">
      <label htmlFor={id}>{t('pool.switcher.label')}</label>
      <select id={id} value={value} onChange={(event) => onChange(event.target.value)}>
        <option value="">{t('pool.switcher.all')}</option>
        {pools.map((pool) => (
          <option key={pool.id} value={String(pool.id)}>
            {t('pool.switcher.option', { name: pool.name, count: pool.customerCount })}
          </option>
        ))}
      </select>
    </div>
  );
}
