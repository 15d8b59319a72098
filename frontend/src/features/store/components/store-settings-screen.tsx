import { useId, useMemo } from 'react';
import * as z from 'zod/mini';
import { FormAlert } from '@/components/form/form-alert';
import { TextField } from '@/components/form/text-field';
import { useNotify } from '@/components/toast';
import { applyServerErrors, serverMessage, useZodForm } from '@/components/form/use-zod-form';
import { fieldMessageParams } from '@/lib/form-messages';
import { matching, requiredText } from '@/lib/form-schemas';
import { LOCALE_NAMES, useT } from '@/lib/i18n';
import { ApiError } from '@/lib/problem';
import { STORE_LANGUAGES, useUpdateStore, type Store, type UpdateStoreInput } from '../api/update-store';

/** The IANA time zones this browser knows, with the store's own even if it does not. */
function timeZones(current: string): string[] {
  let zones: string[] = [];
  try {
    zones = Intl.supportedValuesOf('timeZone');
  } catch {
    // An older browser: the store's zone, and typing any other.
  }
  return zones.includes(current) ? zones : [current, ...zones];
}

/** Text without a NUL character, as the server's Text.NO_NUL pattern takes it. */
const NO_NUL = /^[^\0]*$/;

// The server's rules (UpdateStoreRequest, AccountService.updateStore). Whether a zone exists only the server
// decides (its list and the browser's differ): anything it refuses there is said as what to do.
const storeSchema = z.object({
  name: requiredText(120).check(matching(NO_NUL)),
  timeZone: z.string().check(
    z.trim(),
    z.refine((zone) => zone !== '' && zone.length <= 64, { params: fieldMessageParams('store.timeZoneUnknown') }),
  ),
  language: z.enum(STORE_LANGUAGES),
});

type StoreValues = z.input<typeof storeSchema>;
type StoreOutput = z.output<typeof storeSchema>;

/** Only what differs from the store as it is: an untouched field is not sent. */
function changesOf(values: StoreOutput, store: Store): UpdateStoreInput {
  const changes: UpdateStoreInput = {};
  if (values.name !== store.name) changes.name = values.name;
  if (values.timeZone !== store.timeZone) changes.timeZone = values.timeZone;
  if (values.language !== (store.language ?? 'en')) changes.language = values.language;
  return changes;
}

/** Store settings (administrators): its name, the time zone its days follow, and the language Harbor names things in. */
export function StoreSettingsScreen({ store, onSaved }: { store: Store; onSaved: (store: Store) => void }) {
  const t = useT();
  const zonesId = useId();
  const updateMutation = useUpdateStore();
  const form = useZodForm(storeSchema, {
    defaultValues: { name: store.name, timeZone: store.timeZone, language: store.language ?? 'en' } satisfies StoreValues,
  });
  const notify = useNotify();
  const zones = useMemo(() => timeZones(store.timeZone), [store.timeZone]);
  const languageError = form.fieldError('language');

  const handleSubmit = form.handleSubmit((values) => {
    if (updateMutation.isPending) return;
    const changes = changesOf(values, store);
    if (Object.keys(changes).length === 0) {
      updateMutation.reset();
      notify({ message: t('store.unchanged'), tone: 'info' });
      return;
    }
    updateMutation.mutate(changes, {
      onSuccess: (saved) => {
        notify({ message: t('store.saved'), tone: 'success' });
        onSaved(saved);
      },
      onError: (error) => {
        applyServerErrors(form, error);
        // The server's "unknown" (or too long) in words that say what to do, as the form's own check says it.
        if (error instanceof ApiError && error.problem.errors.some((item) => item.field === 'timeZone')) {
          form.setError('timeZone', serverMessage({ key: 'store.timeZoneUnknown' }));
        }
      },
    });
  });

  const pending = updateMutation.isPending;
  return (
    <div className="stack">
      <div>
        <h1 id="store-settings-title">{t('store.title')}</h1>
        <p className="muted">{t('store.intro')}</p>
      </div>
      <section aria-labelledby="store-settings-title" className="card">
        <form ref={form.formRef} onSubmit={handleSubmit} noValidate aria-busy={pending} className="form store-form">
          <TextField
            label={t('store.name')}
            required
            maxLength={120}
            autoComplete="organization"
            {...form.field('name')}
          />
          <TextField
            label={t('store.timeZone')}
            list={zonesId}
            autoComplete="off"
            spellCheck={false}
            required
            hint={t('store.timeZoneHint')}
            {...form.field('timeZone')}
          />
          <datalist id={zonesId}>
            {zones.map((zone) => (
              <option key={zone} value={zone} />
            ))}
          </datalist>
          <div className="field">
            <label htmlFor={`${zonesId}-language`}>{t('store.language')}</label>
            <select
              id={`${zonesId}-language`}
              aria-invalid={languageError ? true : undefined}
              aria-describedby={`${zonesId}-language-hint${languageError ? ` ${zonesId}-language-error` : ''}`}
              {...form.register('language')}
            >
              {STORE_LANGUAGES.map((language) => (
                <option key={language} value={language} lang={language}>
                  {LOCALE_NAMES[language]}
                </option>
              ))}
            </select>
            <p id={`${zonesId}-language-hint`} className="field-hint">
              {t('store.languageHint')}
            </p>
            {languageError && (
              <p id={`${zonesId}-language-error`} className="field-error">
                {languageError}
              </p>
            )}
          </div>
          <FormAlert alert={form.alert} />
          <div className="form-actions">
            <button type="submit" disabled={pending}>
              {pending ? t('store.pending') : t('store.submit')}
            </button>
          </div>
        </form>
      </section>
    </div>
  );
}
