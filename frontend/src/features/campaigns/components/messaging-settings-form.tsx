import { useId, useMemo, useRef, useState, type FormEvent } from 'react';
import { FormAlert } from '@/components/form/form-alert';
import { TextField } from '@/components/form/text-field';
import { useFocusOnError, useFormErrors } from '@/components/form/use-form-errors';
import { useT, type MessageKey } from '@/lib/i18n';
import { ApiError, type FieldErrors } from '@/lib/problem';
import { SMTP_SECURITIES, type MessagingSettings, type SmtpSecurity } from '../api/get-messaging-settings';
import { useUpdateMessagingSettings, type UpdateMessagingSettingsBody } from '../api/update-messaging-settings';
import { SecretField, type SecretMode } from './secret-field';

const FIELDS = [
  'email.enabled',
  'email.host',
  'email.port',
  'email.security',
  'email.username',
  'email.password',
  'email.fromAddress',
  'email.fromName',
  'email.replyTo',
  'sms.enabled',
  'sms.baseUrl',
  'sms.accountId',
  'sms.token',
  'sms.fromNumber',
  'dailyEmailCap',
  'dailySmsCap',
  'campaignRatePerMinute',
] as const;
type Field = (typeof FIELDS)[number];

const NUMBER_FIELDS = ['dailyEmailCap', 'dailySmsCap', 'campaignRatePerMinute'] as const;

const SECURITY_LABELS: Record<SmtpSecurity, MessageKey> = {
  STARTTLS: 'messagingSettings.email.security.STARTTLS',
  TLS: 'messagingSettings.email.security.TLS',
  NONE: 'messagingSettings.email.security.NONE',
};

/** The codes the server gave for one field. */
function codesOf(error: unknown, field: string): string[] {
  if (!(error instanceof ApiError)) return [];
  return error.problem.errors.filter((item) => item.field === field).map((item) => item.code);
}

/** What a save sends for a write-only secret: nothing (kept), "" (removed) or what was typed. */
function secretValue(data: FormData, name: string, mode: SecretMode, stored: boolean): string | undefined {
  if (mode === 'remove') return '';
  if (mode === 'change' || !stored) {
    const typed = String(data.get(name) ?? '');
    return typed === '' ? undefined : typed;
  }
  return undefined;
}

/**
 * The e-mail and SMS channels, daily caps and campaign pace, saved at once with the ETag of the version on screen.
 * Uncontrolled fields (the screen remounts the form with what the server has after a save); the secrets' modes and
 * the server's answer are the only state.
 */
export function MessagingSettingsForm({
  settings,
  etag,
  onSaving,
  onSaved,
  onReload,
}: {
  settings: MessagingSettings;
  etag: string;
  /** A save starts: what was said about the last one no longer holds. */
  onSaving?: () => void;
  onSaved: () => void;
  onReload: () => void;
}) {
  const t = useT();
  const id = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const updateMutation = useUpdateMessagingSettings();
  const [passwordMode, setPasswordMode] = useState<SecretMode>('keep');
  const [tokenMode, setTokenMode] = useState<SecretMode>('keep');
  const [localErrors, setLocalErrors] = useState<FieldErrors | null>(null);
  const stale = updateMutation.error instanceof ApiError && updateMutation.error.status === 412;
  const noKey = updateMutation.error instanceof ApiError && updateMutation.error.status === 503;
  const error = stale || noKey ? null : updateMutation.error;
  const { fieldErrors: serverErrors, alert } = useFormErrors(error, FIELDS);
  useFocusOnError(formRef, updateMutation.error ?? localErrors);

  const fieldErrors = useMemo(() => {
    const words: Partial<Record<Field, string>> = { ...serverErrors, ...(localErrors ?? {}) };
    // The server's codes in words that say what to enter.
    if (codesOf(error, 'email.security').includes('ONE_OF')) words['email.security'] = t('messagingSettings.email.securityEncrypted');
    if (codesOf(error, 'sms.baseUrl').includes('FORMAT')) words['sms.baseUrl'] = t('messagingSettings.sms.baseUrlHttps');
    return words;
  }, [serverErrors, localErrors, error, t]);

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (updateMutation.isPending) return;
    onSaving?.();
    const data = new FormData(event.currentTarget);
    const text = (name: string) => String(data.get(name) ?? '').trim();
    const optional = (name: string) => text(name) || null;

    const numbers: Partial<Record<(typeof NUMBER_FIELDS)[number], number>> = {};
    const problems: FieldErrors = {};
    for (const field of NUMBER_FIELDS) {
      const value = text(field);
      if (/^\d+$/.test(value)) numbers[field] = Number(value);
      else problems[field] = t('messagingSettings.wholeNumber');
    }
    const portText = text('email.port');
    if (portText !== '' && !/^\d+$/.test(portText)) problems['email.port'] = t('messagingSettings.wholeNumber');
    if (Object.keys(problems).length > 0) {
      updateMutation.reset();
      setLocalErrors(problems);
      return;
    }
    setLocalErrors(null);

    const body: UpdateMessagingSettingsBody = {
      email: {
        enabled: data.get('email.enabled') === 'on',
        host: optional('email.host'),
        port: portText === '' ? null : Number(portText),
        security: (text('email.security') || settings.email.security) as SmtpSecurity,
        username: optional('email.username'),
        fromAddress: optional('email.fromAddress'),
        fromName: optional('email.fromName'),
        replyTo: optional('email.replyTo'),
      },
      sms: {
        enabled: data.get('sms.enabled') === 'on',
        baseUrl: optional('sms.baseUrl'),
        accountId: optional('sms.accountId'),
        fromNumber: optional('sms.fromNumber'),
      },
      dailyEmailCap: numbers.dailyEmailCap ?? settings.dailyEmailCap,
      dailySmsCap: numbers.dailySmsCap ?? settings.dailySmsCap,
      campaignRatePerMinute: numbers.campaignRatePerMinute ?? settings.campaignRatePerMinute,
    };
    // Write-only: sent only when changed, so a save of other fields keeps what is stored.
    const password = secretValue(data, 'email.password', passwordMode, settings.email.passwordSet);
    if (password !== undefined) body.email.password = password;
    const token = secretValue(data, 'sms.token', tokenMode, settings.sms.tokenSet);
    if (token !== undefined) body.sms.token = token;

    updateMutation.mutate({ body, etag }, { onSuccess: onSaved });
  }

  const pending = updateMutation.isPending;
  const { email, sms } = settings;
  const securityError = fieldErrors['email.security'];
  return (
    <form ref={formRef} onSubmit={handleSubmit} noValidate aria-busy={pending} className="form messaging-settings-form">
      <fieldset className="messaging-channel">
        <legend>{t('messagingSettings.email.title')}</legend>
        <label className="checkbox-line messaging-switch">
          <input type="checkbox" role="switch" name="email.enabled" defaultChecked={email.enabled} />
          {t('messagingSettings.email.enabled')}
        </label>
        <div className="form-columns messaging-fields">
          <TextField
            label={t('messagingSettings.email.host')}
            name="email.host"
            defaultValue={email.host ?? ''}
            autoComplete="off"
            spellCheck={false}
            maxLength={253}
            placeholder="smtp.example.com"
            error={fieldErrors['email.host']}
          />
          <TextField
            label={t('messagingSettings.email.port')}
            name="email.port"
            type="number"
            inputMode="numeric"
            min={1}
            max={65535}
            defaultValue={email.port ?? ''}
            hint={t('messagingSettings.email.portHint')}
            error={fieldErrors['email.port']}
          />
          <fieldset
            className="inline-radios messaging-security"
            aria-describedby={securityError ? `${id}-security-error` : undefined}
          >
            <legend>{t('messagingSettings.email.security')}</legend>
            {SMTP_SECURITIES.map((security) => (
              <label key={security}>
                <input
                  type="radio"
                  name="email.security"
                  value={security}
                  defaultChecked={email.security === security}
                  aria-invalid={securityError ? true : undefined}
                />{' '}
                {t(SECURITY_LABELS[security])}
              </label>
            ))}
            {securityError && (
              <p id={`${id}-security-error`} className="field-error">
                {securityError}
              </p>
            )}
          </fieldset>
          <TextField
            label={t('messagingSettings.email.username')}
            name="email.username"
            defaultValue={email.username ?? ''}
            autoComplete="off"
            spellCheck={false}
            maxLength={200}
            error={fieldErrors['email.username']}
          />
          <SecretField
            kind="password"
            name="email.password"
            stored={email.passwordSet}
            storable={settings.secretsStorable}
            mode={passwordMode}
            onModeChange={setPasswordMode}
            error={fieldErrors['email.password']}
          />
          <TextField
            label={t('messagingSettings.email.fromAddress')}
            name="email.fromAddress"
            type="email"
            defaultValue={email.fromAddress ?? ''}
            autoComplete="off"
            maxLength={254}
            placeholder="sales@example.com"
            error={fieldErrors['email.fromAddress']}
          />
          <TextField
            label={t('messagingSettings.email.fromName')}
            name="email.fromName"
            defaultValue={email.fromName ?? ''}
            autoComplete="off"
            maxLength={100}
            error={fieldErrors['email.fromName']}
          />
          <TextField
            label={t('messagingSettings.email.replyTo')}
            name="email.replyTo"
            type="email"
            defaultValue={email.replyTo ?? ''}
            autoComplete="off"
            maxLength={254}
            hint={t('messagingSettings.email.replyToHint')}
            error={fieldErrors['email.replyTo']}
          />
        </div>
      </fieldset>

      <fieldset className="messaging-channel">
        <legend>{t('messagingSettings.sms.title')}</legend>
        <label className="checkbox-line messaging-switch">
          <input type="checkbox" role="switch" name="sms.enabled" defaultChecked={sms.enabled} />
          {t('messagingSettings.sms.enabled')}
        </label>
        <p className="field-hint">{t('messagingSettings.sms.intro')}</p>
        <div className="form-columns messaging-fields">
          <TextField
            label={t('messagingSettings.sms.baseUrl')}
            name="sms.baseUrl"
            type="url"
            inputMode="url"
            defaultValue={sms.baseUrl ?? ''}
            autoComplete="off"
            spellCheck={false}
            maxLength={2000}
            placeholder="https://api.twilio.com"
            error={fieldErrors['sms.baseUrl']}
          />
          <TextField
            label={t('messagingSettings.sms.accountId')}
            name="sms.accountId"
            defaultValue={sms.accountId ?? ''}
            autoComplete="off"
            spellCheck={false}
            maxLength={100}
            error={fieldErrors['sms.accountId']}
          />
          <SecretField
            kind="token"
            name="sms.token"
            stored={sms.tokenSet}
            storable={settings.secretsStorable}
            mode={tokenMode}
            onModeChange={setTokenMode}
            error={fieldErrors['sms.token']}
          />
          <TextField
            label={t('messagingSettings.sms.fromNumber')}
            name="sms.fromNumber"
            type="tel"
            defaultValue={sms.fromNumber ?? ''}
            autoComplete="off"
            maxLength={32}
            placeholder="+8613800000000"
            hint={t('messagingSettings.sms.fromNumberHint')}
            error={fieldErrors['sms.fromNumber']}
          />
        </div>
      </fieldset>

      <fieldset className="messaging-channel">
        <legend>{t('messagingSettings.limits.title')}</legend>
        <div className="form-columns messaging-fields">
          <TextField
            label={t('messagingSettings.limits.dailyEmailCap')}
            name="dailyEmailCap"
            type="number"
            inputMode="numeric"
            min={0}
            max={1000000}
            defaultValue={settings.dailyEmailCap}
            hint={t('messagingSettings.limits.dailyHint')}
            error={fieldErrors.dailyEmailCap}
          />
          <TextField
            label={t('messagingSettings.limits.dailySmsCap')}
            name="dailySmsCap"
            type="number"
            inputMode="numeric"
            min={0}
            max={1000000}
            defaultValue={settings.dailySmsCap}
            hint={t('messagingSettings.limits.dailyHint')}
            error={fieldErrors.dailySmsCap}
          />
          <TextField
            label={t('messagingSettings.limits.campaignRatePerMinute')}
            name="campaignRatePerMinute"
            type="number"
            inputMode="numeric"
            min={1}
            max={100000}
            defaultValue={settings.campaignRatePerMinute}
            hint={t('messagingSettings.limits.rateHint')}
            error={fieldErrors.campaignRatePerMinute}
          />
        </div>
      </fieldset>

      {stale ? (
        <div role="alert" tabIndex={-1} className="form-alert">
          <p>{t('messagingSettings.stale')}</p>
          <button type="button" onClick={onReload}>
            {t('messagingSettings.reload')}
          </button>
        </div>
      ) : noKey ? (
        <div role="alert" tabIndex={-1} className="form-alert">
          <p>{t('messagingSettings.noKeyOnSave')}</p>
        </div>
      ) : (
        <FormAlert alert={alert} />
      )}
      <div className="form-actions">
        <button type="submit" disabled={pending}>
          {pending ? t('messagingSettings.saving') : t('messagingSettings.save')}
        </button>
      </div>
    </form>
  );
}
