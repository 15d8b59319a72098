import { Link } from 'react-router';
import { useT } from '@/lib/i18n';
import type { InboxInquiry } from '../api/list-inbox';
import type { InquiryResult } from '../api/receive-inquiry';
import { OwnerChangedBadge } from './inbox-row-parts';

/**
 * What logging an inquiry came to, in words: a new buyer's customer made (in the pool), or a returning buyer's
 * counted on their customer, and whether that buyer's owner changed since their previous inquiry. The customer's and
 * the previous owner's names come from the refreshed inbox, where the inquiry now is.
 */
export function InquiryOutcome({ result, contactName, inbox }: { result: InquiryResult; contactName: string; inbox: readonly InboxInquiry[] }) {
  const t = useT();
  const listed = inbox.find((item) => item.inquiry.id === result.inquiryId);
  // A new buyer's customer is named after the contact.
  const name = listed?.customer.name ?? (result.repeat ? null : contactName);
  let words;
  if (!result.repeat) words = result.inPool ? t('inbox.outcome.newInPool') : t('inbox.outcome.new');
  else if (name) words = t('inbox.outcome.returning', { name, count: result.inquiryCount });
  else words = t('inbox.outcome.returningUnnamed', { count: result.inquiryCount });
  return (
    <div className="stack inquiry-outcome">
      <p>{words}</p>
      {result.ownerChanged && (
        <p>
          <OwnerChangedBadge
            previousOwnerId={result.previousOwnerId}
            previousOwnerName={listed?.previousOwnerName ?? null}
          />
        </p>
      )}
      <p>
        <Link to={`/customers/${result.customerId}`}>
          {name ? t('inbox.outcome.open', { name }) : t('inbox.outcome.openUnnamed')}
        </Link>
      </p>
    </div>
  );
}
