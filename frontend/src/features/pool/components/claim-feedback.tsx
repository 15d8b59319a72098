import { useId } from 'react';
import { useT, type MessageKey, type Translate } from '@/lib/i18n';
import type { PoolFailure, PoolFailureReason } from '../api/claim-customers';

export type PoolOutcome =
  | { kind: 'claimed'; done: number[]; failed: PoolFailure[] }
  | { kind: 'assigned'; done: number[]; failed: PoolFailure[]; userName: string };

const CLAIM_REASON: Record<PoolFailureReason, MessageKey> = {
  ALREADY_OWNED: 'pool.claimFailure.ALREADY_OWNED',
  LIMIT_REACHED: 'pool.claimFailure.LIMIT_REACHED',
  DAILY_LIMIT: 'pool.claimFailure.DAILY_LIMIT',
  COOLDOWN: 'pool.claimFailure.COOLDOWN',
  NOT_FOUND: 'pool.claimFailure.NOT_FOUND',
};

const ASSIGN_REASON: Record<PoolFailureReason, MessageKey> = {
  ALREADY_OWNED: 'pool.assignFailure.ALREADY_OWNED',
  LIMIT_REACHED: 'pool.assignFailure.LIMIT_REACHED',
  DAILY_LIMIT: 'pool.claimFailure.DAILY_LIMIT',
  COOLDOWN: 'pool.claimFailure.COOLDOWN',
  NOT_FOUND: 'pool.claimFailure.NOT_FOUND',
};

/** What a claim or an assignment did, in a sentence (said in a toast); nothing when none went through. */
export function poolDoneText(t: Translate, outcome: PoolOutcome): string | null {
  if (outcome.done.length === 0) return null;
  return outcome.kind === 'assigned'
    ? t('pool.assign.done', { count: outcome.done.length, user: outcome.userName })
    : t('pool.claim.done', { count: outcome.done.length });
}

/**
 * For each customer a claim or an assignment left out, why, in a rep's words: shown by the list, where those
 * customers stay selected for another try.
 */
export function ClaimFailures({ outcome, names }: { outcome: PoolOutcome; names: ReadonlyMap<number, string> }) {
  const t = useT();
  const id = useId();
  if (outcome.failed.length === 0) return null;
  const assigned = outcome.kind === 'assigned';
  const reasons = assigned ? ASSIGN_REASON : CLAIM_REASON;
  const user = assigned ? outcome.userName : '';
  return (
    <div className="form-alert">
      <p id={id}>{assigned ? t('pool.assign.notDone', { count: outcome.failed.length }) : t('pool.claim.notDone', { count: outcome.failed.length })}</p>
      <ul aria-labelledby={id}>
        {outcome.failed.map((failure) => (
          <li key={failure.id}>
            <strong>{names.get(failure.id) ?? `#${failure.id}`}</strong>: {t(reasons[failure.reason], { user })}
          </li>
        ))}
      </ul>
    </div>
  );
}
