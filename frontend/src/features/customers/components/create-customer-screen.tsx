import { useRef, useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { FormAlert } from '@/components/form/form-alert';
import { useFocusOnError, useFormErrors } from '@/components/form/use-form-errors';
import { useT } from '@/lib/i18n';
import { ApiError, isProblem } from '@/lib/problem';
import { duplicateMatchesOf, useCreateCustomer, type CustomerFields } from '../api/create-customer';
import { useCustomFields } from '../api/list-custom-fields';
import { CustomerFieldsInputs, FORM_FIELDS, readCustomerForm } from './customer-fields';
import { DuplicateMatches } from './duplicate-matches';

export function CreateCustomerScreen() {
  const t = useT();
  const navigate = useNavigate();
  const formRef = useRef<HTMLFormElement>(null);
  const customFieldsQuery = useCustomFields();
  const customFields = customFieldsQuery.data?.items ?? [];
  const createMutation = useCreateCustomer();
  const [pendingFields, setPendingFields] = useState<CustomerFields | null>(null);
  const duplicate = isProblem(createMutation.error, 'duplicate-customer');
  const fieldNames = [...FORM_FIELDS, ...customFields.map((field) => `customFields.${field.key}`)];
  const { fieldErrors, alert } = useFormErrors(duplicate ? null : createMutation.error, fieldNames);
  useFocusOnError(formRef, duplicate ? null : createMutation.error);

  function create(fields: CustomerFields, allowDuplicate = false) {
    setPendingFields(fields);
    createMutation.mutate(
      { fields, allowDuplicate },
      { onSuccess: (customer) => void navigate(`/customers/${customer.id}`, { state: { created: true } }) },
    );
  }

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    create(readCustomerForm(event.currentTarget, customFields));
  }

  if (customFieldsQuery.isPending) return <p role="status">{t('app.loading')}</p>;

  const pending = createMutation.isPending;
  return (
    <div className="stack">
      <div className="page-title">
        <h1>{t('customers.create.title')}</h1>
        <Link to="/customers">{t('customers.backToList')}</Link>
      </div>
      <section className="card" aria-label={t('customers.create.title')}>
        <form ref={formRef} onSubmit={handleSubmit} noValidate aria-busy={pending} className="form form-columns">
          <CustomerFieldsInputs customFields={customFields} fieldErrors={fieldErrors} />
          <FormAlert alert={alert} />
          {duplicate && pendingFields && (
            <DuplicateMatches
              matches={duplicateMatchesOf((createMutation.error as ApiError).body)}
              pending={pending}
              onCreateAnyway={() => create(pendingFields, true)}
            />
          )}
          <div className="form-actions">
            <button type="submit" disabled={pending}>
              {pending ? t('customers.create.pending') : t('customers.create.submit')}
            </button>
          </div>
        </form>
      </section>
    </div>
  );
}
