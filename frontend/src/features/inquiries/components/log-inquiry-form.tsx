import { useId, useRef } from 'react';
import { useController } from 'react-hook-form';
import * as z from 'zod/mini';
import { CountryCombobox } from '@/components/country-combobox';
import { FormAlert } from '@/components/form/form-alert';
import { SelectField } from '@/components/form/select-field';
import { TextField } from '@/components/form/text-field';
import { applyServerErrors, useZodForm } from '@/components/form/use-zod-form';
import { fieldMessageParams } from '@/lib/form-messages';
import { CUSTOMER_EMAIL_PATTERN, matching, optionalText, PHONE_PATTERN, requiredText } from '@/lib/form-schemas';
import { useT } from '@/lib/i18n';
import { isProblem } from '@/lib/problem';
import { INQUIRY_CHANNELS } from '../api/list-inbox';
import { useReceiveInquiry, type InquiryRequest, type InquiryResult } from '../api/receive-inquiry';
import { channelName } from './inbox-row-parts';

/** As the server allows a clock a little ahead (InquiryService.CLOCK_SKEW). */
const CLOCK_SKEW_MS = 5 * 60_000;

/** A telephone or mobile number, as the inquiry API checks it (trimmed; empty: none). */
const phone = () => z.string().check(z.trim(), z.maxLength(40), matching(PHONE_PATTERN));

// The server's rules (InquiryRequest, InquiryContact, InquiryService.receive), in the same words.
const inquirySchema = z.object({
  channel: z.enum(INQUIRY_CHANNELS),
  // datetime-local is the reader's own clock; empty: now.
  receivedAt: z.string().check(
    z.refine((value) => value === '' || new Date(value).getTime() <= Date.now() + CLOCK_SKEW_MS, {
      params: fieldMessageParams('fieldError.NOT_FUTURE'),
    }),
  ),
  product: optionalText(200),
  message: optionalText(10_000),
  contact: z.object({
    name: requiredText(200),
    companyName: optionalText(200),
    email: z.string().check(z.trim(), z.maxLength(254), matching(CUSTOMER_EMAIL_PATTERN, 'fieldError.EMAIL')),
    phone: phone(),
    mobile: phone(),
    // Chosen from the list of countries: nothing to check.
    country: z.string(),
  }),
});

type InquiryValues = z.input<typeof inquirySchema>;

const EMPTY: InquiryValues = {
  channel: 'EMAIL',
  receivedAt: '',
  product: '',
  message: '',
  contact: { name: '', companyName: '', email: '', phone: '', mobile: '', country: '' },
};

/** The inquiry to send; empty fields are left out rather than sent empty. */
function inquiryRequest({ channel, receivedAt, product, message, contact }: z.output<typeof inquirySchema>): InquiryRequest {
  const optional = (value: string) => value || undefined;
  const body: InquiryRequest = {
    channel,
    contact: {
      name: contact.name,
      companyName: optional(contact.companyName),
      email: optional(contact.email),
      phone: optional(contact.phone),
      mobile: optional(contact.mobile),
      country: optional(contact.country),
    },
    product: optional(product),
    message: optional(message),
  };
  if (receivedAt) body.receivedAt = new Date(receivedAt).toISOString();
  return JSON.parse(JSON.stringify(body)) as InquiryRequest;
}

/** "Log an inquiry": one that came in by hand (a call, a trade show) is taken in as the marketplaces' are. */
export function LogInquiryForm({ onLogged, onCancel }: { onLogged: (result: InquiryResult, contactName: string) => void; onCancel: () => void }) {
  const t = useT();
  const messageId = useId();
  const receiveMutation = useReceiveInquiry();
  const form = useZodForm(inquirySchema, { defaultValues: EMPTY });
  // The key of the submission being tried: sending the same inquiry again (after a lost answer) reuses it, so the
  // server counts it once; a changed inquiry is another submission, with a new key.
  const attempt = useRef<{ key: string; body: string } | null>(null);
  const keyReused = isProblem(receiveMutation.error, 'idempotency-key-reused');
  const messageError = form.fieldError('message');
  const countryField = useController({ control: form.control, name: 'contact.country' });

  const handleSubmit = form.handleSubmit((values) => {
    if (receiveMutation.isPending) return;
    const body = inquiryRequest(values);
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
          if (isProblem(error, 'idempotency-key-reused')) {
            // The server keeps the key with the first body: another try starts afresh. Said below, in its words.
            attempt.current = null;
            form.focusFirstError();
          } else {
            applyServerErrors(form, error);
          }
        },
      },
    );
  });

  const pending = receiveMutation.isPending;
  return (
    <section aria-labelledby="log-inquiry-title" className="card">
      <h2 id="log-inquiry-title">{t('inbox.log.title')}</h2>
      <p className="muted">{t('inbox.log.intro')}</p>
      <form ref={form.formRef} onSubmit={handleSubmit} noValidate aria-busy={pending} className="form form-columns">
        <SelectField
          label={t('inbox.log.channel')}
          options={INQUIRY_CHANNELS.map((channel) => ({ value: channel, label: channelName(t, channel) }))}
          {...form.field('channel')}
        />
        <TextField
          label={t('inbox.log.receivedAt')}
          type="datetime-local"
          hint={t('inbox.log.receivedAtHint')}
          {...form.field('receivedAt')}
        />
        <TextField label={t('inbox.log.product')} maxLength={200} {...form.field('product')} />
        <div className="field field-wide">
          <label htmlFor={messageId}>{t('inbox.log.message')}</label>
          <textarea
            id={messageId}
            rows={3}
            maxLength={10000}
            aria-invalid={messageError ? true : undefined}
            aria-describedby={messageError ? `${messageId}-error` : undefined}
            {...form.register('message')}
          />
          {messageError && (
            <p id={`${messageId}-error`} className="field-error">
              {messageError}
            </p>
          )}
        </div>
        <fieldset className="field-wide form form-columns">
          <legend>{t('inbox.log.contact')}</legend>
          <TextField label={t('inbox.log.contactName')} required autoComplete="off" {...form.field('contact.name')} />
          <TextField label={t('inbox.log.companyName')} autoComplete="off" {...form.field('contact.companyName')} />
          <TextField label={t('inbox.log.email')} type="email" autoComplete="off" {...form.field('contact.email')} />
          <TextField label={t('inbox.log.phone')} type="tel" autoComplete="off" {...form.field('contact.phone')} />
          <TextField label={t('inbox.log.mobile')} type="tel" autoComplete="off" {...form.field('contact.mobile')} />
          <CountryCombobox
            label={t('inbox.log.country')}
            noneLabel={t('inbox.log.countryNone')}
            placeholder={t('inbox.log.countryNone')}
            {...countryField.field}
            error={form.fieldError('contact.country')}
          />
        </fieldset>
        <FormAlert alert={keyReused ? { message: t('inbox.log.keyReused'), details: [], reference: null } : form.alert} />
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
