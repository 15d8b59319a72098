import { useId, useMemo, useRef, useState, type FormEvent } from 'react';
import { FormAlert } from '@/components/form/form-alert';
import { TextField } from '@/components/form/text-field';
import { useFocusOnError, useFormErrors } from '@/components/form/use-form-errors';
import { useT } from '@/lib/i18n';
import { ApiError } from '@/lib/problem';
import { useCreateApiKey, type CreateApiKeyInput, type CreatedApiKey } from '../api/create-api-key';
import { API_KEY_SCOPES, type ApiKeyScope } from '../api/list-api-keys';

const FIELDS = ['name', 'scopes', 'expiresAt', 'rateLimitPerMinute'] as const satisfies readonly (keyof CreateApiKeyInput)[];

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

/** The server names a refused scope by its place (`scopes[2]`): here they are all about the one group of boxes. */
function withScopesAsOneField(error: unknown): unknown {
  if (!(error instanceof ApiError) || !error.problem.errors.some((item) => item.field.startsWith('scopes['))) return error;
  const errors = error.problem.errors.map((item) => (item.field.startsWith('scopes[') ? { ...item, field: 'scopes' } : item));
  return new ApiError({ ...error.problem, errors }, error.retryAfterSeconds, error.body);
}

export function CreateApiKeyForm({ onCreated }: { onCreated: (created: CreatedApiKey) => void }) {
  const t = useT();
  const scopesId = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const createMutation = useCreateApiKey();
  // A rate limit that is not a whole number never reaches the server.
  const [rateLimitInvalid, setRateLimitInvalid] = useState(false);
  const tooMany = createMutation.error instanceof ApiError && createMutation.error.status === 409;
  const error = useMemo(() => (tooMany ? null : withScopesAsOneField(createMutation.error)), [tooMany, createMutation.error]);
  const { fieldErrors, alert } = useFormErrors(error, FIELDS);
  useFocusOnError(formRef, createMutation.error);

  // The server's words for these fields are about its annotations ("size must be between 1 and 10"): say what to do.
  const refusedScope = error instanceof ApiError && error.problem.errors.some((item) => item.field === 'scopes' && (item.code === 'FORMAT' || item.code === 'ONE_OF'));
  const scopesError = fieldErrors.scopes && t(refusedScope ? 'apiKeys.create.scopesUnknown' : 'apiKeys.create.scopesRequired');
  const expiresAtError = fieldErrors.expiresAt && t('apiKeys.create.expiresAtFuture');
  const rateLimitError = rateLimitInvalid || fieldErrors.rateLimitPerMinute ? t('apiKeys.create.rateLimitRange') : undefined;

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (createMutation.isPending) return;
    const form = event.currentTarget;
    const data = new FormData(form);
    const rateLimitInput = form.elements.namedItem('rateLimitPerMinute') as HTMLInputElement;
    const rateLimit = rateLimitInput.value.trim();
    if (rateLimitInput.validity.badInput || (rateLimit !== '' && !/^\d+$/.test(rateLimit))) {
      createMutation.reset();
      setRateLimitInvalid(true);
      rateLimitInput.focus();
      return;
    }
    setRateLimitInvalid(false);
    const body: CreateApiKeyInput = {
      name: String(data.get('name') ?? '').trim(),
      scopes: data.getAll('scopes').map(String) as ApiKeyScope[],
    };
    const expiresOn = String(data.get('expiresAt') ?? '');
    if (expiresOn) body.expiresAt = endOfDay(expiresOn);
    if (rateLimit) body.rateLimitPerMinute = Number(rateLimit);
    createMutation.mutate(body, { onSuccess: onCreated });
  }

  const pending = createMutation.isPending;
  return (
    <section aria-labelledby="create-api-key-title" className="card">
      <h2 id="create-api-key-title">{t('apiKeys.create.title')}</h2>
      {/* noValidate: the server owns the rules and its messages appear next to the fields. */}
      <form ref={formRef} onSubmit={handleSubmit} noValidate aria-busy={pending} className="form api-key-form">
        <TextField
          label={t('apiKeys.create.name')}
          name="name"
          autoComplete="off"
          required
          maxLength={80}
          hint={t('apiKeys.create.nameHint')}
          error={fieldErrors.name}
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
              <input type="checkbox" name="scopes" value={scope} aria-invalid={scopesError ? true : undefined} />{' '}
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
            name="expiresAt"
            type="date"
            min={today()}
            hint={t('apiKeys.create.expiresAtHint')}
            error={expiresAtError}
          />
          <TextField
            label={t('apiKeys.create.rateLimit')}
            name="rateLimitPerMinute"
            type="number"
            inputMode="numeric"
            min={1}
            max={100000}
            step={1}
            placeholder="600"
            hint={t('apiKeys.create.rateLimitHint')}
            error={rateLimitError}
          />
        </div>
        {tooMany ? (
          <div role="alert" tabIndex={-1} className="form-alert">
            <p>{t('apiKeys.create.tooMany')}</p>
          </div>
        ) : (
          <FormAlert alert={alert} />
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
