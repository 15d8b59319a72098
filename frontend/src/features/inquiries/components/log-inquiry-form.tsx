import { useId, useRef, type FormEvent } from 'react';
import { Field } from '@/components/form/filter-controls';
import { FormAlert } from '@/components/form/form-alert';
import { SelectField } from '@/components/form/select-field';
import { TextField } from '@/components/form/text-field';
import { useFocusOnError, useFormErrors } from '@/components/form/use-form-errors';
import { countryOptions } from '@/lib/countries';
import { useLocale, useT } from '@/lib/i18n';
import { isProblem } from '@/lib/problem';
import { INQUIRY_CHANNELS, type InquiryChannel } from '../api/list-inbox';
import { useReceiveInquiry, type InquiryRequest, type InquiryResult } from '../api/receive-inquiry';
import { channelName } from './inbox-row-parts';

const FIELDS = [
  'channel',
  'product',
  'message',
  'receivedAt',
  'contact.name',
  'contact.companyName',
  'contact.email',
  'contact.phone',
  'contact.mobile',
  'contact.country',
] as const;

/** The inquiry as the form holds it; empty fields are left out rather than sent empty. */
function readForm(form: HTMLFormElement): InquiryRequest {
  const data = new FormData(form);
  const value = (name: string) => String(data.get(name) ?? '').trim();
  const optional = (name: string) => value(name) || undefined;
  const body: InquiryRequest = {
    channel: value('channel') as InquiryChannel,
    contact: {
      name: value('contact.name'),
      companyName: optional('contact.companyName'),
      email: optional('contact.email'),
      phone: optional('contact.phone'),
      mobile: optional('contact.mobile'),
      country: optional('contact.country'),
    },
    product: optional('product'),
    message: optional('message'),
  };
  const receivedAt = value('receivedAt');
  // datetime-local is the reader's own clock.
  if (receivedAt) body.receivedAt = new Date(receivedAt).toISOString();
  return JSON.parse(JSON.stringify(body)) as InquiryRequest;
}

/** "Log an inquiry": one that came in by hand (a call, a trade show) is taken in as the marketplaces' are. */
export function LogInquiryForm({ onLogged, onCancel }: { onLogged: (result: InquiryResult, contactName: string) => void; onCancel: () => void }) {
  const t = useT();
  const locale = useLocale();
  const messageId = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const receiveMutation = useReceiveInquiry();
  // The key of the submission being tried: sending the same inquiry again (after a lost answer) reuses it, so the
  // server counts it once; a changed inquiry is another submission, with a new key.
  const attempt = useRef<{ key: string; body: string } | null>(null);
  const keyReused = isProblem(receiveMutation.error, 'idempotency-key-reused');
  const { fieldErrors, alert } = useFormErrors(keyReused ? null : receiveMutation.error, FIELDS);
  useFocusOnError(formRef, receiveMutation.error);

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (receiveMutation.isPending) return;
    const form = event.currentTarget;
    const body = readForm(form);
    const json = JSON.stringify(body);
    if (attempt.current?.body !== json) attempt.current = { key: crypto.randomUUID(), body: json };
    receiveMutation.mutate(
      { body, idempotencyKey: attempt.current.key },
      {
        onSuccess: (result) => {
          attempt.current = null;
          form.reset();
          onLogged(result, body.contact.name);
        },
        onError: (error) => {
          // The server keeps the key with the first body: another try starts afresh.
          if (isProblem(error, 'idempotency-key-reused')) attempt.current = null;
        },
      },
    );
  }

  const pending = receiveMutation.isPending;
  return (
    <section aria-labelledby="log-inquiry-title" className="card">
      <h2 id="log-inquiry-title">{t('inbox.log.title')}</h2>
      <p className="muted">{t('inbox.log.intro')}</p>
      <form ref={formRef} onSubmit={handleSubmit} noValidate aria-busy={pending} className="form form-columns">
        <SelectField
          label={t('inbox.log.channel')}
          name="channel"
          defaultValue="EMAIL"
          options={INQUIRY_CHANNELS.map((channel) => ({ value: channel, label: channelName(t, channel) }))}
          error={fieldErrors.channel}
        />
        <TextField
          label={t('inbox.log.receivedAt')}
          name="receivedAt"
          type="datetime-local"
          hint={t('inbox.log.receivedAtHint')}
          error={fieldErrors.receivedAt}
        />
        <TextField label={t('inbox.log.product')} name="product" maxLength={200} error={fieldErrors.product} />
        <div className="field field-wide">
          <label htmlFor={messageId}>{t('inbox.log.message')}</label>
          <textarea
            id={messageId}
            name="message"
            rows={3}
            maxLength={10000}
            aria-invalid={fieldErrors.message ? true : undefined}
            aria-describedby={fieldErrors.message ? `${messageId}-error` : undefined}
          />
          {fieldErrors.message && (
            <p id={`${messageId}-error`} className="field-error">
              {fieldErrors.message}
            </p>
          )}
        </div>
        <fieldset className="field-wide form form-columns">
          <legend>{t('inbox.log.contact')}</legend>
          <TextField label={t('inbox.log.contactName')} name="contact.name" required autoComplete="off" error={fieldErrors['contact.name']} />
          <TextField label={t('inbox.log.companyName')} name="contact.companyName" autoComplete="off" error={fieldErrors['contact.companyName']} />
          <TextField label={t('inbox.log.email')} name="contact.email" type="email" autoComplete="off" error={fieldErrors['contact.email']} />
          <TextField label={t('inbox.log.phone')} name="contact.phone" type="tel" autoComplete="off" error={fieldErrors['contact.phone']} />
          <TextField label={t('inbox.log.mobile')} name="contact.mobile" type="tel" autoComplete="off" error={fieldErrors['contact.mobile']} />
          <Field label={t('inbox.log.country')}>
            {(id) => (
              <>
                <select
                  id={id}
                  name="contact.country"
                  defaultValue=""
                  aria-invalid={fieldErrors['contact.country'] ? true : undefined}
                  aria-describedby={fieldErrors['contact.country'] ? `${id}-error` : undefined}
                >
                  <option value="">{t('inbox.log.countryNone')}</option>
                  {countryOptions(locale).map((option) => (
                    <option key={option.value} value={option.value}>
                      {option.label}
                    </option>
                  ))}
                </select>
                {fieldErrors['contact.country'] && (
                  <p id={`${id}-error`} className="field-error">
                    {fieldErrors['contact.country']}
                  </p>
                )}
              </>
            )}
          </Field>
        </fieldset>
        <FormAlert alert={keyReused ? { message: t('inbox.log.keyReused'), details: [], reference: null } : alert} />
        <div className="form-actions">
          <button type="submit" disabled={pending}>
            {pending ? t('inbox.log.pending') : t('inbox.log.submit')}
          </button>
          <button type="button" onClick={onCancel}>
            {t('inbox.log.cancel')}
          </button>
        </div>
      </form>
    </section>
  );
}
