import { useEffect, useId, useRef, useState } from 'react';
import { Link } from 'react-router';
import { LoadMore } from '@/components/load-more';
import { QueryError } from '@/components/query-error';
import { TableScroll } from '@/components/table-scroll';
import { useFormatters, useT } from '@/lib/i18n';
import { RECIPIENT_STATUSES, useCampaignRecipients, type MessageStatus } from '../api/list-campaign-recipients';
import { RecipientStatusBadge } from './campaign-parts';
import { skipReasonLabel } from './dry-run-result';

/** Who the campaign went to and what became of each message, optionally of one status only. */
export function RecipientsTable({ campaignId, sending }: { campaignId: number; sending: boolean }) {
  const t = useT();
  const format = useFormatters();
  const id = useId();
  const [status, setStatus] = useState<MessageStatus | ''>('');
  const recipientsQuery = useCampaignRecipients(campaignId, status || undefined, sending);
  const { refetch } = recipientsQuery;
  const wasSending = useRef(sending);

  useEffect(() => {
    // Done (or cancelled) since the last read: the last statuses at once, not at the next poll that will not come.
    if (wasSending.current && !sending) void refetch();
    wasSending.current = sending;
  }, [sending, refetch]);

  let content;
  if (recipientsQuery.isPending) content = <p role="status">{t('app.loading')}</p>;
  else if (recipientsQuery.isLoadingError) {
    content = <QueryError error={recipientsQuery.error} onRetry={() => void recipientsQuery.refetch()} />;
  } else {
    const messages = recipientsQuery.data.pages.flatMap((page) => page.items);
    content =
      messages.length === 0 ? (
        <p className="muted">{status ? t('campaigns.recipients.noneOfStatus') : t('campaigns.recipients.none')}</p>
      ) : (
        <>
          <div className="table-cards table-cards-plain recipients-table">
            <TableScroll labelledBy={`${id}-title`}>
              <table aria-labelledby={`${id}-title`}>
                <thead>
                  <tr>
                    <th scope="col">{t('campaigns.recipients.column.customer')}</th>
                    <th scope="col">{t('campaigns.recipients.column.address')}</th>
                    <th scope="col">{t('campaigns.recipients.column.status')}</th>
                    <th scope="col">{t('campaigns.recipients.column.details')}</th>
                    <th scope="col">{t('campaigns.recipients.column.time')}</th>
                  </tr>
                </thead>
                <tbody>
                  {messages.map((message) => {
                    const when = message.sentAt ?? message.updatedAt;
                    return (
                      <tr key={message.id}>
                        <th scope="row">
                          <Link to={`/customers/${message.customerId}`}>{t('campaigns.recipients.customer', { name: message.customerName })}</Link>
                        </th>
                        <td data-label={t('campaigns.recipients.column.address')} className="wrap-anywhere">
                          {message.address || <span className="muted">—</span>}
                        </td>
                        <td data-label={t('campaigns.recipients.column.status')}>
                          <RecipientStatusBadge status={message.status} />
                        </td>
                        <td data-label={t('campaigns.recipients.column.details')} className="wrap-anywhere">
                          {message.skipReason ? skipReasonLabel(t, message.skipReason) : null}
                          {/* What the mail server or provider said, as it said it: diagnostics, not a message of the app's. */}
                          {message.error && <div className="small campaign-message-error">{message.error}</div>}
                          {!message.skipReason && !message.error && <span className="muted">—</span>}
                        </td>
                        <td data-label={t('campaigns.recipients.column.time')}>
                          <time dateTime={when} title={format.dateTime(when)}>
                            {format.dateTime(when)}
                          </time>
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </TableScroll>
          </div>
          <LoadMore query={recipientsQuery} />
        </>
      );
  }

  return (
    <section aria-labelledby={`${id}-title`} className="card">
      <h2 id={`${id}-title`}>{t('campaigns.recipients.title')}</h2>
      <div className="field campaign-recipients-filter">
        <label htmlFor={`${id}-status`}>{t('campaigns.recipients.status')}</label>
        <select id={`${id}-status`} value={status} onChange={(event) => setStatus(event.currentTarget.value as MessageStatus | '')}>
          <option value="">{t('campaigns.recipients.allStatuses')}</option>
          {RECIPIENT_STATUSES.map((option) => (
            <option key={option} value={option}>
              {t(`campaigns.recipientStatus.${option}`)}
            </option>
          ))}
        </select>
      </div>
      {content}
    </section>
  );
}
