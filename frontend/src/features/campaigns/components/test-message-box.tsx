import { useId, useState, type FormEvent } from 'react';
import { useNotify } from '@/components/toast';
import { useT } from '@/lib/i18n';
import { ApiError, errorSentence, isProblem } from '@/lib/problem';
import type { MessageChannel } from '../api/get-messaging-settings';
import { useSendTestMessage } from '../api/send-test-message';

/**
 * "Send a test" for one channel, through the settings as saved: the answer in words, and when the mail server or
 * SMS provider refused, what it said (the admin needs it to fix the settings).
 */
export function TestMessageBox({ channel }: { channel: MessageChannel }) {
  const t = useT();
  const id = useId();
  const notify = useNotify();
  const testMutation = useSendTestMessage();
  const [to, setTo] = useState('');
  const email = channel === 'EMAIL';
  const error = testMutation.error;
  const toError =
    error instanceof ApiError && error.problem.errors.some((item) => item.field === 'to')
      ? t(email ? 'messagingSettings.test.toEmailInvalid' : 'messagingSettings.test.toPhoneInvalid')
      : undefined;

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (testMutation.isPending) return;
    testMutation.mutate(
      { channel, to: to.trim() },
      {
        onSuccess: () =>
          notify({ message: t(email ? 'messagingSettings.test.sentEmail' : 'messagingSettings.test.sentSms'), tone: 'success' }),
      },
    );
  }

  let failure: { sentence: string; details?: string } | null = null;
  if (error && !toError) {
    if (isProblem(error, 'delivery-failed')) {
      failure = {
        sentence: t(email ? 'messagingSettings.test.emailRefused' : 'messagingSettings.test.smsRefused'),
        details: error.problem.detail,
      };
    } else if (isProblem(error, 'messaging-channel-off')) {
      failure = { sentence: t(email ? 'messagingSettings.test.emailOff' : 'messagingSettings.test.smsOff') };
    } else {
      failure = { sentence: errorSentence(t, error) };
    }
  }

  const pending = testMutation.isPending;
  return (
    <form onSubmit={handleSubmit} noValidate aria-labelledby={`${id}-title`} className="messaging-test">
      <h3 id={`${id}-title`}>{t(email ? 'messagingSettings.test.emailTitle' : 'messagingSettings.test.smsTitle')}</h3>
      <div className="messaging-test-row">
        <div className="field">
          <label htmlFor={`${id}-to`}>{t(email ? 'messagingSettings.test.toEmail' : 'messagingSettings.test.toPhone')}</label>
          <input
            id={`${id}-to`}
            type={email ? 'email' : 'tel'}
            autoComplete={email ? 'email' : 'tel'}
            maxLength={254}
            value={to}
            onChange={(event) => setTo(event.currentTarget.value)}
            aria-invalid={toError ? true : undefined}
            aria-describedby={toError ? `${id}-to-error` : undefined}
          />
          {toError && (
            <p id={`${id}-to-error`} className="field-error">
              {toError}
            </p>
          )}
        </div>
        <button type="submit" disabled={pending}>
          {pending ? t('messagingSettings.test.sending') : t(email ? 'messagingSettings.test.sendEmail' : 'messagingSettings.test.sendSms')}
        </button>
      </div>
      {failure && (
        <div role="alert" className="form-alert">
          <p>{failure.sentence}</p>
          {failure.details && <p className="muted small wrap-anywhere messaging-test-details">{t('messagingSettings.test.details', { details: failure.details })}</p>}
        </div>
      )}
    </form>
  );
}
