import { LoadMore } from '@/components/load-more';
import { QueryError } from '@/components/query-error';
import { useFormatters, useT } from '@/lib/i18n';
import { useCustomerMessages, type Message } from '../api/list-customer-messages';
import { firstLine, shortReason } from '../lib/message-text';
import { ChannelIcon, skipReasonLabel, statusLabel } from './message-labels';

function MessageRow({ message }: { message: Message }) {
  const t = useT();
  const format = useFormatters();
  const summary =
    message.subject?.trim() ||
    firstLine(message.body) ||
    (message.campaignId != null ? t('messaging.list.campaign') : t('messaging.list.noText'));
  const reason =
    message.status === 'SKIPPED' && message.skipReason
      ? skipReasonLabel(t, message.skipReason)
      : message.status === 'FAILED' || message.status === 'BOUNCED'
        ? shortReason(message.error, 120)
        : null;
  const who =
    message.direction === 'IN'
      ? null
      : message.senderName ??
        (message.campaignId != null
          ? t('messaging.list.byCampaign', { name: message.campaignName ?? '' })
          : null);
  return (
    <li className="message-row">
      <div className="message-row-head">
        <span className="message-channel">
          <ChannelIcon channel={message.channel} /> {t(`messaging.channel.${message.channel}`)}
        </span>
        <span className="muted small">{t(`messaging.direction.${message.direction}`)}</span>
        <span className={`status-chip message-status message-status-${message.status.toLowerCase()}`}>
          {statusLabel(t, message.status)}
        </span>
      </div>
      <p className="message-summary" title={summary}>
        {summary}
      </p>
      {reason && <p className="message-reason small">{t('messaging.list.reason', { reason })}</p>}
      <p className="muted small message-meta">
        {who && <span>{who} · </span>}
        <time dateTime={message.sentAt ?? message.createdAt}>{format.dateTime(message.sentAt ?? message.createdAt)}</time>
      </p>
    </li>
  );
}

/** The customer's e-mails and SMS, sent and received, newest first, with "Load more". */
export function MessageList({ customerId, labelledBy }: { customerId: number; labelledBy: string }) {
  const t = useT();
  const messagesQuery = useCustomerMessages(customerId);

  if (messagesQuery.isPending) return <p role="status">{t('app.loading')}</p>;
  if (messagesQuery.isLoadingError) {
    return <QueryError error={messagesQuery.error} onRetry={() => void messagesQuery.refetch()} />;
  }
  const messages = messagesQuery.data.pages.flatMap((page) => page.items);
  return (
    <>
      {messages.length === 0 ? (
        <p className="muted">{t('messaging.list.empty')}</p>
      ) : (
        <ul className="message-list" aria-labelledby={labelledBy}>
          {messages.map((message) => (
            <MessageRow key={message.id} message={message} />
          ))}
        </ul>
      )}
      <LoadMore query={messagesQuery} />
    </>
  );
}
