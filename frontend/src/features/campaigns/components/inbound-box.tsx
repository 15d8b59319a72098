import { useEffect, useId, useRef, useState } from 'react';
import { Confirm } from '@/components/confirm';
import { useT } from '@/lib/i18n';
import { errorSentence } from '@/lib/problem';
import type { MessagingSettings } from '../api/get-messaging-settings';
import { useRotateInboundSecret, type InboundSecret } from '../api/rotate-inbound-secret';
import { CopyButton } from './copy-button';

/** An address to give a provider: read-only, selectable, with a copy button. */
function UrlRow({ label, copyLabel, url, hint }: { label: string; copyLabel: string; url: string; hint: string }) {
  const id = useId();
  const ref = useRef<HTMLInputElement>(null);
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <div className="copy-row">
        <input
          ref={ref}
          id={id}
          type="text"
          readOnly
          value={url}
          spellCheck={false}
          aria-describedby={`${id}-hint`}
          className="copy-row-value"
          onFocus={(event) => event.currentTarget.select()}
        />
        <CopyButton text={url} label={copyLabel} fieldRef={ref} />
      </div>
      <p id={`${id}-hint`} className="field-hint">
        {hint}
      </p>
    </div>
  );
}

/** The secret just made, shown this once; focus starts on it so it can be copied at once. "Done" forgets it. */
function NewSecretPanel({ secret, onDone }: { secret: InboundSecret; onDone: () => void }) {
  const t = useT();
  const id = useId();
  const ref = useRef<HTMLInputElement>(null);
  useEffect(() => {
    ref.current?.focus();
    ref.current?.select();
  }, []);
  return (
    <section aria-labelledby={`${id}-title`} className="new-inbound-secret">
      <h3 id={`${id}-title`}>{t('messagingSettings.inbound.newTitle')}</h3>
      <p id={`${id}-warning`} className="new-inbound-secret-warning">
        {t('messagingSettings.inbound.newWarning')}
      </p>
      <div className="field">
        <label htmlFor={`${id}-secret`}>{t('messagingSettings.inbound.secret')}</label>
        <div className="copy-row">
          <input
            ref={ref}
            id={`${id}-secret`}
            type="text"
            readOnly
            value={secret.secret}
            spellCheck={false}
            autoComplete="off"
            aria-describedby={`${id}-warning`}
            className="copy-row-value"
            onFocus={(event) => event.currentTarget.select()}
          />
          <CopyButton text={secret.secret} label={t('messagingSettings.inbound.copySecret')} fieldRef={ref} />
        </div>
      </div>
      <div className="form-actions">
        <button type="button" className="button-primary" onClick={onDone}>
          {t('messagingSettings.inbound.done')}
        </button>
      </div>
    </section>
  );
}

/** Where providers send delivery reports and replies, and the signing secret of the e-mail events. */
export function InboundBox({ settings }: { settings: MessagingSettings }) {
  const t = useT();
  const rotateMutation = useRotateInboundSecret();
  const [secret, setSecret] = useState<InboundSecret | null>(null);
  const [confirming, setConfirming] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const { inbound } = settings;

  function rotate() {
    rotateMutation.mutate(undefined, {
      onSuccess: (created) => {
        setConfirming(false);
        setSecret(created);
      },
      onError: () => setConfirming(false),
    });
  }

  function done() {
    setSecret(null);
    // The button is back in the panel's place.
    setTimeout(() => buttonRef.current?.focus(), 0);
  }

  return (
    <section aria-labelledby="messaging-inbound-title" className="card stack-tight">
      <h2 id="messaging-inbound-title">{t('messagingSettings.inbound.title')}</h2>
      <p className="muted">{t('messagingSettings.inbound.intro')}</p>
      <UrlRow
        label={t('messagingSettings.inbound.emailUrl')}
        copyLabel={t('messagingSettings.inbound.copyEmailUrl')}
        url={inbound.emailEventsUrl}
        hint={t('messagingSettings.inbound.emailUrlHint')}
      />
      <UrlRow
        label={t('messagingSettings.inbound.smsUrl')}
        copyLabel={t('messagingSettings.inbound.copySmsUrl')}
        url={inbound.smsCallbackUrl}
        hint={t('messagingSettings.inbound.smsUrlHint')}
      />
      {secret ? (
        <NewSecretPanel secret={secret} onDone={done} />
      ) : (
        <div className="stack-tight">
          <p>{inbound.emailSecretSet ? t('messagingSettings.inbound.secretSet') : t('messagingSettings.inbound.secretNone')}</p>
          {confirming ? (
            <Confirm
              title={t('messagingSettings.inbound.confirmTitle')}
              description={t('messagingSettings.inbound.confirmText')}
              confirmLabel={rotateMutation.isPending ? t('messagingSettings.inbound.creating') : t('messagingSettings.inbound.replace')}
              cancelLabel={t('common.cancel')}
              danger
              pending={rotateMutation.isPending}
              onConfirm={rotate}
              onCancel={() => {
                setConfirming(false);
                setTimeout(() => buttonRef.current?.focus(), 0);
              }}
            />
          ) : (
            <div>
              <button
                ref={buttonRef}
                type="button"
                aria-disabled={rotateMutation.isPending || undefined}
                onClick={() => {
                  if (rotateMutation.isPending) return;
                  // Replacing one stops the one the provider has: asked first.
                  if (inbound.emailSecretSet) setConfirming(true);
                  else rotate();
                }}
              >
                {rotateMutation.isPending
                  ? t('messagingSettings.inbound.creating')
                  : inbound.emailSecretSet
                    ? t('messagingSettings.inbound.replace')
                    : t('messagingSettings.inbound.create')}
              </button>
            </div>
          )}
          {rotateMutation.isError && (
            <p role="alert" className="field-error">
              {errorSentence(t, rotateMutation.error)}
            </p>
          )}
        </div>
      )}
    </section>
  );
}
