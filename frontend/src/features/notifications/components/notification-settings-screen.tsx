import { useId } from 'react';
import { Link } from 'react-router';
import * as z from 'zod/mini';
import { FormAlert } from '@/components/form/form-alert';
import { TextField } from '@/components/form/text-field';
import { useNotify } from '@/components/toast';
import { applyServerErrors, serverMessage, useZodForm } from '@/components/form/use-zod-form';
import { QueryError } from '@/components/query-error';
import { fieldMessageParams } from '@/lib/form-messages';
import { LOCALE_NAMES, useT } from '@/lib/i18n';
import { ApiError } from '@/lib/problem';
import {
  DIGEST_LANGUAGES,
  useNotificationSettings,
  type DigestLanguage,
  type NotificationSettings,
} from '../api/get-notification-settings';
import { useUpdateNotificationSettings } from '../api/update-notification-settings';

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/** A time input's value as the server takes it: hours and minutes (some browsers add seconds). */
function hoursAndMinutes(value: string): string {
  return value.slice(0, 5);
}

// The server's rules (UpdateNotificationSettingsRequest). Its "not in the expected form" for the time is said as
// what to type, here and when the server refuses it.
const settingsSchema = z.object({
  digestEnabled: z.boolean(),
  digestTime: z.string().check(
    z.refine((value) => TIME.test(hoursAndMinutes(value)), { params: fieldMessageParams('notifications.timeInvalid') }),
  ),
  // Empty: the store's language.
  language: z.enum(['', ...DIGEST_LANGUAGES]),
});

type SettingsValues = z.input<typeof settingsSchema>;

/** The digest's language as the select offers it: one of its languages, or empty for the store's. */
function chosenLanguage(language: string | null | undefined): SettingsValues['language'] {
  return DIGEST_LANGUAGES.find((candidate) => candidate === language) ?? '';
}

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
  const updateMutation = useUpdateNotificationSettings();
  const form = useZodForm(settingsSchema, {
    defaultValues: {
      digestEnabled: settings.digestEnabled,
      digestTime: settings.digestTime,
      language: chosenLanguage(settings.language),
    } satisfies SettingsValues,
  });
  const notify = useNotify();
  const enabledError = form.fieldError('digestEnabled');
  const languageError = form.fieldError('language');

  const handleSubmit = form.handleSubmit((values) => {
    if (updateMutation.isPending) return;
    updateMutation.mutate(
      {
        digestEnabled: values.digestEnabled,
        digestTime: hoursAndMinutes(values.digestTime),
        language: values.language === '' ? null : values.language,
      },
      {
        onSuccess: () => notify({ message: t('notifications.saved'), tone: 'success' }),
        onError: (error) => {
          applyServerErrors(form, error);
          if (error instanceof ApiError && error.problem.errors.some((item) => item.field === 'digestTime')) {
            form.setError('digestTime', serverMessage({ key: 'notifications.timeInvalid' }));
          }
        },
      },
    );
  });

  const pending = updateMutation.isPending;
  return (
    <form ref={form.formRef} onSubmit={handleSubmit} noValidate aria-busy={pending} className="form notifications-form">
      <label className="checkbox-line">
        <input
          type="checkbox"
          role="switch"
          aria-invalid={enabledError ? true : undefined}
          aria-describedby={enabledError ? `${id}-enabled-error` : undefined}
          {...form.register('digestEnabled')}
        />
        {t('notifications.digestEnabled')}
      </label>
      {enabledError && (
        <p id={`${id}-enabled-error`} className="field-error">
          {enabledError}
        </p>
      )}
      <TextField
        label={t('notifications.digestTime')}
        type="time"
        step={60}
        required
        hint={t('notifications.digestTimeHint', { timeZone })}
        {...form.field('digestTime')}
      />
      <div className="field">
        <label htmlFor={`${id}-language`}>{t('notifications.language')}</label>
        <select
          id={`${id}-language`}
          aria-invalid={languageError ? true : undefined}
          aria-describedby={languageError ? `${id}-language-error` : undefined}
          {...form.register('language')}
        >
          <option value="">{t('notifications.language.store', { language: LOCALE_NAMES[storeLanguage] })}</option>
          {DIGEST_LANGUAGES.map((language) => (
            <option key={language} value={language} lang={language}>
              {LOCALE_NAMES[language]}
            </option>
          ))}
        </select>
        {languageError && (
          <p id={`${id}-language-error`} className="field-error">
            {languageError}
          </p>
        )}
      </div>
      <FormAlert alert={form.alert} />
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
