import { useId, useState } from 'react';
import { useT } from '@/lib/i18n';
import { ApiError, errorSentence } from '@/lib/problem';
import type { MessageChannel } from '../api/get-messaging-settings';
import { usePreviewCustomers } from '../api/list-customers';
import { usePreviewMessage } from '../api/preview-message';
import { RenderedMessageView } from './rendered-message';

/** The template as typed, rendered for one of the first customers the user sees: nothing is sent. */
export function TemplatePreview({ channel, subject, body }: { channel: MessageChannel; subject: string; body: string }) {
  const t = useT();
  const id = useId();
  const customersQuery = usePreviewCustomers();
  const previewMutation = usePreviewMessage();
  const [customerId, setCustomerId] = useState('');
  const customers = customersQuery.data ?? [];
  const chosen = customerId || (customers[0] ? String(customers[0].id) : '');

  function preview() {
    if (previewMutation.isPending || !chosen) return;
    previewMutation.mutate({
      channel,
      subject: channel === 'EMAIL' ? subject : null,
      body,
      customerId: Number(chosen),
    });
  }

  let failure: string | null = null;
  if (previewMutation.isError) {
    const error = previewMutation.error;
    if (error instanceof ApiError && error.status === 400) failure = t('templates.preview.fixFirst');
    else if (error instanceof ApiError && error.status === 404) failure = t('templates.preview.customerGone');
    else failure = errorSentence(t, error);
  }

  return (
    <section aria-labelledby={`${id}-title`} className="template-preview">
      <h3 id={`${id}-title`}>{t('templates.preview.title')}</h3>
      {customersQuery.isPending ? (
        <p role="status">{t('app.loading')}</p>
      ) : customers.length === 0 ? (
        <p className="muted">{customersQuery.isError ? errorSentence(t, customersQuery.error) : t('templates.preview.noCustomers')}</p>
      ) : (
        <div className="inline-form template-preview-controls">
          <div className="field">
            <label htmlFor={`${id}-customer`}>{t('templates.preview.customer')}</label>
            <select id={`${id}-customer`} value={chosen} onChange={(event) => setCustomerId(event.currentTarget.value)}>
              {customers.map((customer) => (
                <option key={customer.id} value={customer.id}>
                  {customer.companyName ? `${customer.name} — ${customer.companyName}` : customer.name}
                </option>
              ))}
            </select>
          </div>
          <button type="button" aria-disabled={previewMutation.isPending || undefined} onClick={preview}>
            {previewMutation.isPending ? t('templates.preview.pending') : t('templates.preview.submit')}
          </button>
        </div>
      )}
      {failure && (
        <p role="alert" className="field-error">
          {failure}
        </p>
      )}
      {previewMutation.data && !previewMutation.isError && (
        <RenderedMessageView message={previewMutation.data} title={t('templates.preview.result')} />
      )}
    </section>
  );
}
