import { useEffect, useId, useRef, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { QueryError } from '@/components/query-error';
import { useNotify } from '@/components/toast';
import { useT } from '@/lib/i18n';
import { customerPlansQueryKey } from '../api/keys';
import { useCustomerPlans } from '../api/list-plans';
import { storeToday } from '../lib/days';
import { PlanForm } from './plan-form';
import { PlanItem } from './plan-item';

export interface CustomerPlansProps {
  customerId: number;
  /** The person may not change this customer (a rep's view of a pool customer): the plans without any action. */
  readOnly: boolean;
  /** The store's time zone: plan days are its calendar days. */
  timeZone: string;
  /**
   * Changes when the customer did (a follow-up recorded, a stage changed, claimed or released elsewhere on the page):
   * the plans are read again, as those complete steps, start or end template plans, and pause or resume plans.
   */
  refreshKey?: string | number;
}

/**
 * A customer's follow-up plans on the customer page, active first: the current task with Done and snooze, the next
 * ones, ended plans with why they ended, and a form to plan new follow-ups (from scratch or from a stage template).
 */
export function CustomerPlans({ customerId, readOnly, timeZone, refreshKey }: CustomerPlansProps) {
  const t = useT();
  const titleId = useId();
  const queryClient = useQueryClient();
  const plansQuery = useCustomerPlans(customerId);
  const [creating, setCreating] = useState(false);
  const notify = useNotify();
  const newButtonRef = useRef<HTMLButtonElement>(null);
  const today = storeToday(timeZone);

  const seenKey = useRef(refreshKey);
  useEffect(() => {
    if (seenKey.current === refreshKey) return;
    seenKey.current = refreshKey;
    void queryClient.invalidateQueries({ queryKey: customerPlansQueryKey(customerId) });
  }, [customerId, queryClient, refreshKey]);

  let list;
  if (plansQuery.isPending) list = <p role="status">{t('app.loading')}</p>;
  else if (plansQuery.isError) list = <QueryError error={plansQuery.error} onRetry={() => void plansQuery.refetch()} />;
  else if (plansQuery.data.items.length === 0) list = <p className="muted">{t('plans.empty')}</p>;
  else {
    // Active (and paused) first, as the server sends them; kept so whatever the order it sends.
    const plans = [...plansQuery.data.items].sort((a, b) => Number(a.status === 'ENDED') - Number(b.status === 'ENDED'));
    list = (
      <ul className="plan-list" aria-labelledby={titleId}>
        {plans.map((plan) => (
          <PlanItem key={plan.id} plan={plan} today={today} readOnly={readOnly} />
        ))}
      </ul>
    );
  }

  return (
    <section aria-labelledby={titleId} className="card customer-plans">
      <div className="plan-title-row">
        <h2 id={titleId}>{t('plans.title')}</h2>
        {!readOnly && !creating && (
          <button
            type="button"
            ref={newButtonRef}
            onClick={() => setCreating(true)}
          >
            {t('plans.new')}
          </button>
        )}
      </div>
      <p className="muted small plan-intro">{t('plans.intro')}</p>
      {creating && (
        <PlanForm
          customerId={customerId}
          today={today}
          onDone={() => {
            setCreating(false);
            notify({ message: t('plans.createdMessage'), tone: 'success' });
          }}
          onCancel={() => {
            setCreating(false);
            requestAnimationFrame(() => newButtonRef.current?.focus());
          }}
        />
      )}
      {list}
    </section>
  );
}
