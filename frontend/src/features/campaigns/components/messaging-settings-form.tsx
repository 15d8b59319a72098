import { useId, useMemo, type ChangeEvent } from 'react';
import { useWatch } from 'react-hook-form';
import * as z from 'zod/mini';
import { FormAlert } from '@/components/form/form-alert';
import { TextField } from '@/components/form/text-field';
import { applyServerErrors, serverMessage, useZodForm } from '@/components/form/use-zod-form';
import { fieldMessageParams } from '@/lib/form-messages';
import { EMAIL_PATTERN, matching } from '@/lib/form-schemas';
import { useT, type MessageKey, type Translate } from '@/lib/i18n';
import { ApiError } from '@/lib/problem';
import { SMTP_SECURITIES, type MessagingSettings, type SmtpSecurity } from '../api/get-messaging-settings';
import { useUpdateMessagingSettings, type UpdateMessagingSettingsBody } from '../api/update-messaging-settings';
import { SecretField, type SecretMode } from './secret-field';

const SECURITY_LABELS: Record<SmtpSecurity, MessageKey> = {
  STARTTLS: 'messagingSettings.email.security.STARTTLS',
  TLS: 'messagingSettings.email.security.TLS',
  NONE: 'messagingSettings.email.security.NONE',
};

/** The contract's patterns (EmailChannelInput, SmsChannelInput). */
const ONE_LINE = /^[^\r\n\x00]*$/;
const HOST_PATTERN = /^[A-Za-z0-9.-]*$/;
const BASE_URL_PATTERN = /^(https?:\/\/\S+)?$/;
const ACCOUNT_ID_PATTERN = /^[A-Za-z0-9_-]*$/;
const FROM_NUMBER_PATTERN = /^(\+?[0-9]{3,20}|[A-Za-z0-9]{1,11})?$/;

/** Text of at most `max` characters on one line, trimmed; empty is none. */
function oneLine(max: number) {
  return z.string().check(z.trim(), z.maxLength(max), matching(ONE_LINE));
}

/** An e-mail address (the server's @Email) or nothing. */
function emailAddress() {
  return z.string().check(z.trim(), z.maxLength(254), matching(EMAIL_PATTERN, 'fieldError.EMAIL'), matching(ONE_LINE));
}

/** A whole number from `min` to `max`, typed; empty only when `optional`. */
function wholeNumber(min: number, max: number, optional = false) {
  return z.string().check(
    z.trim(),
    z.refine((value) => (optional && value === '') || /^\d+$/.test(value), {
      params: fieldMessageParams('messagingSettings.wholeNumber'),
    }),
    z.refine((value) => !/^\d+$/.test(value) || (Number(value) >= min && Number(value) <= max), {
      params: fieldMessageParams('fieldError.RANGE.between', { min, max }),
    }),
  );
}

/** A write-only secret as typed (not trimmed: it is sent as it is). */
const secret = z.string().check(z.maxLength(200), matching(ONE_LINE));
const secretMode = z.enum(['keep', 'change', 'remove']);

/**
 * The server's rules (UpdateMessagingSettingsRequest, MessagingSettingsService.update) in the same words: each
 * field's form and limits, and what an enabled channel needs (every problem at once). `tokenStored`: whether the
 * server holds an SMS token, which a save that leaves it out keeps.
 */
function settingsSchema(tokenStored: boolean) {
  const required = (path: string[], missing: (values: SettingsOutput) => boolean) =>
    z.refine<SettingsOutput>((values) => !missing(values), {
      path,
      params: fieldMessageParams('fieldError.REQUIRED'),
      // Also when another field is wrong: one save names every mistake.
      when: () => true,
    });
  return z
    .object({
      email: z.object({
        enabled: z.boolean(),
        host: z.string().check(z.trim(), z.maxLength(253), matching(HOST_PATTERN)),
        port: wholeNumber(1, 65_535, true),
        security: z.enum(SMTP_SECURITIES),
        username: oneLine(200),
        password: secret,
        passwordMode: secretMode,
        fromAddress: emailAddress(),
        fromName: oneLine(100),
        replyTo: emailAddress(),
      }),
      sms: z.object({
        enabled: z.boolean(),
        baseUrl: z
          .string()
          .check(z.trim(), z.maxLength(2000), matching(BASE_URL_PATTERN, 'messagingSettings.sms.baseUrlHttps')),
        accountId: z.string().check(z.trim(), z.maxLength(100), matching(ACCOUNT_ID_PATTERN)),
        token: secret,
        tokenMode: secretMode,
        fromNumber: z.string().check(z.trim(), z.maxLength(32), matching(FROM_NUMBER_PATTERN)),
      }),
      dailyEmailCap: wholeNumber(0, 1_000_000),
      dailySmsCap: wholeNumber(0, 1_000_000),
      campaignRatePerMinute: wholeNumber(1, 100_000),
    })
    .check(
      required(['email', 'host'], ({ email }) => email.enabled && email.host.trim() === ''),
      required(['email', 'port'], ({ email }) => email.enabled && email.port.trim() === ''),
      required(['email', 'fromAddress'], ({ email }) => email.enabled && email.fromAddress.trim() === ''),
      required(['sms', 'baseUrl'], ({ sms }) => sms.enabled && sms.baseUrl.trim() === ''),
      required(['sms', 'accountId'], ({ sms }) => sms.enabled && sms.accountId.trim() === ''),
      required(['sms', 'fromNumber'], ({ sms }) => sms.enabled && sms.fromNumber.trim() === ''),
      // Removed, or none stored and none typed: the channel would have no token.
      required(['sms', 'token'], ({ sms }) => sms.enabled && (sms.tokenMode === 'remove' || (!tokenStored && sms.token === ''))),
    );
}

/** The form as typed (every figure as text), which the checks read too. */
interface SettingsOutput {
  email: { enabled: boolean; host: string; port: string; fromAddress: string };
  sms: { enabled: boolean; baseUrl: string; accountId: string; fromNumber: string; token: string; tokenMode: SecretMode };
}

type SettingsFormValues = z.input<ReturnType<typeof settingsSchema>>;

function formValues(settings: MessagingSettings): SettingsFormValues {
  const { email, sms } = settings;
  return {
    email: {
      enabled: email.enabled,
      host: email.host ?? '',
      port: email.port == null ? '' : String(email.port),
      security: email.security,
      username: email.username ?? '',
      password: '',
      passwordMode: 'keep',
      fromAddress: email.fromAddress ?? '',
      fromName: email.fromName ?? '',
      replyTo: email.replyTo ?? '',
    },
    sms: {
      enabled: sms.enabled,
      baseUrl: sms.baseUrl ?? '',
      accountId: sms.accountId ?? '',
      token: '',
      tokenMode: 'keep',
      fromNumber: sms.fromNumber ?? '',
    },
    dailyEmailCap: String(settings.dailyEmailCap),
    dailySmsCap: String(settings.dailySmsCap),
    campaignRatePerMinute: String(settings.campaignRatePerMinute),
  };
}

/** The codes the server gave for one field. */
function codesOf(error: unknown, field: string): string[] {
  if (!(error instanceof ApiError)) return [];
  return error.problem.errors.filter((item) => item.field === field).map((item) => item.code);
}

/** What a save sends for a write-only secret: nothing (kept), "" (removed) or what was typed. */
function secretValue(typed: string, mode: SecretMode, stored: boolean): string | undefined {
  if (mode === 'remove') return '';
  if (mode === 'change' || !stored) return typed === '' ? undefined : typed;
  return undefined;
}

const FIELD_LABELS: Record<string, MessageKey> = {
  'email.host': 'messagingSettings.email.host',
  'email.port': 'messagingSettings.email.port',
  'email.username': 'messagingSettings.email.username',
  'email.password': 'messagingSettings.email.password',
  'email.fromAddress': 'messagingSettings.email.fromAddress',
  'email.fromName': 'messagingSettings.email.fromName',
  'email.replyTo': 'messagingSettings.email.replyTo',
  'sms.baseUrl': 'messagingSettings.sms.baseUrl',
  'sms.accountId': 'messagingSettings.sms.accountId',
  'sms.token': 'messagingSettings.sms.token',
  'sms.fromNumber': 'messagingSettings.sms.fromNumber',
};

/** A field the server named, by the label the form shows it under, for the alert. */
function settingsFieldLabel(t: Translate, field: string): string {
  const key = FIELD_LABELS[field];
  return key ? t(key) : field;
}

/**
 * The e-mail and SMS channels, daily caps and campaign pace, saved at once with the ETag of the version on screen
 * (the screen remounts the form with what the server has after a save).
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
  const updateMutation = useUpdateMessagingSettings();
  const schema = useMemo(() => settingsSchema(settings.sms.tokenSet), [settings.sms.tokenSet]);
  const form = useZodForm<SettingsFormValues, z.output<typeof schema>>(schema, {
    defaultValues: formValues(settings),
    fieldLabel: settingsFieldLabel,
  });
  const [passwordMode, tokenMode] = useWatch({ control: form.control, name: ['email.passwordMode', 'sms.tokenMode'] });
  const stale = updateMutation.error instanceof ApiError && updateMutation.error.status === 412;
  const noKey = updateMutation.error instanceof ApiError && updateMutation.error.status === 503;

  /** A secret's mode changed: its input is new and empty, and so is what the form holds of it. */
  function setSecretMode(secretName: 'email.password' | 'sms.token', mode: SecretMode) {
    form.setValue(secretName === 'email.password' ? 'email.passwordMode' : 'sms.tokenMode', mode);
    form.setValue(secretName, '');
    if (form.formState.isSubmitted) void form.trigger(secretName);
  }

  // SecretField keeps its input to itself: what is typed into a secret reaches the form as its change bubbles up.
  function handleSecretTyped(event: ChangeEvent<HTMLFormElement>) {
    const { name, value } = event.target as unknown as HTMLInputElement;
    if (name === 'email.password' || name === 'sms.token') {
      form.setValue(name, value, { shouldValidate: form.formState.isSubmitted });
    }
  }

  const save = form.handleSubmit(
    (values) => {
      if (updateMutation.isPending) return;
      const { email, sms } = values;
      const body: UpdateMessagingSettingsBody = {
        email: {
          enabled: email.enabled,
          host: email.host || null,
          port: email.port === '' ? null : Number(email.port),
          security: email.security,
          username: email.username || null,
          fromAddress: email.fromAddress || null,
          fromName: email.fromName || null,
          replyTo: email.replyTo || null,
        },
        sms: {
          enabled: sms.enabled,
          baseUrl: sms.baseUrl || null,
          accountId: sms.accountId || null,
          fromNumber: sms.fromNumber || null,
        },
        dailyEmailCap: Number(values.dailyEmailCap),
        dailySmsCap: Number(values.dailySmsCap),
        campaignRatePerMinute: Number(values.campaignRatePerMinute),
      };
      // Write-only: sent only when changed, so a save of other fields keeps what is stored.
      const password = secretValue(email.password, email.passwordMode, settings.email.passwordSet);
      if (password !== undefined) body.email.password = password;
      const token = secretValue(sms.token, sms.tokenMode, settings.sms.tokenSet);
      if (token !== undefined) body.sms.token = token;

      updateMutation.mutate(
        { body, etag },
        {
          onSuccess: onSaved,
          onError: (error) => {
            // A stale version and a server without its key have their own alerts (below).
            if (error instanceof ApiError && (error.status === 412 || error.status === 503)) {
              form.focusFirstError();
              return;
            }
            applyServerErrors(form, error);
            // The server's codes in words that say what to enter.
            if (codesOf(error, 'email.security').includes('ONE_OF')) {
              form.setError('email.security', serverMessage({ key: 'messagingSettings.email.securityEncrypted' }));
            }
            if (codesOf(error, 'sms.baseUrl').includes('FORMAT')) {
              form.setError('sms.baseUrl', serverMessage({ key: 'messagingSettings.sms.baseUrlHttps' }));
            }
          },
        },
      );
    },
    // What was said about the last save no longer holds.
    () => updateMutation.reset(),
  );

  const pending = updateMutation.isPending;
  const securityError = form.fieldError('email.security');
  return (
    <form
      ref={form.formRef}
      onSubmit={(event) => {
        onSaving?.();
        void save(event);
      }}
      onChange={handleSecretTyped}
      noValidate
      aria-busy={pending}
      className="form messaging-settings-form"
    >
      <fieldset className="messaging-channel">
        <legend>{t('messagingSettings.email.title')}</legend>
        <label className="checkbox-line messaging-switch">
          <input type="checkbox" role="switch" {...form.register('email.enabled')} />
          {t('messagingSettings.email.enabled')}
        </label>
        <div className="form-columns messaging-fields">
          <TextField
            label={t('messagingSettings.email.host')}
            autoComplete="off"
            spellCheck={false}
            maxLength={253}
            placeholder="smtp.example.com"
            {...form.field('email.host')}
          />
          <TextField
            label={t('messagingSettings.email.port')}
            type="number"
            inputMode="numeric"
            min={1}
            max={65535}
            hint={t('messagingSettings.email.portHint')}
            {...form.field('email.port')}
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
                  value={security}
                  aria-invalid={securityError ? true : undefined}
                  {...form.register('email.security')}
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
            autoComplete="off"
            spellCheck={false}
            maxLength={200}
            {...form.field('email.username')}
          />
          <SecretField
            kind="password"
            name="email.password"
            stored={settings.email.passwordSet}
            storable={settings.secretsStorable}
            mode={passwordMode}
            onModeChange={(mode) => setSecretMode('email.password', mode)}
            error={form.fieldError('email.password')}
          />
          <TextField
            label={t('messagingSettings.email.fromAddress')}
            type="email"
            autoComplete="off"
            maxLength={254}
            placeholder="sales@example.com"
            {...form.field('email.fromAddress')}
          />
          <TextField
            label={t('messagingSettings.email.fromName')}
            autoComplete="off"
            maxLength={100}
            {...form.field('email.fromName')}
          />
          <TextField
            label={t('messagingSettings.email.replyTo')}
            type="email"
            autoComplete="off"
            maxLength={254}
            hint={t('messagingSettings.email.replyToHint')}
            {...form.field('email.replyTo')}
          />
        </div>
      </fieldset>

      <fieldset className="messaging-channel">
        <legend>{t('messagingSettings.sms.title')}</legend>
        <label className="checkbox-line messaging-switch">
          <input type="checkbox" role="switch" {...form.register('sms.enabled')} />
          {t('messagingSettings.sms.enabled')}
        </label>
        <p className="field-hint">{t('messagingSettings.sms.intro')}</p>
        <div className="form-columns messaging-fields">
          <TextField
            label={t('messagingSettings.sms.baseUrl')}
            type="url"
            inputMode="url"
            autoComplete="off"
            spellCheck={false}
            maxLength={2000}
            placeholder="https://api.twilio.com"
            {...form.field('sms.baseUrl')}
          />
          <TextField
            label={t('messagingSettings.sms.accountId')}
            autoComplete="off"
            spellCheck={false}
            maxLength={100}
            {...form.field('sms.accountId')}
          />
          <SecretField
            kind="token"
            name="sms.token"
            stored={settings.sms.tokenSet}
            storable={settings.secretsStorable}
            mode={tokenMode}
            onModeChange={(mode) => setSecretMode('sms.token', mode)}
            error={form.fieldError('sms.token')}
          />
          <TextField
            label={t('messagingSettings.sms.fromNumber')}
            type="tel"
            autoComplete="off"
            maxLength={32}
            placeholder="+8613800000000"
            hint={t('messagingSettings.sms.fromNumberHint')}
            {...form.field('sms.fromNumber')}
          />
        </div>
      </fieldset>

      <fieldset className="messaging-channel">
        <legend>{t('messagingSettings.limits.title')}</legend>
        <div className="form-columns messaging-fields">
          <TextField
            label={t('messagingSettings.limits.dailyEmailCap')}
            type="number"
            inputMode="numeric"
            min={0}
            max={1000000}
            hint={t('messagingSettings.limits.dailyHint')}
            {...form.field('dailyEmailCap')}
          />
          <TextField
            label={t('messagingSettings.limits.dailySmsCap')}
            type="number"
            inputMode="numeric"
            min={0}
            max={1000000}
            hint={t('messagingSettings.limits.dailyHint')}
            {...form.field('dailySmsCap')}
          />
          <TextField
            label={t('messagingSettings.limits.campaignRatePerMinute')}
            type="number"
            inputMode="numeric"
            min={1}
            max={100000}
            hint={t('messagingSettings.limits.rateHint')}
            {...form.field('campaignRatePerMinute')}
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
        <FormAlert alert={form.alert} />
      )}
      <div className="form-actions">
        <button type="submit" disabled={pending}>
          {pending ? t('messagingSettings.saving') : t('messagingSettings.save')}
        </button>
      </div>
    </form>
  );
}
