import { useId } from 'react';
import { useFormatters, useT } from '@/lib/i18n';
import { errorSentence } from '@/lib/problem';
import { CONSENT_SOURCES, useConsent, type ChannelConsent, type ConsentSource } from '../api/get-consent';
import type { MessageChannel } from '../api/list-message-templates';
import { useUpdateConsent } from '../api/update-consent';

const NOT_ASKED: ChannelConsent = { optedIn: null, source: null, changedAt: null };

/** How the answer came about, and when: "Unsubscribed via link on 3 Dec 2026"; "Not asked yet" when never asked. */
function useConsentState(consent: ChannelConsent): string {
  const t = useT();
  const format = useFormatters();
  if (consent.optedIn === null || consent.optedIn === undefined) return t('messaging.consent.notAsked');
  const optedIn = consent.optedIn ? 'yes' : 'no';
  const source = consent.source;
  if (source && consent.changedAt && (CONSENT_SOURCES as readonly string[]).includes(source)) {
    return t(`messaging.consent.source.${source as ConsentSource}`, { optedIn, date: format.date(consent.changedAt) });
  }
  return t(consent.optedIn ? 'messaging.consent.agreed' : 'messaging.consent.declined');
}

function ConsentLine({
  channel,
  consent,
  checked,
  disabled,
  onChange,
}: {
  channel: MessageChannel;
  consent: ChannelConsent;
  checked: boolean;
  disabled: boolean;
  onChange: (optedIn: boolean) => void;
}) {
  const t = useT();
  const id = useId();
  const state = useConsentState(consent);
  return (
    <div className="consent-line">
      <label>
        <input
          type="checkbox"
          checked={checked}
          disabled={disabled}
          aria-describedby={`${id}-state`}
          onChange={(event) => onChange(event.currentTarget.checked)}
        />{' '}
        {t(channel === 'EMAIL' ? 'messaging.consent.email' : 'messaging.consent.sms')}
      </label>
      <span id={`${id}-state`} className="muted small">
        {state}
      </span>
    </div>
  );
}

/**
 * Whether the customer agreed to campaign e-mails and SMS. Those who may change the customer tick or untick it (the
 * server records it as set by hand); the others read it.
 */
export function ConsentControls({ customerId, readOnly }: { customerId: number; readOnly: boolean }) {
  const t = useT();
  const consentQuery = useConsent(customerId);
  const updateMutation = useUpdateConsent();

  let body;
  if (consentQuery.isPending) body = <p role="status">{t('app.loading')}</p>;
  else if (consentQuery.isError) {
    body = (
      <p role="alert" className="field-error">
        {errorSentence(t, consentQuery.error)}
      </p>
    );
  } else {
    // A channel the answer does not mention is one nobody asked about.
    const consent = { email: consentQuery.data.email ?? NOT_ASKED, sms: consentQuery.data.sms ?? NOT_ASKED };
    // While a change is saving, the box shows the value being saved.
    const saving = updateMutation.isPending ? updateMutation.variables.body : {};
    const emailChecked = (saving.emailOptIn ?? consent.email.optedIn) === true;
    const smsChecked = (saving.smsOptIn ?? consent.sms.optedIn) === true;
    const change = (patch: { emailOptIn: boolean } | { smsOptIn: boolean }) => {
      if (updateMutation.isPending) return;
      updateMutation.mutate({ customerId, body: patch });
    };
    body = (
      <>
        <ConsentLine
          channel="EMAIL"
          consent={consent.email}
          checked={emailChecked}
          disabled={readOnly || updateMutation.isPending}
          onChange={(optedIn) => change({ emailOptIn: optedIn })}
        />
        <ConsentLine
          channel="SMS"
          consent={consent.sms}
          checked={smsChecked}
          disabled={readOnly || updateMutation.isPending}
          onChange={(optedIn) => change({ smsOptIn: optedIn })}
        />
        {updateMutation.isError && (
          <p role="alert" className="field-error">
            {errorSentence(t, updateMutation.error)}
          </p>
        )}
      </>
    );
  }

  return (
    <fieldset className="consent">
      <legend>{t('messaging.consent.title')}</legend>
      <p className="field-hint">{t('messaging.consent.hint')}</p>
      {body}
    </fieldset>
  );
}
