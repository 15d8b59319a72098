import { useId } from 'react';
import * as z from 'zod/mini';
import { FormAlert } from '@/components/form/form-alert';
import { TextField } from '@/components/form/text-field';
import { applyServerErrors, serverMessage, useZodForm } from '@/components/form/use-zod-form';
import { fieldMessageParams } from '@/lib/form-messages';
import { requiredText } from '@/lib/form-schemas';
import { useT } from '@/lib/i18n';
import { ApiError } from '@/lib/problem';
import { useCreateApiKey, type CreateApiKeyInput, type CreatedApiKey } from '../api/create-api-key';
import { API_KEY_SCOPES, type ApiKeyScope } from '../api/list-api-keys';

/** A day as a date input gives it (`2026-03-10`), as the instant its last second ends in the user's time zone. */
export function endOfDay(day: string): string {
  const [year = 0, month = 1, date = 1] = day.split('-').map(Number);
  return new Date(year, month - 1, date, 23, 59, 59).toISOString();
}

/** Today as a date input writes it, in the user's time zone: the earliest expiry offered. */
function today(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

const MAX_RATE_LIMIT = 100_000;

// The server's rules (CreateApiKeyRequest). Its words for scopes, expiry and rate limit are about its annotations
// ("size must be between 1 and 20"): these say what to do, and the server's refusals are shown in the same words.
const apiKeySchema = z.object({
  name: requiredText(80),
  scopes: z.array(z.string()).check(
    z.refine((scopes) => scopes.length > 0, { params: fieldMessageParams('apiKeys.create.scopesRequired') }),
    z.refine((scopes) => scopes.every((scope) => (API_KEY_SCOPES as readonly string[]).includes(scope)), {
      params: fieldMessageParams('apiKeys.create.scopesUnknown'),
    }),
  ),
  // @Future: the end of the chosen day must be still to come.
  expiresAt: z.string().check(
    z.refine((day) => day === '' || new Date(endOfDay(day)).getTime() > Date.now(), {
      params: fieldMessageParams('apiKeys.create.expiresAtFuture'),
    }),
  ),
  // A whole number, typed as text so that "2.5" or "abc" reach this check rather than read as empty.
  rateLimitPerMinute: z.string().check(
    z.trim(),
    z.refine((value) => value === '' || (/^\d+$/.test(value) && Number(value) >= 1 && Number(value) <= MAX_RATE_LIMIT), {
      params: fieldMessageParams('apiKeys.create.rateLimitRange'),
    }),
  ),
});

type ApiKeyValues = z.input<typeof apiKeySchema>;

const EMPTY: ApiKeyValues = { name: '', scopes: [], expiresAt: '', rateLimitPerMinute: '' };

/** The server names a refused scope by its place (`scopes[2]`): here they are all about the one group of boxes. */
function formFieldPath(field: string): string {
  return field.startsWith('scopes.') ? 'scopes' : field;
}

export function CreateApiKeyForm({ onCreated }: { onCreated: (created: CreatedApiKey) => void }) {
  const t = useT();
  const scopesId = useId();
  const createMutation = useCreateApiKey();
  const form = useZodForm(apiKeySchema, { defaultValues: EMPTY });
  const tooMany = createMutation.error instanceof ApiError && createMutation.error.status === 409;
  const scopesError = form.fieldError('scopes');

  /** The server's refusals of scopes, expiry and rate limit, in the words the form's own checks use. */
  function showServerErrors(error: unknown) {
    applyServerErrors(form, error, { fieldPath: formFieldPath });
    if (!(error instanceof ApiError)) return;
    const refused = (field: string) =>
      error.problem.errors.filter((item) => item.field === field || item.field.startsWith(`${field}[`));
    const scopes = refused('scopes');
    if (scopes.length > 0) {
      const unknown = scopes.some((item) => item.code === 'FORMAT' || item.code === 'ONE_OF');
      form.setError('scopes', serverMessage({ key: unknown ? 'apiKeys.create.scopesUnknown' : 'apiKeys.create.scopesRequired' }));
    }
    if (refused('expiresAt').length > 0) form.setError('expiresAt', serverMessage({ key: 'apiKeys.create.expiresAtFuture' }));
    if (refused('rateLimitPerMinute').length > 0) {
      form.setError('rateLimitPerMinute', serverMessage({ key: 'apiKeys.create.rateLimitRange' }));
    }
  }

  const handleSubmit = form.handleSubmit((values) => {
    if (createMutation.isPending) return;
    const body: CreateApiKeyInput = { name: values.name, scopes: values.scopes as ApiKeyScope[] };
    if (values.expiresAt) body.expiresAt = endOfDay(values.expiresAt);
    if (values.rateLimitPerMinute) body.rateLimitPerMinute = Number(values.rateLimitPerMinute);
    createMutation.mutate(body, {
      onSuccess: onCreated,
      onError: (error) => {
        // The store's limit of keys: said in the alert below, about no field.
        if (error instanceof ApiError && error.status === 409) form.focusFirstError();
        else showServerErrors(error);
      },
    });
  });

  const pending = createMutation.isPending;
  return (
    <section aria-labelledby="create-api-key-title" className="card">
      <h2 id="create-api-key-title">{t('apiKeys.create.title')}</h2>
      {/* noValidate: the messages (the form's own checks, then the server's) appear next to the fields. */}
      <form ref={form.formRef} onSubmit={handleSubmit} noValidate aria-busy={pending} className="form api-key-form">
        <TextField
          label={t('apiKeys.create.name')}
          autoComplete="off"
          required
          maxLength={80}
          hint={t('apiKeys.create.nameHint')}
          {...form.field('name')}
        />
        <fieldset
          className="checkbox-group api-key-scopes"
          aria-describedby={`${scopesId}-hint${scopesError ? ` ${scopesId}-error` : ''}`}
        >
          <legend>{t('apiKeys.create.scopes')}</legend>
          <p id={`${scopesId}-hint`} className="field-hint">
            {t('apiKeys.create.scopesHint')}
          </p>
          {API_KEY_SCOPES.map((scope) => (
            <label key={scope}>
              <input type="checkbox" value={scope} aria-invalid={scopesError ? true : undefined} {...form.register('scopes')} />{' '}
              <code>{scope}</code> — {t(`apiKeys.scope.${scope}`)}
            </label>
          ))}
          {scopesError && (
            <p id={`${scopesId}-error`} className="field-error">
              {scopesError}
            </p>
          )}
        </fieldset>
        <div className="api-key-limits">
          <TextField
            label={t('apiKeys.create.expiresAt')}
            type="date"
            min={today()}
            hint={t('apiKeys.create.expiresAtHint')}
            {...form.field('expiresAt')}
          />
          <TextField
            label={t('apiKeys.create.rateLimit')}
            inputMode="numeric"
            autoComplete="off"
            placeholder="600"
            hint={t('apiKeys.create.rateLimitHint')}
            {...form.field('rateLimitPerMinute')}
          />
        </div>
        {tooMany ? (
          <div role="alert" tabIndex={-1} className="form-alert">
            <p>{t('apiKeys.create.tooMany')}</p>
          </div>
        ) : (
          <FormAlert alert={form.alert} />
        )}
        <div>
          <button type="submit" disabled={pending}>
            {pending ? t('apiKeys.create.pending') : t('apiKeys.create.submit')}
          </button>
        </div>
      </form>
    </section>
  );
}
