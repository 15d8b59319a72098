import { useId } from 'react';
import * as z from 'zod/mini';
import { FormAlert } from '@/components/form/form-alert';
import { TextField } from '@/components/form/text-field';
import { applyServerErrors, serverMessage, useZodForm } from '@/components/form/use-zod-form';
import { fieldMessageParams } from '@/lib/form-messages';
import { optionalText } from '@/lib/form-schemas';
import { useT, type MessageKey } from '@/lib/i18n';
import { ApiError } from '@/lib/problem';
import { useCreateWebhook, type CreateWebhookInput, type CreatedWebhook } from '../api/create-webhook';
import { CUSTOMER_EVENT_TYPES, WEBHOOK_EVENT_TYPES } from '../api/list-webhooks';
import { eventLabel } from './webhook-parts';

/**
 * What the server refuses of any address, whatever it allows in its setting (plain http, private hosts): one that
 * is not a complete http(s) address, or carries a user name, password or #fragment. The rest only it can tell.
 */
function mayBeWebhookAddress(value: string): boolean {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname !== '' && !url.username && !url.password && !value.includes('#');
}

// The server's rules (CreateWebhookRequest). Its words for the address and the events are English prose about what
// it checked: these say what to enter instead, and the server's refusals are shown in the same words.
const webhookSchema = z.object({
  url: z.string().check(
    z.trim(),
    z.refine((value) => value !== '', { params: fieldMessageParams('webhooks.create.urlRequired') }),
    z.maxLength(2048),
    z.refine((value) => value === '' || value.length > 2048 || mayBeWebhookAddress(value), {
      params: fieldMessageParams('webhooks.create.urlInvalid'),
    }),
  ),
  description: optionalText(200),
  eventTypes: z.array(z.string()).check(
    z.refine((types) => types.length > 0, { params: fieldMessageParams('webhooks.create.eventTypesRequired') }),
    z.refine((types) => types.every((type) => (WEBHOOK_EVENT_TYPES as readonly string[]).includes(type)), {
      params: fieldMessageParams('webhooks.create.eventTypesUnknown'),
    }),
  ),
});

type WebhookValues = z.input<typeof webhookSchema>;

const EMPTY: WebhookValues = { url: '', description: '', eventTypes: [] };

/** The server names a refused event type by its place (`eventTypes[2]`): here they are all about the one group of boxes. */
function formFieldPath(field: string): string {
  return field.startsWith('eventTypes.') ? 'eventTypes' : field;
}

/** The words for what the server refused of the address or the events, as the form's own checks say them. */
function serverWords(field: 'url' | 'eventTypes', codes: string[]): MessageKey | null {
  if (field === 'url') {
    if (codes.includes('REQUIRED')) return 'webhooks.create.urlRequired';
    // A length is said as the form's own check says it.
    return codes.some((code) => code !== 'LENGTH') ? 'webhooks.create.urlInvalid' : null;
  }
  const refusedEvent = codes.some((code) => code === 'FORMAT' || code === 'ONE_OF' || code === 'INVALID');
  return refusedEvent ? 'webhooks.create.eventTypesUnknown' : 'webhooks.create.eventTypesRequired';
}

export function CreateWebhookForm({ onCreated }: { onCreated: (created: CreatedWebhook) => void }) {
  const t = useT();
  const eventsId = useId();
  const createMutation = useCreateWebhook();
  const form = useZodForm(webhookSchema, { defaultValues: EMPTY });
  const tooMany = createMutation.error instanceof ApiError && createMutation.error.status === 409;
  const eventsError = form.fieldError('eventTypes');
  const eventTypes = form.watch('eventTypes');

  function showServerErrors(error: unknown) {
    applyServerErrors(form, error, { fieldPath: formFieldPath });
    if (!(error instanceof ApiError)) return;
    for (const field of ['url', 'eventTypes'] as const) {
      const codes = error.problem.errors
        .filter((item) => item.field === field || item.field.startsWith(`${field}[`))
        .map((item) => item.code);
      const words = codes.length > 0 ? serverWords(field, codes) : null;
      if (words) form.setError(field, serverMessage({ key: words }));
    }
  }

  function selectCustomerEvents() {
    const chosen = new Set([...form.getValues('eventTypes'), ...CUSTOMER_EVENT_TYPES]);
    // Checked again at once only after a first submit, as a tick is.
    form.setValue('eventTypes', [...chosen], { shouldValidate: form.formState.isSubmitted });
  }

  const handleSubmit = form.handleSubmit((values) => {
    if (createMutation.isPending) return;
    const body: CreateWebhookInput = {
      url: values.url,
      // In the form's order, whatever order they were ticked in.
      eventTypes: WEBHOOK_EVENT_TYPES.filter((type) => values.eventTypes.includes(type)),
    };
    if (values.description) body.description = values.description;
    createMutation.mutate(body, {
      onSuccess: onCreated,
      onError: (error) => {
        // The store's limit of webhooks: said in the alert below, about no field.
        if (error instanceof ApiError && error.status === 409) form.focusFirstError();
        else showServerErrors(error);
      },
    });
  });

  const pending = createMutation.isPending;
  const allCustomerEvents = CUSTOMER_EVENT_TYPES.every((type) => eventTypes.includes(type));
  return (
    <section aria-labelledby="create-webhook-title" className="card">
      <h2 id="create-webhook-title">{t('webhooks.create.title')}</h2>
      {/* noValidate: the messages (the form's own checks, then the server's) appear next to the fields. */}
      <form ref={form.formRef} onSubmit={handleSubmit} noValidate aria-busy={pending} className="form webhook-form">
        <TextField
          label={t('webhooks.create.url')}
          type="url"
          inputMode="url"
          autoComplete="off"
          spellCheck={false}
          required
          maxLength={2048}
          placeholder="https://example.com/harbor-webhooks"
          hint={t('webhooks.create.urlHint')}
          className="webhook-url-input"
          {...form.field('url')}
        />
        <TextField
          label={t('webhooks.create.description')}
          autoComplete="off"
          maxLength={200}
          hint={t('webhooks.create.descriptionHint')}
          {...form.field('description')}
        />
        <fieldset
          className="checkbox-group webhook-events"
          aria-describedby={`${eventsId}-hint${eventsError ? ` ${eventsId}-error` : ''}`}
        >
          <legend>{t('webhooks.create.eventTypes')}</legend>
          <p id={`${eventsId}-hint`} className="field-hint">
            {t('webhooks.create.eventTypesHint')}
          </p>
          <div>
            <button
              type="button"
              className="webhook-select-customer-events"
              aria-disabled={allCustomerEvents || undefined}
              onClick={selectCustomerEvents}
            >
              {t('webhooks.create.allCustomerEvents')}
            </button>
          </div>
          <div className="webhook-event-options">
            {WEBHOOK_EVENT_TYPES.map((type) => (
              <label key={type}>
                <input
                  type="checkbox"
                  value={type}
                  aria-invalid={eventsError ? true : undefined}
                  {...form.register('eventTypes')}
                />{' '}
                {eventLabel(t, type)} <code className="webhook-event-code">{type}</code>
              </label>
            ))}
          </div>
          {eventsError && (
            <p id={`${eventsId}-error`} className="field-error">
              {eventsError}
            </p>
          )}
        </fieldset>
        {tooMany ? (
          <div role="alert" tabIndex={-1} className="form-alert">
            <p>{t('webhooks.create.tooMany')}</p>
          </div>
        ) : (
          <FormAlert alert={form.alert} />
        )}
        <div>
          <button type="submit" disabled={pending}>
            {pending ? t('webhooks.create.pending') : t('webhooks.create.submit')}
          </button>
        </div>
      </form>
    </section>
  );
}
