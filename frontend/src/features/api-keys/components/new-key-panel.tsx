import { useEffect, useId, useRef, useState } from 'react';
import { useT } from '@/lib/i18n';
import type { CreatedApiKey } from '../api/create-api-key';

/**
 * The secret of a key just created, shown this once: Harbor keeps only its hash. Focus starts on the secret, so it
 * can be copied at once (the warning is its description); "Done" forgets it.
 */
export function NewKeyPanel({ created, onDone }: { created: CreatedApiKey; onDone: () => void }) {
  const t = useT();
  const id = useId();
  const tokenRef = useRef<HTMLInputElement>(null);
  const [copy, setCopy] = useState<'copied' | 'failed' | null>(null);

  useEffect(() => {
    tokenRef.current?.focus();
    tokenRef.current?.select();
  }, []);

  async function handleCopy() {
    setCopy(null);
    try {
      await navigator.clipboard.writeText(created.token);
      setCopy('copied');
    } catch {
      // No clipboard here (an insecure page, a refused permission): select it for the keyboard's copy.
      tokenRef.current?.focus();
      tokenRef.current?.select();
      setCopy('failed');
    }
  }

  return (
    <section aria-labelledby={`${id}-title`} className="card new-api-key">
      <h2 id={`${id}-title`}>{t('apiKeys.created.title', { name: created.apiKey.name })}</h2>
      <p id={`${id}-warning`} className="new-api-key-warning">
        {t('apiKeys.created.warning')}
      </p>
      <div className="field">
        <label htmlFor={`${id}-token`}>{t('apiKeys.created.token')}</label>
        <div className="new-api-key-token">
          <input
            ref={tokenRef}
            id={`${id}-token`}
            type="text"
            readOnly
            value={created.token}
            spellCheck={false}
            autoComplete="off"
            aria-describedby={`${id}-warning ${id}-usage`}
            className="api-key-secret"
            onFocus={(event) => event.currentTarget.select()}
          />
          <button type="button" onClick={() => void handleCopy()}>
            {t('apiKeys.created.copy')}
          </button>
        </div>
        <p id={`${id}-usage`} className="field-hint">
          {t('apiKeys.created.usage')}
        </p>
      </div>
      <div className="form-actions">
        <button type="button" className="button-primary" onClick={onDone}>
          {t('apiKeys.created.done')}
        </button>
        {/* Always rendered, so screen readers announce what appears in it. */}
        <span role="status" className={copy === 'failed' ? 'field-error' : 'muted'}>
          {copy === 'copied' ? t('apiKeys.created.copied') : copy === 'failed' ? t('apiKeys.created.copyFailed') : ''}
        </span>
      </div>
    </section>
  );
}
