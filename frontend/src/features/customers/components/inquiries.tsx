import { useId } from 'react';
import { Link } from 'react-router';
import { LoadMore } from '@/components/load-more';
import { QueryError } from '@/components/query-error';
import { StockBadge } from '@/components/stock-badge';
import { useFormatters, useT } from '@/lib/i18n';
import { inquiryChannelName } from '@/lib/domain';
import { useInquiries, type Inquiry, type ProductRef } from '../api/list-inquiries';

/** "LED panel light 600x600 40W (LP-6060-40)", to the product's page; marked when it is no longer offered. */
function ProductLink({ product }: { product: ProductRef }) {
  const t = useT();
  return (
    <>
      <Link to={`/products/${product.id}`}>
        {product.name} (<span className="sku">{product.sku}</span>)
      </Link>
      {!product.active && <span className="tag-chip inactive-chip">{t('products.inactive')}</span>}
    </>
  );
}

/** The catalogue products the inquiries were matched to, each once, most recently asked first, with how often. */
function askedProducts(inquiries: readonly Inquiry[]): { product: ProductRef; count: number }[] {
  const byId = new Map<number, { product: ProductRef; count: number }>();
  for (const { matchedProduct } of inquiries) {
    if (!matchedProduct) continue;
    const seen = byId.get(matchedProduct.id);
    if (seen) seen.count += 1;
    else byId.set(matchedProduct.id, { product: matchedProduct, count: 1 });
  }
  return [...byId.values()];
}

function ProductsAsked({ inquiries }: { inquiries: readonly Inquiry[] }) {
  const t = useT();
  const titleId = useId();
  const asked = askedProducts(inquiries);
  if (asked.length === 0) return null;
  return (
    <div className="inquiry-products">
      <h3 id={titleId}>{t('inquiries.productsAsked')}</h3>
      <ul aria-labelledby={titleId}>
        {asked.map(({ product, count }) => (
          <li key={product.id}>
            <ProductLink product={product} />
            {count > 1 && <span className="muted"> · {t('inquiries.askedTimes', { count })}</span>}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The customer's inbound inquiries, newest first, repeat ones marked, each with the catalogue product it matched. */
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
        <>
          <ProductsAsked inquiries={inquiries} />
          <ol className="timeline" aria-label={t('inquiries.title')}>
            {inquiries.map((inquiry) => (
              <li key={inquiry.id} className="timeline-event">
                <div className="timeline-meta">
                  <time dateTime={inquiry.receivedAt}>{format.dateTime(inquiry.receivedAt)}</time>
                  <span> · {inquiryChannelName(t, inquiry.channel)}</span>
                  {inquiry.repeat && <span className="tag-chip inquiry-repeat">{t('inquiries.repeat')}</span>}
                </div>
                {inquiry.product && <strong>{t('inquiries.product', { product: inquiry.product })}</strong>}
                {inquiry.matchedProduct && (
                  <p className="inquiry-match">
                    <span className="muted">{t('inquiries.matched')}</span> <ProductLink product={inquiry.matchedProduct} />
                    {' · '}
                    <StockBadge stock={inquiry.matchedProduct.stock} />
                  </p>
                )}
                {inquiry.message && <p className="timeline-content">{inquiry.message}</p>}
                <p className="muted small">
                  {t('inquiries.from', { name: inquiry.contact.name })}
                  {inquiry.repeat &&
                    ` · ${inquiry.ownerName ? t('inquiries.ownerThen', { name: inquiry.ownerName }) : t('inquiries.poolThen')}`}
                </p>
              </li>
            ))}
          </ol>
        </>
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
