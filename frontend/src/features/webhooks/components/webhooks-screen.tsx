import { useEffect, useRef, useState } from 'react';
import { useT } from '@/lib/i18n';
import type { CreatedWebhook } from '../api/create-webhook';
import { useWebhooks, type Webhook } from '../api/list-webhooks';
import { CreateWebhookForm } from './create-webhook-form';
import { DeliveryLog } from './delivery-log';
import { NewWebhookPanel } from './new-webhook-panel';
import { deliveriesButtonId } from './webhook-row';
import { WebhooksTable } from './webhooks-table';

/**
 * Settings → Webhooks (administrators): the endpoints this store's events are POSTed to, signed, and what became
 * of each delivery.
 */
export function WebhooksScreen() {
  const t = useT();
  // The secret of the webhook just added lives here only, until "Done": it is never read again.
  const [created, setCreated] = useState<CreatedWebhook | null>(null);
  const [logFor, setLogFor] = useState<number | null>(null);
  const createRef = useRef<HTMLDivElement>(null);
  const listTitleRef = useRef<HTMLHeadingElement>(null);
  const focusForm = useRef(false);
  // The subscription whose log is open, as the list has it now: gone (deleted) closes the log.
  const webhooksQuery = useWebhooks();
  const logWebhook = logFor === null ? undefined : webhooksQuery.data?.pages.flatMap((page) => page.items).find((item) => item.id === logFor);

  useEffect(() => {
    if (created || !focusForm.current) return;
    focusForm.current = false;
    // The form is back in the panel's place: ready for the next webhook.
    createRef.current?.querySelector<HTMLInputElement>('input[name="url"]')?.focus();
  }, [created]);

  function handleDone() {
    focusForm.current = true;
    setCreated(null);
  }

  function closeLog() {
    const id = logFor;
    setLogFor(null);
    if (id !== null) document.getElementById(deliveriesButtonId({ id }))?.focus();
  }

  function handleDeleted(webhook: Webhook) {
    if (logFor === webhook.id) setLogFor(null);
    // Its row, and the button that had focus, are gone.
    listTitleRef.current?.focus();
  }

  return (
    <div className="stack">
      <div>
        <h1>{t('webhooks.title')}</h1>
        <p className="muted">{t('webhooks.intro')}</p>
      </div>
      <div ref={createRef}>
        {/* While a new secret is shown, no other webhook is added: the panel would lose it. */}
        {created ? (
          <NewWebhookPanel created={created} onDone={handleDone} />
        ) : (
          <CreateWebhookForm onCreated={setCreated} />
        )}
      </div>
      <section aria-labelledby="webhooks-list-title" className="card">
        <h2 id="webhooks-list-title" ref={listTitleRef} tabIndex={-1}>
          {t('webhooks.listTitle')}
        </h2>
        <WebhooksTable
          labelledBy="webhooks-list-title"
          logFor={logWebhook ? logWebhook.id : null}
          onOpenLog={(webhook) => setLogFor(webhook.id)}
          onDeleted={handleDeleted}
        />
      </section>
      {logWebhook && <DeliveryLog key={logWebhook.id} webhook={logWebhook} onClose={closeLog} />}
    </div>
  );
}
