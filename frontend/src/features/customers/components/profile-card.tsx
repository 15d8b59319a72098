import { useRef, useState, type FormEvent } from 'react';
import { FormAlert } from '@/components/form/form-alert';
import { useFormErrors } from '@/components/form/use-form-errors';
import { useFormatters, useLocale, useT } from '@/lib/i18n';
import { ApiError, isProblem } from '@/lib/problem';
import { duplicateMatchesOf } from '../api/create-customer';
import type { CustomField } from '../api/list-custom-fields';
import type { Customer } from '../api/list-customers';
import { useUpdateCustomer, type CustomerPatch } from '../api/update-customer';
import { countryName } from '@/lib/countries';
import { CustomerFieldsInputs, customerPatch, FORM_FIELDS, readCustomerForm } from './customer-fields';
import { DuplicateMatches } from './duplicate-matches';

/** The customer file, read-only until "Edit"; saves a merge patch against the version the edit started from. */
export function ProfileCard({
  customer,
  customFields,
  readOnly = false,
  reload,
}: {
  customer: Customer;
  customFields: CustomField[];
  /** Shown, not editable: a rep's view of a pool customer (its contacts masked, so not links either). */
  readOnly?: boolean;
  /** Fetches the latest version from the server. */
  reload: () => Promise<Customer | undefined>;
}) {
  const t = useT();
  const locale = useLocale();
  const format = useFormatters();
  const formRef = useRef<HTMLFormElement>(null);
  const updateMutation = useUpdateCustomer();
  // The version the edit started from: a save sends it, so a change by someone else meanwhile answers 412.
  const [base, setBase] = useState<Customer | null>(null);
  const [conflictPatch, setConflictPatch] = useState<CustomerPatch | null>(null);
  const [saved, setSaved] = useState(false);
  const stale = updateMutation.error instanceof ApiError && updateMutation.error.status === 412;
  const duplicate = isProblem(updateMutation.error, 'duplicate-customer');
  const fieldNames = [...FORM_FIELDS, ...customFields.map((field) => `customFields.${field.key}`)];
  const { fieldErrors, alert } = useFormErrors(stale || duplicate ? null : updateMutation.error, fieldNames);

  function save(from: Customer, patch: CustomerPatch, allowDuplicate = false) {
    if (Object.keys(patch).length === 0) {
      setBase(null);
      return;
    }
    setSaved(false);
    updateMutation.mutate(
      { customer: from, patch, allowDuplicate },
      {
        onSuccess: () => {
          setBase(null);
          setConflictPatch(null);
          setSaved(true);
        },
        onError: (error) => {
          if (error instanceof ApiError && error.status === 412) setConflictPatch(patch);
        },
      },
    );
  }

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!base) return;
    save(base, customerPatch(base, readCustomerForm(event.currentTarget, customFields), customFields));
  }

  async function reloadTheirs() {
    updateMutation.reset();
    setConflictPatch(null);
    setBase(null);
    await reload();
  }

  async function reapplyMine() {
    const patch = conflictPatch;
    const latest = await reload();
    if (!patch || !latest) return;
    setBase(latest);
    save(latest, patch);
  }

  if (base) {
    const pending = updateMutation.isPending;
    return (
      <section aria-labelledby="profile-title" className="card">
        <h2 id="profile-title">{t('customers.profile.title')}</h2>
        <form ref={formRef} onSubmit={handleSubmit} noValidate aria-busy={pending} className="form form-columns">
          <CustomerFieldsInputs customer={base} customFields={customFields} fieldErrors={fieldErrors} />
          <FormAlert alert={alert} />
          {stale && (
            <div role="alert" className="form-alert">
              <p>{t('customers.stale.message')}</p>
              <div className="confirm-actions">
                <button type="button" onClick={() => void reloadTheirs()}>
                  {t('customers.stale.reload')}
                </button>
                <button type="button" className="button-primary" onClick={() => void reapplyMine()}>
                  {t('customers.stale.reapply')}
                </button>
              </div>
            </div>
          )}
          {duplicate && (
            <DuplicateMatches
              matches={duplicateMatchesOf((updateMutation.error as ApiError).body)}
              pending={pending}
              anywayLabel={t('customers.duplicate.saveAnyway')}
              onCreateAnyway={() => {
                if (formRef.current) save(base, customerPatch(base, readCustomerForm(formRef.current, customFields), customFields), true);
              }}
            />
          )}
          <div className="form-actions">
            <button type="submit" disabled={pending}>
              {pending ? t('customers.profile.saving') : t('customers.profile.save')}
            </button>
            <button
              type="button"
              onClick={() => {
                updateMutation.reset();
                setBase(null);
              }}
            >
              {t('common.cancel')}
            </button>
          </div>
        </form>
      </section>
    );
  }

  const rows: [string, React.ReactNode][] = [
    [t('customers.field.companyName'), customer.companyName],
    [t('customers.field.position'), customer.position],
    [
      t('customers.field.email'),
      customer.email && (readOnly ? customer.email : <a href={`mailto:${customer.email}`}>{customer.email}</a>),
    ],
    [t('customers.field.phone'), customer.phone],
    [t('customers.field.mobile'), customer.mobile],
    [t('customers.field.fax'), customer.fax],
    [
      t('customers.field.imAccounts'),
      customer.imAccounts.length > 0 &&
        customer.imAccounts.map((account) => `${t(`im.${account.channel}`)}: ${account.handle}`).join(', '),
    ],
    [t('customers.field.website'), customer.website],
    [t('customers.field.country'), customer.country && countryName(locale, customer.country)],
    [t('customers.field.region'), customer.region],
    [t('customers.field.city'), customer.city],
    [t('customers.field.address'), customer.address],
    [t('customers.field.postcode'), customer.postcode],
    [t('customers.field.businessType'), customer.businessType],
    [t('customers.field.companySize'), customer.companySize],
    [t('customers.field.annualPurchaseAmount'), customer.annualPurchaseAmount],
    [t('customers.field.mainProducts'), customer.mainProducts],
    [t('customers.field.purchaseCategories'), customer.purchaseCategories.join(', ')],
    [t('customers.field.source'), t(`source.${customer.source}`)],
    [t('customers.field.status'), t(`status.${customer.status}`)],
    [t('customers.field.notes'), customer.notes],
    ...customFields.map((field): [string, React.ReactNode] => {
      const value = customer.customFields[field.key];
      return [field.label, Array.isArray(value) ? value.join(', ') : value === undefined || value === null ? '' : String(value)];
    }),
    [t('customers.field.lastFollowUp'), customer.lastFollowUpAt && format.dateTime(customer.lastFollowUpAt)],
    [t('customers.field.nextFollowUp'), customer.nextFollowUpAt && format.dateTime(customer.nextFollowUpAt)],
    [t('customers.field.created'), format.dateTime(customer.createdAt)],
  ];

  return (
    <section aria-labelledby="profile-title" className="card">
      <div className="page-title">
        <h2 id="profile-title">{t('customers.profile.title')}</h2>
        {!readOnly && (
          <button
            type="button"
            onClick={() => {
              updateMutation.reset();
              setSaved(false);
              setBase(customer);
            }}
          >
            {t('customers.profile.edit')}
          </button>
        )}
      </div>
      <div role="status" className="muted">
        {saved ? t('customers.profile.saved') : ''}
      </div>
      <dl className="profile">
        {rows.map(([label, value]) => (
          <div key={label} className="profile-row">
            <dt>{label}</dt>
            <dd>{value || <span className="muted">—</span>}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
