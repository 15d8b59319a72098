import { LoadMore } from '@/components/load-more';
import { QueryError } from '@/components/query-error';
import { useFormatters, useT, type Translate } from '@/lib/i18n';
import { INQUIRY_CHANNELS, useInquiries, type InquiryChannel } from '../api/list-inquiries';

function channelName(t: Translate, channel: InquiryChannel): string {
  return (INQUIRY_CHANNELS as readonly string[]).includes(channel) ? t(`inquiries.channel.${channel}`) : channel;
}

/** The customer's inbound inquiries, newest first, repeat ones marked. */
export function Inquiries({ customerId }: { customerId: number }) {
  const t = useT();
  const format = useFormatters();
  const inquiriesQuery = useInquiries(customerId);

  let body;
  if (inquiriesQuery.isPending) body = <p role="status">{t('app.loading')}</p>;
  else if (inquiriesQuery.isLoadingError) body = <QueryError error={inquiriesQuery.error} onRetry={() => void inquiriesQuery.refetch()} />;
  else {
    const inquiries = inquiriesQuery.data.pages.flatMap((page) => page.items);
    body =
      inquiries.length === 0 ? (
        <p className="muted">{t('inquiries.empty')}</p>
      ) : (
        <ol className="timeline" aria-label={t('inquiries.title')}>
          {inquiries.map((inquiry) => (
            <li key={inquiry.id} className="timeline-event">
              <div className="timeline-meta">
                <time dateTime={inquiry.receivedAt}>{format.dateTime(inquiry.receivedAt)}</time>
                <span> · {channelName(t, inquiry.channel)}</span>
                {inquiry.repeat && <span className="tag-chip inquiry-repeat">{t('inquiries.repeat')}</span>}
              </div>
              {inquiry.product && <strong>{t('inquiries.product', { product: inquiry.product })}</strong>}
              {inquiry.message && <p className="timeline-content">{inquiry.message}</p>}
              <p className="muted small">
                {t('inquiries.from', { name: inquiry.contact.name })}
                {inquiry.repeat &&
                  ` · ${inquiry.ownerName ? t('inquiries.ownerThen', { name: inquiry.ownerName }) : t('inquiries.poolThen')}`}
              </p>
            </li>
          ))}
        </ol>
      );
  }

  return (
    <section aria-labelledby={`inquiries-${customerId}`} className="card">
      <h2 id={`inquiries-${customerId}`}>{t('inquiries.title')}</h2>
      {body}
      <LoadMore query={inquiriesQuery} />
    </section>
  );
}
