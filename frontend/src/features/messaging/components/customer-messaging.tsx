import { useId } from 'react';
import { useT } from '@/lib/i18n';
import type { components } from '@/lib/api/schema';
import { ComposeMessage } from './compose-message';
import { ConsentControls } from './consent-controls';
import { MessageList } from './message-list';

type Customer = components['schemas']['Customer'];

export interface CustomerMessagingProps {
  customer: Pick<Customer, 'id' | 'email' | 'mobile'>;
  /** The person may not change this customer (a rep's view of a pool customer): no compose box, consent read only. */
  readOnly: boolean;
  /** An administrator: a channel that is not set up links to Settings → Messaging. */
  canSetUp: boolean;
}

/**
 * E-mail and SMS on a customer's page: the compose box (for those who may change the customer), then the
 * customer's campaign consent and their messages, newest first. The app puts it beside the follow-ups.
 */
export function CustomerMessaging({ customer, readOnly, canSetUp }: CustomerMessagingProps) {
  const t = useT();
  const titleId = useId();
  return (
    <>
      {!readOnly && (
        <ComposeMessage
          // A page for another customer starts a fresh box.
          key={customer.id}
          customerId={customer.id}
          hasEmail={Boolean(customer.email?.trim())}
          hasMobile={Boolean(customer.mobile?.trim())}
          canSetUp={canSetUp}
        />
      )}
      <section aria-labelledby={titleId} className="card customer-messages">
        <h2 id={titleId}>{t('messaging.list.title')}</h2>
        <ConsentControls customerId={customer.id} readOnly={readOnly} />
        <MessageList customerId={customer.id} labelledBy={titleId} />
      </section>
    </>
  );
}
