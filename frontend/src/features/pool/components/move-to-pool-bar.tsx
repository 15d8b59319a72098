import { useId, useState, type FormEvent } from 'react';
import { useT } from '@/lib/i18n';
import { errorMessage } from '@/lib/problem';
import type { Pool } from '@/lib/pools';
import { useMoveToPool, type MoveResult } from '../api/move-to-pool';

export interface MoveToPoolBarProps {
  selectedIds: number[];
  pools: Pool[];
  onDone: (result: MoveResult, poolName: string) => void;
}

/** Managers and admins put the selected customers in another pool (shown while the store has more than one). */
export function MoveToPoolBar({ selectedIds, pools, onDone }: MoveToPoolBarProps) {
  const t = useT();
  const id = useId();
  const [poolId, setPoolId] = useState('');
  const moveMutation = useMoveToPool();
  const target = pools.find((pool) => String(pool.id) === poolId);
  if (pools.length < 2) return null;

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!target) return;
    moveMutation.mutate({ poolId: target.id, customerIds: selectedIds }, { onSuccess: (result) => onDone(result, target.name) });
  }

  const failure = moveMutation.error ? errorMessage(moveMutation.error) : null;
  return (
    <form className="batch-bar" aria-label={t('pool.move.title')} onSubmit={handleSubmit}>
      <label htmlFor={`${id}-pool`}>{t('pool.move.to')}</label>
      <select id={`${id}-pool`} value={poolId} required onChange={(event) => setPoolId(event.target.value)}>
        <option value="">{t('pool.move.choosePool')}</option>
        {pools.map((pool) => (
          <option key={pool.id} value={String(pool.id)}>
            {pool.name}
          </option>
        ))}
      </select>
      <button type="submit" disabled={!target || moveMutation.isPending}>
        {moveMutation.isPending ? t('pool.move.pending') : t('pool.move.button', { count: selectedIds.length })}
      </button>
      {failure && (
        <p role="alert" className="field-error">
          {t(failure.key, failure.params)}
        </p>
      )}
    </form>
  );
}
