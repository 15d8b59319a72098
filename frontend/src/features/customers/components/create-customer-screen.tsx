import { useMemo, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { FormAlert } from '@/components/form/form-alert';
import { applyServerErrors, useZodForm } from '@/components/form/use-zod-form';
import { useT } from '@/lib/i18n';
import { ApiError, isProblem } from '@/lib/problem';
import { duplicateMatchesOf, useCreateCustomer, type CustomerFields } from '../api/create-customer';
import { useCustomFields, type CustomField } from '../api/list-custom-fields';
import {
  CustomerFieldsInputs,
  customerFieldPath,
  customerFormSchema,
  customerFormValues,
  toCustomerFields,
} from './customer-fields';
import { DuplicateMatches } from './duplicate-matches';

export function CreateCustomerScreen() {
  const t = useT();
  const customFieldsQuery = useCustomFields();

  if (customFieldsQuery.isPending) return <p role="status">{t('app.loading')}</p>;

  return (
    <div className="stack">
      <div className="page-title">
        <h1>{t('customers.create.title')}</h1>
        <Link to="/customers">{t('customers.backToList')}</Link>
      </div>
      <section className="card" aria-label={t('customers.create.title')}>
        <CreateCustomerForm customFields={customFieldsQuery.data?.items ?? []} />
      </section>
    </div>
  );
}

/** What was sent last, to send again with "Create anyway". */
interface Sent {
  fields: CustomerFields;
  fieldPath: (field: string) => string;
}

/** The form itself: made once the store's custom fields are known, as they are part of its checks. */
function CreateCustomerForm({ customFields }: { customFields: CustomField[] }) {
  const t = useT();
  const navigate = useNavigate();
  const createMutation = useCreateCustomer();
  const schema = useMemo(() => customerFormSchema(customFields), [customFields]);
  const defaultValues = useMemo(() => customerFormValues(undefined, customFields), [customFields]);
  const form = useZodForm(schema, { defaultValues });
  const [sent, setSent] = useState<Sent | null>(null);
  const duplicate = isProblem(createMutation.error, 'duplicate-customer');

  function create({ fields, fieldPath }: Sent, allowDuplicate = false) {
    setSent({ fields, fieldPath });
    createMutation.mutate(
      { fields, allowDuplicate },
      {
        onSuccess: (customer) => void navigate(`/customers/${customer.id}`, { state: { created: true } }),
        // A duplicate is shown with its matches (below), not as field errors.
        onError: (error) => {
          if (!isProblem(error, 'duplicate-customer')) applyServerErrors(form, error, { fieldPath });
        },
      },
    );
  }

  const handleSubmit = form.handleSubmit((values) =>
    create({ fields: toCustomerFields(values, customFields), fieldPath: customerFieldPath(values) }),
  );

  const pending = createMutation.isPending;
  return (
    <form ref={form.formRef} onSubmit={handleSubmit} noValidate aria-busy={pending} className="form form-columns">
      <CustomerFieldsInputs form={form} customFields={customFields} />
      <FormAlert alert={form.alert} />
      {duplicate && sent && (
        <DuplicateMatches
          matches={duplicateMatchesOf((createMutation.error as ApiError).body)}
          pending={pending}
          onCreateAnyway={() => create(sent, true)}
        />
      )}
      <div className="form-actions">
        <button type="submit" disabled={pending}>
          {pending ? t('customers.create.pending') : t('customers.create.submit')}
        </button>
      </div>
    </form>
  );
}
