import { useId, useRef, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { FormAlert } from '@/components/form/form-alert';
import { TextField } from '@/components/form/text-field';
import { useNotify } from '@/components/toast';
import { useFocusOnError, useFormErrors } from '@/components/form/use-form-errors';
import { QueryError } from '@/components/query-error';
import { LOCALE_NAMES, useT } from '@/lib/i18n';
import {
  DIGEST_LANGUAGES,
  useNotificationSettings,
  type DigestLanguage,
  type NotificationSettings,
} from '../api/get-notification-settings';
import { useUpdateNotificationSettings } from '../api/update-notification-settings';

const FIELDS = ['digestEnabled', 'digestTime', 'language'] as const;
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

export interface NotificationSettingsScreenProps {
  /** The store's time zone, which the digest's time of day follows. */
  timeZone: string;
  /** The store's language: the digest's unless another is chosen. */
  storeLanguage: DigestLanguage;
  /** Administrators are offered the way to set up e-mail when it is not. */
  canSetUpEmail: boolean;
}

function NotificationSettingsForm({ settings, timeZone, storeLanguage }: { settings: NotificationSettings } & Omit<NotificationSettingsScreenProps, 'canSetUpEmail'>) {
  const t = useT();
  const id = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const updateMutation = useUpdateNotificationSettings();
  const { fieldErrors, alert } = useFormErrors(updateMutation.error, FIELDS);
  const [timeError, setTimeError] = useState(false);
  const notify = useNotify();
  useFocusOnError(formRef, updateMutation.error);

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (updateMutation.isPending) return;
    const data = new FormData(event.currentTarget);
    const digestTime = String(data.get('digestTime') ?? '').slice(0, 5);
    if (!TIME.test(digestTime)) {
      updateMutation.reset();
      setTimeError(true);
      event.currentTarget.querySelector<HTMLInputElement>('input[name="digestTime"]')?.focus();
      return;
    }
    setTimeError(false);
    const language = String(data.get('language') ?? '');
    updateMutation.mutate(
      {
        digestEnabled: data.get('digestEnabled') === 'on',
        digestTime,
        language: language === '' ? null : (language as DigestLanguage),
      },
      { onSuccess: () => notify({ message: t('notifications.saved'), tone: 'success' }) },
    );
  }

  const pending = updateMutation.isPending;
  // The server's "not in the expected form" as what to type.
  const digestTimeError = timeError || fieldErrors.digestTime ? t('notifications.timeInvalid') : undefined;
  return (
    <form ref={formRef} onSubmit={handleSubmit} noValidate aria-busy={pending} className="form notifications-form">
      <label className="checkbox-line">
        <input type="checkbox" role="switch" name="digestEnabled" defaultChecked={settings.digestEnabled} />
        {t('notifications.digestEnabled')}
      </label>
      {fieldErrors.digestEnabled && <p className="field-error">{fieldErrors.digestEnabled}</p>}
      <TextField
        label={t('notifications.digestTime')}
        name="digestTime"
        type="time"
        step={60}
        defaultValue={settings.digestTime}
        required
        hint={t('notifications.digestTimeHint', { timeZone })}
        error={digestTimeError}
      />
      <div className="field">
        <label htmlFor={`${id}-language`}>{t('notifications.language')}</label>
        <select
          id={`${id}-language`}
          name="language"
          defaultValue={settings.language ?? ''}
          aria-invalid={fieldErrors.language ? true : undefined}
          aria-describedby={fieldErrors.language ? `${id}-language-error` : undefined}
        >
          <option value="">{t('notifications.language.store', { language: LOCALE_NAMES[storeLanguage] })}</option>
          {DIGEST_LANGUAGES.map((language) => (
            <option key={language} value={language} lang={language}>
              {LOCALE_NAMES[language]}
            </option>
          ))}
        </select>
        {fieldErrors.language && (
          <p id={`${id}-language-error`} className="field-error">
            {fieldErrors.language}
          </p>
        )}
      </div>
      <FormAlert alert={alert} />
      <div className="form-actions">
        <button type="submit" disabled={pending}>
          {pending ? t('notifications.pending') : t('notifications.submit')}
        </button>
      </div>
    </form>
  );
}

/** Everyone's own daily digest: whether it comes, at what time of the store's day, and in which language. */
export function NotificationSettingsScreen({ timeZone, storeLanguage, canSetUpEmail }: NotificationSettingsScreenProps) {
  const t = useT();
  const settingsQuery = useNotificationSettings();
  return (
    <div className="stack">
      <div>
        <h1 id="notifications-title">{t('notifications.title')}</h1>
        <p className="muted">{t('notifications.intro')}</p>
      </div>
      {settingsQuery.isPending ? (
        <p role="status">{t('app.loading')}</p>
      ) : settingsQuery.isError ? (
        <QueryError error={settingsQuery.error} onRetry={() => void settingsQuery.refetch()} />
      ) : (
        <>
          {!settingsQuery.data.emailReady && (
            <div className="feedback notifications-email-off">
              <p>{t('notifications.emailNotReady')}</p>
              {canSetUpEmail && <Link to="/settings/messaging">{t('notifications.setUpEmail')}</Link>}
            </div>
          )}
          <section aria-labelledby="notifications-title" className="card">
            <NotificationSettingsForm settings={settingsQuery.data} timeZone={timeZone} storeLanguage={storeLanguage} />
          </section>
        </>
      )}
    </div>
  );
}
