import { Link } from 'react-router';
import { SelectAllHeader, SelectCell } from '@/components/select-column';
import { countryName } from '@/lib/countries';
import { useFormatters, useLocale, useT } from '@/lib/i18n';
import type { PoolCustomer } from '../api/list-pool';

export interface PoolTableProps {
  customers: PoolCustomer[];
  selected: ReadonlySet<number>;
  onSelect: (ids: number[], selected: boolean) => void;
  onClaim: (customer: PoolCustomer) => void;
  /** The customer whose one-click claim is under way. */
  claimingId: number | null;
  busy: boolean;
}

/** Masked values (j***@example.com) say so, so nobody copies stars into an email. */
function Contact({ value }: { value: string | null | undefined }) {
  const t = useT();
  if (!value) return <>—</>;
  if (!value.includes('*')) return <>{value}</>;
  return (
    <span className="masked" title={t('pool.masked')}>
      {value} <span className="visually-hidden">({t('pool.masked')})</span>
    </span>
  );
}

export function PoolTable({ customers, selected, onSelect, onClaim, claimingId, busy }: PoolTableProps) {
  const t = useT();
  const locale = useLocale();
  const format = useFormatters();
  return (
    <div className="table-scroll table-cards">
      <table aria-labelledby="pool-title" aria-busy={busy} className={busy ? 'is-busy' : undefined}>
        <thead>
          <tr>
            <SelectAllHeader rows={customers} selected={selected} onSelect={onSelect} />
            <th scope="col">{t('customers.column.name')}</th>
            <th scope="col">{t('customers.column.score')}</th>
            <th scope="col">{t('customers.column.stage')}</th>
            <th scope="col">{t('customers.column.stars')}</th>
            <th scope="col">{t('customers.field.country')}</th>
            <th scope="col">{t('customers.field.email')}</th>
            <th scope="col">{t('pool.column.phone')}</th>
            <th scope="col">{t('customers.column.lastFollowUp')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('pool.column.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {customers.map((customer) => (
            <tr key={customer.id}>
              <SelectCell row={customer} selected={selected} onSelect={onSelect} />
              <th scope="row">
                <Link to={`/customers/${customer.id}`}>{customer.name}</Link>
                {customer.companyName && <div className="muted small">{customer.companyName}</div>}
              </th>
              <td className="number" data-label={t('customers.column.score')}>
                {format.number(customer.potentialScore)}
              </td>
              <td data-label={t('customers.column.stage')}>{t(`stage.${customer.stage}`)}</td>
              <td data-label={t('customers.column.stars')}>
                <span title={t(`stars.${customer.stars as 0 | 1 | 2 | 3}`)}>
                  <span aria-hidden="true">{'★'.repeat(customer.stars) + '☆'.repeat(3 - customer.stars)}</span>
                  <span className="visually-hidden">{t(`stars.${customer.stars as 0 | 1 | 2 | 3}`)}</span>
                </span>
              </td>
              <td data-label={t('customers.field.country')}>{customer.country ? countryName(locale, customer.country) : '—'}</td>
              <td data-label={t('customers.field.email')}>
                <Contact value={customer.email} />
              </td>
              <td data-label={t('pool.column.phone')}>
                <Contact value={customer.mobile ?? customer.phone} />
              </td>
              <td data-label={t('customers.column.lastFollowUp')}>
                {customer.lastFollowUpAt ? format.date(customer.lastFollowUpAt) : '—'}
              </td>
              <td className="row-action">
                <button
                  type="button"
                  className="button-primary"
                  aria-label={t('pool.claim.one', { name: customer.name })}
                  aria-disabled={claimingId !== null || undefined}
                  onClick={() => {
                    if (claimingId === null) onClaim(customer);
                  }}
                >
                  {claimingId === customer.id ? t('pool.claim.pending') : t('pool.claim.button')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
