import { useId, useState, type ReactNode } from 'react';
import * as Tabs from '@radix-ui/react-tabs';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { Confirm } from '@/components/confirm';
import { useFormatters, useT, type MessageKey } from '@/lib/i18n';
import { useNavSection } from '@/lib/nav-section';
import { useTeam } from '@/lib/team';
import { ApiError, errorMessage } from '@/lib/problem';
import { useDeleteCustomer } from '../api/delete-customer';
import { useCustomer } from '../api/get-customer';
import { useCustomFields } from '../api/list-custom-fields';
import { STAGES, STARS, type Customer, type CustomerStage } from '../api/list-customers';
import { useTags } from '../api/list-tags';
import { useUpdateCustomer } from '../api/update-customer';
import { ContactStrip } from './contact-strip';
import { FollowUpForm } from './follow-up-form';
import { Inquiries } from './inquiries';
import { LostStatus } from './lost-status';
import { ProfileCard } from './profile-card';
import { PoolOwnership } from './pool-ownership';
import { TagsEditor } from './tags-editor';
import { Timeline } from './timeline';
import type { Role } from './customers-screen';

function scoreBand(score: number): MessageKey {
  if (score >= 60) return 'customers.score.high';
  if (score >= 30) return 'customers.score.medium';
  return 'customers.score.low';
}

function QuickControls({ customer, readOnly }: { customer: Customer; readOnly: boolean }) {
  const t = useT();
  const id = useId();
  const updateMutation = useUpdateCustomer();
  const [message, setMessage] = useState<string | null>(null);
  // While a change is saving, show the value being saved; otherwise the customer's own.
  const saving: Record<string, unknown> = updateMutation.isPending ? updateMutation.variables.patch : {};
  const stage = (saving.stage as CustomerStage | undefined) ?? customer.stage;
  const stars = (saving.stars as number | undefined) ?? customer.stars;

  function change(patch: Record<string, unknown>) {
    if (updateMutation.isPending) return;
    setMessage(null);
    updateMutation.mutate(
      { customer, patch },
      {
        onError: (error) => {
          if (error instanceof ApiError && error.status === 412) setMessage(t('customers.stale.quick'));
          else {
            const { key, params } = errorMessage(error);
            setMessage(t(key, params));
          }
        },
      },
    );
  }

  if (readOnly) {
    return (
      <dl className="quick-controls">
        <div className="field">
          <dt className="muted">{t('customers.field.stage')}</dt>
          <dd>{t(`stage.${customer.stage}`)}</dd>
        </div>
        <div className="field">
          <dt className="muted">{t('customers.field.stars')}</dt>
          <dd>{t(`stars.${customer.stars as 0 | 1 | 2 | 3}`)}</dd>
        </div>
      </dl>
    );
  }

  return (
    <div className="quick-controls">
      <div className="field">
        <label htmlFor={`${id}-stage`}>{t('customers.field.stage')}</label>
        <select id={`${id}-stage`} value={stage} onChange={(event) => change({ stage: event.target.value })}>
          {STAGES.map((option) => (
            <option key={option} value={option}>
              {t(`stage.${option}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-stars`}>{t('customers.field.stars')}</label>
        <select id={`${id}-stars`} value={String(stars)} onChange={(event) => change({ stars: Number(event.target.value) })}>
          {STARS.map((option) => (
            <option key={option} value={String(option)}>
              {t(`stars.${option}`)}
            </option>
          ))}
        </select>
      </div>
      {message && (
        <p role="alert" className="field-error">
          {message}
        </p>
      )}
    </div>
  );
}

/** The customer page's tabs: what a rep does most (follow-ups and their history) first. */
const CUSTOMER_TABS = ['activity', 'file', 'orders', 'inquiries'] as const;
type CustomerTab = (typeof CUSTOMER_TABS)[number];
const TAB_LABELS: Record<CustomerTab, MessageKey> = {
  activity: 'customers.tabs.activity',
  file: 'customers.tabs.file',
  orders: 'customers.tabs.orders',
  inquiries: 'customers.tabs.inquiries',
};

export interface CustomerDetailScreenProps {
  customerId: number;
  role: Role;
  /** The signed-in user's id: a rep may change their own follow-ups only. */
  meId?: number;
  /**
   * The customer's quotations and orders, drawn by the app from the orders feature (features do not import each
   * other); `readOnly` when the person may not change this customer (a rep's view of a pool customer).
   */
  ordersSection?: (customer: Customer, readOnly: boolean) => ReactNode;
  /**
   * E-mail and SMS with the customer (compose box, consent, messages), drawn by the app from the messaging feature
   * beside the follow-ups; `readOnly` as for the orders.
   */
  messagingSection?: (customer: Customer, readOnly: boolean) => ReactNode;
  /**
   * The customer's follow-up plans (current tasks, Done and snooze, new plans), drawn by the app from the plans
   * feature right after the follow-ups; `readOnly` as for the orders.
   */
  plansSection?: (customer: Customer, readOnly: boolean) => ReactNode;
}

export function CustomerDetailScreen({ customerId, role, meId, ordersSection, messagingSection, plansSection }: CustomerDetailScreenProps) {
  const t = useT();
  const format = useFormatters();
  const navigate = useNavigate();
  const customerQuery = useCustomer(customerId);
  // Names of owners: the team list is a manager's to read (a rep's customers are their own or the pool's).
  const team = useTeam(role !== 'REP').data;
  const tags = useTags().data?.items ?? [];
  const customFields = useCustomFields().data?.items ?? [];
  const deleteMutation = useDeleteCustomer();
  const [confirmingDelete, setConfirmingDelete] = useState(false);
  const inPool = customerQuery.data != null && customerQuery.data.ownerId == null;
  useNavSection(inPool ? 'pool' : null);
  // The open tab lives in the address (?tab=orders), so it survives a reload and can be linked to.
  const [searchParams, setSearchParams] = useSearchParams();
  const tabs = CUSTOMER_TABS.filter((value) => value !== 'orders' || ordersSection != null);
  const requested = searchParams.get('tab') as CustomerTab | null;
  const tab: CustomerTab = requested != null && tabs.includes(requested) ? requested : 'activity';
  function setTab(value: CustomerTab) {
    setSearchParams(
      (params) => {
        const next = new URLSearchParams(params);
        if (value === 'activity') next.delete('tab');
        else next.set('tab', value);
        return next;
      },
      { replace: true },
    );
  }

  if (customerQuery.isPending) return <p role="status">{t('app.loading')}</p>;
  if (customerQuery.isError) {
    const { key, params } = errorMessage(customerQuery.error);
    return (
      <div role="alert" className="form-alert">
        <p>{t(key, params)}</p>
        <Link to="/customers">{t(role === 'REP' ? 'customers.backToList' : 'customers.backToAll')}</Link>
      </div>
    );
  }

  const customer = customerQuery.data;
  // A rep works on their own customers only: a pool customer is read (masked) until they claim it.
  const readOnly = role === 'REP' && (customer.ownerId === null || customer.ownerId === undefined);
  const deleteFailure = deleteMutation.error ? errorMessage(deleteMutation.error) : null;
  // Whose customer this is, first thing under the name: a manager reads the owner's name, a rep "yours".
  const ownerId = customer.ownerId ?? null;
  const ownerName = ownerId === null ? null : team?.find((member) => member.id === ownerId)?.name;
  const ownerSentence =
    ownerId === null
      ? t('customers.header.inPool')
      : ownerId === meId
        ? t('customers.header.yours')
        : t('customers.header.owner', { name: ownerName ?? t('customers.ownerUnknown', { id: ownerId }) });
  return (
    <div className="stack">
      <div className="page-title">
        <div>
          {inPool ? (
            <Link to="/pool">{t('customers.backToPool')}</Link>
          ) : (
            <Link to="/customers">{t(role === 'REP' ? 'customers.backToList' : 'customers.backToAll')}</Link>
          )}
          <h1>{customer.name}</h1>
          {customer.companyName && <p className="muted">{customer.companyName}</p>}
          <p className="customer-owner">
            {ownerSentence}
          </p>
          <ContactStrip customer={customer} masked={readOnly} />
        </div>
        {role !== 'REP' &&
          (confirmingDelete ? (
            <Confirm
              title={t('customers.delete.confirm', { name: customer.name })}
              description={t('customers.delete.confirmText')}
              confirmLabel={t('customers.delete.button')}
              cancelLabel={t('common.cancel')}
              danger
              pending={deleteMutation.isPending}
              onConfirm={() =>
                deleteMutation.mutate(customer.id, {
                  onSuccess: () => void navigate('/customers', { replace: true }),
                  onSettled: () => setConfirmingDelete(false),
                })
              }
              onCancel={() => setConfirmingDelete(false)}
            />
          ) : (
            <button type="button" className="danger" onClick={() => setConfirmingDelete(true)}>
              {t('customers.delete.button')}
            </button>
          ))}
      </div>
      {deleteFailure && (
        <p role="alert" className="form-alert">
          {t(deleteFailure.key, deleteFailure.params)}
        </p>
      )}
      <section className="card summary" aria-label={t('customers.summary')}>
        <QuickControls customer={customer} readOnly={readOnly} />
        <div className="score" aria-labelledby="score-label">
          <span id="score-label" className="muted">
            {t('customers.score.label')}
          </span>
          <strong className="score-value">{t('customers.score.value', { score: format.number(customer.potentialScore) })}</strong>
          <span>{t(scoreBand(customer.potentialScore))}</span>
          <details>
            <summary>{t('customers.score.how')}</summary>
            <p className="small">{t('customers.score.explain')}</p>
          </details>
        </div>
        <TagsEditor customer={customer} tags={tags} readOnly={readOnly} />
      </section>
      <PoolOwnership customer={customer} hint={readOnly ? t('customers.claimToWork') : undefined} />
      {/* A rep sees only their own customers and the pool's; a pool customer is claimed before it is marked lost. */}
      <LostStatus customer={customer} canChange={!readOnly} />
      <Tabs.Root
        className="customer-tabs"
        value={tab}
        onValueChange={(value) => setTab(value as CustomerTab)}
      >
        <Tabs.List className="tab-list" aria-label={t('customers.tabs.label')}>
          {tabs.map((value) => (
            <Tabs.Trigger key={value} value={value} className="tab">
              {t(TAB_LABELS[value])}
            </Tabs.Trigger>
          ))}
        </Tabs.List>
        <Tabs.Content value="activity" className="stack tab-panel">
          {!readOnly && <FollowUpForm customerId={customer.id} />}
          {plansSection?.(customer, readOnly)}
          {messagingSection?.(customer, readOnly)}
          <Timeline
            customerId={customer.id}
            tags={tags}
            // Its author, or a manager/admin; nobody on a customer they may not work on.
            canChangeFollowUp={
              readOnly ? undefined : (authorId) => role !== 'REP' || (meId !== undefined && authorId === meId)
            }
          />
        </Tabs.Content>
        <Tabs.Content value="file" className="tab-panel">
          <ProfileCard
            key={customer.id}
            customer={customer}
            customFields={customFields}
            readOnly={readOnly}
            reload={async () => (await customerQuery.refetch()).data}
          />
        </Tabs.Content>
        {ordersSection && (
          <Tabs.Content value="orders" className="tab-panel">
            {ordersSection(customer, readOnly)}
          </Tabs.Content>
        )}
        <Tabs.Content value="inquiries" className="tab-panel">
          <Inquiries customerId={customer.id} />
        </Tabs.Content>
      </Tabs.Root>
    </div>
  );
}
