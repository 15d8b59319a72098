import { Link } from 'react-router';
import { useT, type MessageKey } from '@/lib/i18n';
import type { PoolFailure, PoolFailureReason } from '../api/claim-customers';

export type PoolOutcome =
  | { kind: 'claimed'; done: number[]; failed: PoolFailure[] }
  | { kind: 'assigned'; done: number[]; failed: PoolFailure[]; userName: string }
  | { kind: 'taken'; name: string };

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

/** What a claim or an assignment did, and for each customer left out why, in a rep's words. */
export function ClaimFeedback({ outcome, names }: { outcome: PoolOutcome; names: ReadonlyMap<number, string> }) {
  const t = useT();
  if (outcome.kind === 'taken') {
    return <p className="form-alert">{t('pool.claim.taken', { name: outcome.name })}</p>;
  }
  const assigned = outcome.kind === 'assigned';
  const reasons = assigned ? ASSIGN_REASON : CLAIM_REASON;
  const user = assigned ? outcome.userName : '';
  return (
    <div className={outcome.failed.length > 0 ? 'form-alert' : 'form-success'}>
      {outcome.done.length > 0 && (
        <p>
          {assigned
            ? t('pool.assign.done', { count: outcome.done.length, user })
            : t('pool.claim.done', { count: outcome.done.length })}{' '}
          {!assigned && <Link to="/customers">{t('pool.claim.toMine')}</Link>}
        </p>
      )}
      {outcome.failed.length > 0 && (
        <>
          <p>{assigned ? t('pool.assign.notDone', { count: outcome.failed.length }) : t('pool.claim.notDone', { count: outcome.failed.length })}</p>
          <ul>
            {outcome.failed.map((failure) => (
              <li key={failure.id}>
                <strong>{names.get(failure.id) ?? `#${failure.id}`}</strong>: {t(reasons[failure.reason], { user })}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
