import { useEffect, useId, useRef, useState } from 'react';
import { useT } from '@/lib/i18n';
import type { CreatedWebhook } from '../api/create-webhook';
import { webhookName } from './webhook-parts';

/**
 * The signing secret of a webhook just added, shown this once. Focus starts on the secret, so it can be copied at
 * once (the warning is its description); "Done" forgets it.
 */
export function NewWebhookPanel({ created, onDone }: { created: CreatedWebhook; onDone: () => void }) {
  const t = useT();
  const id = useId();
  const secretRef = useRef<HTMLInputElement>(null);
  const [copy, setCopy] = useState<'copied' | 'failed' | null>(null);

  useEffect(() => {
    secretRef.current?.focus();
    secretRef.current?.select();
  }, []);

  async function handleCopy() {
    setCopy(null);
    try {
      await navigator.clipboard.writeText(created.secret);
      setCopy('copied');
    } catch {
      // No clipboard here (an insecure page, a refused permission): select it for the keyboard's copy.
      secretRef.current?.focus();
      secretRef.current?.select();
      setCopy('failed');
    }
  }

  return (
    <section aria-labelledby={`${id}-title`} className="card new-webhook">
      <h2 id={`${id}-title`}>{t('webhooks.created.title', { name: webhookName(created.webhook) })}</h2>
      <p id={`${id}-warning`} className="new-webhook-warning">
        {t('webhooks.created.warning')}
      </p>
      <div className="field">
        <label htmlFor={`${id}-secret`}>{t('webhooks.created.secret')}</label>
        <div className="new-webhook-secret">
          <input
            ref={secretRef}
            id={`${id}-secret`}
            type="text"
            readOnly
            value={created.secret}
            spellCheck={false}
            autoComplete="off"
            aria-describedby={`${id}-warning ${id}-verify`}
            className="webhook-secret"
            onFocus={(event) => event.currentTarget.select()}
          />
          <button type="button" onClick={() => void handleCopy()}>
            {t('webhooks.created.copy')}
          </button>
        </div>
        <p id={`${id}-verify`} className="field-hint">
          {t('webhooks.created.verify')}
        </p>
        <p className="field-hint">{t('webhooks.created.next')}</p>
      </div>
      <div className="form-actions">
        <button type="button" className="button-primary" onClick={onDone}>
          {t('webhooks.created.done')}
        </button>
        {/* Always rendered, so screen readers announce what appears in it. */}
        <span role="status" className={copy === 'failed' ? 'field-error' : 'muted'}>
          {copy === 'copied' ? t('webhooks.created.copied') : copy === 'failed' ? t('webhooks.created.copyFailed') : ''}
        </span>
      </div>
    </section>
  );
}
