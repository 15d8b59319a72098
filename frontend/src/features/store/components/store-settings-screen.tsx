import { useId, useMemo, useRef, type FormEvent } from 'react';
import { FormAlert } from '@/components/form/form-alert';
import { TextField } from '@/components/form/text-field';
import { useNotify } from '@/components/toast';
import { useFocusOnError, useFormErrors } from '@/components/form/use-form-errors';
import { LOCALE_NAMES, useT } from '@/lib/i18n';
import { STORE_LANGUAGES, useUpdateStore, type Store, type StoreLanguage, type UpdateStoreInput } from '../api/update-store';

const FIELDS = ['name', 'timeZone', 'language'] as const satisfies readonly (keyof UpdateStoreInput)[];

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

/** Only what differs from the store as it is: an untouched field is not sent. */
function changesOf(form: HTMLFormElement, store: Store): UpdateStoreInput {
  const data = new FormData(form);
  const value = (field: (typeof FIELDS)[number]) => String(data.get(field) ?? '').trim();
  const changes: UpdateStoreInput = {};
  if (value('name') !== store.name) changes.name = value('name');
  if (value('timeZone') !== store.timeZone) changes.timeZone = value('timeZone');
  if (value('language') !== (store.language ?? 'en')) changes.language = value('language') as StoreLanguage;
  return changes;
}

/** Store settings (administrators): its name, the time zone its days follow, and the language Harbor names things in. */
export function StoreSettingsScreen({ store, onSaved }: { store: Store; onSaved: (store: Store) => void }) {
  const t = useT();
  const zonesId = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const updateMutation = useUpdateStore();
  const { fieldErrors, alert } = useFormErrors(updateMutation.error, FIELDS);
  const notify = useNotify();
  const zones = useMemo(() => timeZones(store.timeZone), [store.timeZone]);
  useFocusOnError(formRef, updateMutation.error);

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (updateMutation.isPending) return;
    const changes = changesOf(event.currentTarget, store);
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
    });
  }

  const pending = updateMutation.isPending;
  return (
    <div className="stack">
      <div>
        <h1 id="store-settings-title">{t('store.title')}</h1>
        <p className="muted">{t('store.intro')}</p>
      </div>
      <section aria-labelledby="store-settings-title" className="card">
        <form ref={formRef} onSubmit={handleSubmit} noValidate aria-busy={pending} className="form store-form">
          <TextField
            label={t('store.name')}
            name="name"
            defaultValue={store.name}
            required
            maxLength={120}
            autoComplete="organization"
            error={fieldErrors.name}
          />
          <TextField
            label={t('store.timeZone')}
            name="timeZone"
            defaultValue={store.timeZone}
            list={zonesId}
            autoComplete="off"
            spellCheck={false}
            required
            hint={t('store.timeZoneHint')}
            // The server's "unknown" in words that say what to do.
            error={fieldErrors.timeZone ? t('store.timeZoneUnknown') : undefined}
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
              name="language"
              defaultValue={store.language ?? 'en'}
              aria-invalid={fieldErrors.language ? true : undefined}
              aria-describedby={`${zonesId}-language-hint${fieldErrors.language ? ` ${zonesId}-language-error` : ''}`}
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
            {fieldErrors.language && (
              <p id={`${zonesId}-language-error`} className="field-error">
                {fieldErrors.language}
              </p>
            )}
          </div>
          <FormAlert alert={alert} />
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
