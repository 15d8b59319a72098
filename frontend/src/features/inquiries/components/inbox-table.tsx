import { Link } from 'react-router';
import type { Role } from '@/lib/domain';
import { useFormatters, useT } from '@/lib/i18n';
import type { InboxInquiry } from '../api/list-inbox';
import { channelName, ContactValue, excerpt, OwnerChangedBadge } from './inbox-row-parts';

/**
 * The inbox as a table (cards on a phone): whose customer each inquiry went to, when and how it came, what was asked,
 * who sent it, and the customer's owner now, with the owner-changed insight.
 */
export function InboxTable({ items, labelledBy, role, timeZone }: { items: InboxInquiry[]; labelledBy: string; role: Role; timeZone?: string }) {
  const t = useT();
  const format = useFormatters();
  return (
    <div className="table-scroll table-cards table-cards-plain">
      <table aria-labelledby={labelledBy} className="inbox-table">
        <thead>
          <tr>
            <th scope="col">{t('inbox.column.customer')}</th>
            <th scope="col">{t('inbox.column.received')}</th>
            <th scope="col">{t('inbox.column.channel')}</th>
            <th scope="col">{t('inbox.column.inquiry')}</th>
            <th scope="col">{t('inbox.column.contact')}</th>
            <th scope="col">{t('inbox.column.owner')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map(({ inquiry, customer, ownerChanged, previousOwnerId, previousOwnerName }) => {
            const { contact } = inquiry;
            // A rep reads a pool customer's contacts masked: never offered as links, whatever they look like.
            const masked = role === 'REP' && customer.inPool;
            return (
              <tr key={inquiry.id}>
                <th scope="row">
                  <Link to={`/customers/${customer.id}`}>{customer.name}</Link>
                  {inquiry.repeat && <span className="tag-chip inquiry-repeat">{t('inbox.returning')}</span>}
                  {customer.companyName && <span className="inbox-sub muted small">{customer.companyName}</span>}
                </th>
                <td data-label={t('inbox.column.received')}>
                  <time dateTime={inquiry.receivedAt}>{format.dateTime(inquiry.receivedAt, timeZone)}</time>
                </td>
                <td data-label={t('inbox.column.channel')}>{channelName(t, inquiry.channel)}</td>
                <td data-label={t('inbox.column.inquiry')} className="inbox-inquiry">
                  {inquiry.product && <strong>{inquiry.product}</strong>}
                  {inquiry.matchedProduct && (
                    <span className="inbox-sub">
                      <span className="muted small">{t('inbox.matched')}</span>{' '}
                      <Link to={`/products/${inquiry.matchedProduct.id}`} className="sku">
                        {inquiry.matchedProduct.sku}
                      </Link>
                    </span>
                  )}
                  {inquiry.message && (
                    <span className="inbox-sub inbox-message" title={inquiry.message}>
                      {excerpt(inquiry.message)}
                    </span>
                  )}
                  {!inquiry.product && !inquiry.message && <span className="muted">{t('inbox.noText')}</span>}
                </td>
                <td data-label={t('inbox.column.contact')} className="inbox-contact">
                  <span>{contact.name}</span>
                  {contact.companyName && <span className="inbox-sub muted small">{contact.companyName}</span>}
                  {contact.email && (
                    <span className="inbox-sub small">
                      <ContactValue value={contact.email} kind="email" masked={masked} />
                    </span>
                  )}
                  {(contact.mobile ?? contact.phone) && (
                    <span className="inbox-sub small">
                      <ContactValue value={(contact.mobile ?? contact.phone) as string} kind="phone" masked={masked} />
                    </span>
                  )}
                </td>
                <td data-label={t('inbox.column.owner')}>
                  {customer.inPool || customer.ownerId === null ? t('inbox.inPool') : customer.ownerName}
                  {ownerChanged && (
                    <span className="inbox-sub">
                      <OwnerChangedBadge previousOwnerId={previousOwnerId} previousOwnerName={previousOwnerName} />
                    </span>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
