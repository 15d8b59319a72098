import { useEffect, useMemo, useState } from 'react';
import { FormAlert } from '@/components/form/form-alert';
import { applyServerErrors, useZodForm } from '@/components/form/use-zod-form';
import { useNotify } from '@/components/toast';
import { useFormatters, useLocale, useT } from '@/lib/i18n';
import { ApiError, isProblem } from '@/lib/problem';
import { duplicateMatchesOf } from '../api/create-customer';
import type { CustomField } from '../api/list-custom-fields';
import type { Customer } from '../api/list-customers';
import { useUpdateCustomer, type CustomerPatch } from '../api/update-customer';
import { countryName } from '@/lib/countries';
import {
  CustomerFieldsInputs,
  customerFieldPath,
  customerFormSchema,
  customerFormValues,
  customerPatch,
  toCustomerFields,
} from './customer-fields';
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
  const updateMutation = useUpdateCustomer();
  // The version the edit started from: a save sends it, so a change by someone else meanwhile answers 412.
  const [base, setBase] = useState<Customer | null>(null);
  const [conflictPatch, setConflictPatch] = useState<CustomerPatch | null>(null);
  const notify = useNotify();
  const stale = updateMutation.error instanceof ApiError && updateMutation.error.status === 412;
  const duplicate = isProblem(updateMutation.error, 'duplicate-customer');

  function save(from: Customer, patch: CustomerPatch, allowDuplicate = false) {
    if (Object.keys(patch).length === 0) {
      setBase(null);
      return;
    }
    updateMutation.mutate(
      { customer: from, patch, allowDuplicate },
      {
        onSuccess: () => {
          setBase(null);
          setConflictPatch(null);
          notify({ message: t('customers.profile.saved'), tone: 'success' });
        },
        onError: (error) => {
          if (error instanceof ApiError && error.status === 412) setConflictPatch(patch);
        },
      },
    );
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
    return (
      <section aria-labelledby="profile-title" className="card">
        <h2 id="profile-title">{t('customers.profile.title')}</h2>
        <ProfileForm
          base={base}
          customFields={customFields}
          pending={updateMutation.isPending}
          error={updateMutation.error}
          stale={stale}
          duplicate={duplicate}
          onSave={(patch, allowDuplicate) => save(base, patch, allowDuplicate)}
          onReloadTheirs={() => void reloadTheirs()}
          onReapplyMine={() => void reapplyMine()}
          onCancel={() => {
            updateMutation.reset();
            setBase(null);
          }}
        />
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
              setBase(customer);
            }}
          >
            {t('customers.profile.edit')}
          </button>
        )}
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

/**
 * The customer file being edited, from the version the edit started from (`base`): the form is made once, so that
 * what was typed stays when `base` moves on to their latest version (re-apply after a 412).
 */
function ProfileForm({
  base,
  customFields,
  pending,
  error,
  stale,
  duplicate,
  onSave,
  onReloadTheirs,
  onReapplyMine,
  onCancel,
}: {
  base: Customer;
  customFields: CustomField[];
  pending: boolean;
  /** The last save's failure. */
  error: unknown;
  /** It failed with 412: someone else changed the customer meanwhile. */
  stale: boolean;
  /** It failed as a likely duplicate of other customers. */
  duplicate: boolean;
  onSave: (patch: CustomerPatch, allowDuplicate?: boolean) => void;
  onReloadTheirs: () => void;
  onReapplyMine: () => void;
  onCancel: () => void;
}) {
  const t = useT();
  const schema = useMemo(() => customerFormSchema(customFields), [customFields]);
  const form = useZodForm(schema, { defaultValues: customerFormValues(base, customFields) });

  // Whichever save failed (this form's, or a re-apply), its field errors go on the inputs; a conflict and a
  // duplicate have their own alerts below.
  useEffect(() => {
    if (!error || stale || duplicate) return;
    applyServerErrors(form, error, { fieldPath: customerFieldPath(form.getValues()) });
    // Once per failure (`form` is a new object on each render, so not a dependency).
  }, [error, stale, duplicate]);

  const handleSubmit = form.handleSubmit((values) =>
    onSave(customerPatch(base, toCustomerFields(values, customFields), customFields)),
  );

  return (
    <form ref={form.formRef} onSubmit={handleSubmit} noValidate aria-busy={pending} className="form form-columns">
      <CustomerFieldsInputs form={form} customFields={customFields} />
      <FormAlert alert={form.alert} />
      {stale && (
        <div role="alert" className="form-alert">
          <p>{t('customers.stale.message')}</p>
          <div className="confirm-actions">
            <button type="button" onClick={onReloadTheirs}>
              {t('customers.stale.reload')}
            </button>
            <button type="button" className="button-primary" onClick={onReapplyMine}>
              {t('customers.stale.reapply')}
            </button>
          </div>
        </div>
      )}
      {duplicate && (
        <DuplicateMatches
          matches={duplicateMatchesOf((error as ApiError).body)}
          pending={pending}
          anywayLabel={t('customers.duplicate.saveAnyway')}
          onCreateAnyway={() => onSave(customerPatch(base, toCustomerFields(form.getValues(), customFields), customFields), true)}
        />
      )}
      <div className="form-actions">
        <button type="submit" disabled={pending}>
          {pending ? t('customers.profile.saving') : t('customers.profile.save')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
