import { PoolReturnTimer } from '@/components/pool-return-timer';
import { useT } from '@/lib/i18n';
import { errorMessage, isProblem } from '@/lib/problem';
import { useClaimCustomer } from '../api/claim-customer';
import type { Customer } from '../api/list-customers';
import { ReleaseForm } from './release-form';

/** Who has the customer and for how long: claim it from the pool, or see the timer and give it back. */
export function PoolOwnership({ customer, hint }: { customer: Customer; hint?: string }) {
  const t = useT();
  const claimMutation = useClaimCustomer();

  if (customer.ownerId !== null && customer.ownerId !== undefined) {
    return (
      <section className="card ownership" aria-label={t('customers.ownership')}>
        <p>{customer.poolReturn ? <PoolReturnTimer poolReturn={customer.poolReturn} poolId={customer.poolId} /> : t('poolReturn.none')}</p>
        <ReleaseForm key={customer.version} customer={customer} />
      </section>
    );
  }

  const refused = claimMutation.data?.failed[0];
  let problem: string | null = null;
  if (refused) problem = t(`pool.claimFailure.${refused.reason}`);
  else if (isProblem(claimMutation.error, 'already-claimed')) problem = t('pool.claim.taken', { name: customer.name });
  else if (claimMutation.error) {
    const { key, params } = errorMessage(claimMutation.error);
    problem = t(key, params);
  }
  return (
    <section className="card ownership" aria-label={t('customers.ownership')}>
      <p>{t('customers.inPool')}</p>
      {hint && <p className="muted">{hint}</p>}
      <button
        type="button"
        className="button-primary"
        aria-disabled={claimMutation.isPending || undefined}
        onClick={() => {
          if (!claimMutation.isPending) claimMutation.mutate(customer.id);
        }}
      >
        {claimMutation.isPending ? t('pool.claim.pending') : t('pool.claim.button')}
      </button>
      {problem && (
        <p role="alert" className="form-alert">
          {t('customers.claimRefused', { reason: problem })}
        </p>
      )}
    </section>
  );
}
