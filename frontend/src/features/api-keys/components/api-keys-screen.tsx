import { useEffect, useRef, useState } from 'react';
import { useT } from '@/lib/i18n';
import type { CreatedApiKey } from '../api/create-api-key';
import { ApiKeysTable } from './api-keys-table';
import { CreateApiKeyForm } from './create-api-key-form';
import { NewKeyPanel } from './new-key-panel';

/** Settings → API keys (administrators): the keys other systems use, their scopes, and revoking them. */
export function ApiKeysScreen() {
  const t = useT();
  // The secret of the key just created lives here only, until "Done": it is never read again.
  const [created, setCreated] = useState<CreatedApiKey | null>(null);
  const createRef = useRef<HTMLDivElement>(null);
  const focusForm = useRef(false);

  useEffect(() => {
    if (created || !focusForm.current) return;
    focusForm.current = false;
    // The form is back in the panel's place: ready for the next key.
    createRef.current?.querySelector<HTMLInputElement>('input[name="name"]')?.focus();
  }, [created]);

  function handleDone() {
    focusForm.current = true;
    setCreated(null);
  }

  return (
    <div className="stack">
      <div>
        <h1>{t('apiKeys.title')}</h1>
        <p className="muted">{t('apiKeys.intro')}</p>
      </div>
      <div ref={createRef}>
        {/* While a new secret is shown, no other key is made: the panel would lose it. */}
        {created ? (
          <NewKeyPanel created={created} onDone={handleDone} />
        ) : (
          <CreateApiKeyForm onCreated={setCreated} />
        )}
      </div>
      <section aria-labelledby="api-keys-list-title" className="card">
        <h2 id="api-keys-list-title">{t('apiKeys.listTitle')}</h2>
        <ApiKeysTable labelledBy="api-keys-list-title" />
      </section>
    </div>
  );
}
