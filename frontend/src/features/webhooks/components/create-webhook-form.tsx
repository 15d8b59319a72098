import { useId, useMemo, useRef, useState, type FormEvent } from 'react';
import { FormAlert } from '@/components/form/form-alert';
import { TextField } from '@/components/form/text-field';
import { useFocusOnError, useFormErrors } from '@/components/form/use-form-errors';
import { useT } from '@/lib/i18n';
import { ApiError } from '@/lib/problem';
import { useCreateWebhook, type CreateWebhookInput, type CreatedWebhook } from '../api/create-webhook';
import { CUSTOMER_EVENT_TYPES, WEBHOOK_EVENT_TYPES, type WebhookEventType } from '../api/list-webhooks';
import { eventLabel } from './webhook-parts';

const FIELDS = ['url', 'description', 'eventTypes'] as const satisfies readonly (keyof CreateWebhookInput)[];

/** The server names a refused event type by its place (`eventTypes[2]`): here they are all about the one group of boxes. */
function withEventTypesAsOneField(error: unknown): unknown {
  if (!(error instanceof ApiError) || !error.problem.errors.some((item) => item.field.startsWith('eventTypes['))) return error;
  const errors = error.problem.errors.map((item) => (item.field.startsWith('eventTypes[') ? { ...item, field: 'eventTypes' } : item));
  return new ApiError({ ...error.problem, errors }, error.retryAfterSeconds, error.body);
}

/** The codes the server gave for one field. */
function codesOf(error: unknown, field: string): string[] {
  if (!(error instanceof ApiError)) return [];
  return error.problem.errors.filter((item) => item.field === field).map((item) => item.code);
}

export function CreateWebhookForm({ onCreated }: { onCreated: (created: CreatedWebhook) => void }) {
  const t = useT();
  const eventsId = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const createMutation = useCreateWebhook();
  const [eventTypes, setEventTypes] = useState<ReadonlySet<WebhookEventType>>(() => new Set());
  const tooMany = createMutation.error instanceof ApiError && createMutation.error.status === 409;
  const error = useMemo(() => (tooMany ? null : withEventTypesAsOneField(createMutation.error)), [tooMany, createMutation.error]);
  const { fieldErrors, alert } = useFormErrors(error, FIELDS);
  useFocusOnError(formRef, createMutation.error);

  // The server's words for the address are English prose about what it checked: say what to enter instead.
  const urlCodes = codesOf(error, 'url');
  let urlError = fieldErrors.url;
  if (urlCodes.includes('REQUIRED')) urlError = t('webhooks.create.urlRequired');
  else if (urlCodes.some((code) => code !== 'LENGTH')) urlError = t('webhooks.create.urlInvalid');
  const eventCodes = codesOf(error, 'eventTypes');
  const refusedEvent = eventCodes.some((code) => code === 'FORMAT' || code === 'ONE_OF' || code === 'INVALID');
  const eventsError = fieldErrors.eventTypes && t(refusedEvent ? 'webhooks.create.eventTypesUnknown' : 'webhooks.create.eventTypesRequired');

  function toggle(type: WebhookEventType, checked: boolean) {
    setEventTypes((current) => {
      const next = new Set(current);
      if (checked) next.add(type);
      else next.delete(type);
      return next;
    });
  }

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (createMutation.isPending) return;
    const data = new FormData(event.currentTarget);
    const body: CreateWebhookInput = {
      url: String(data.get('url') ?? '').trim(),
      // In the form's order, whatever order they were ticked in.
      eventTypes: WEBHOOK_EVENT_TYPES.filter((type) => eventTypes.has(type)),
    };
    const description = String(data.get('description') ?? '').trim();
    if (description) body.description = description;
    createMutation.mutate(body, { onSuccess: onCreated });
  }

  const pending = createMutation.isPending;
  const allCustomerEvents = CUSTOMER_EVENT_TYPES.every((type) => eventTypes.has(type));
  return (
    <section aria-labelledby="create-webhook-title" className="card">
      <h2 id="create-webhook-title">{t('webhooks.create.title')}</h2>
      {/* noValidate: the server owns the rules and its refusals appear next to the fields. */}
      <form ref={formRef} onSubmit={handleSubmit} noValidate aria-busy={pending} className="form webhook-form">
        <TextField
          label={t('webhooks.create.url')}
          name="url"
          type="url"
          inputMode="url"
          autoComplete="off"
          spellCheck={false}
          required
          maxLength={2048}
          placeholder="https://example.com/harbor-webhooks"
          hint={t('webhooks.create.urlHint')}
          error={urlError}
          className="webhook-url-input"
        />
        <TextField
          label={t('webhooks.create.description')}
          name="description"
          autoComplete="off"
          maxLength={200}
          hint={t('webhooks.create.descriptionHint')}
          error={fieldErrors.description}
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
              onClick={() => setEventTypes((current) => new Set([...current, ...CUSTOMER_EVENT_TYPES]))}
            >
              {t('webhooks.create.allCustomerEvents')}
            </button>
          </div>
          <div className="webhook-event-options">
            {WEBHOOK_EVENT_TYPES.map((type) => (
              <label key={type}>
                <input
                  type="checkbox"
                  name="eventTypes"
                  value={type}
                  checked={eventTypes.has(type)}
                  onChange={(event) => toggle(type, event.currentTarget.checked)}
                  aria-invalid={eventsError ? true : undefined}
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
          <FormAlert alert={alert} />
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
