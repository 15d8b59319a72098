import { Fragment, useState } from 'react';
import { Link } from 'react-router';
import { SelectAllHeader, SelectCell } from '@/components/select-column';
import { PoolReturnTimer } from '@/components/pool-return-timer';
import { useFormatters, useT, type MessageKey } from '@/lib/i18n';
import type { Customer } from '../api/list-customers';
import type { SortKey } from '../lib/filters';
import { TagChip } from './tag-chip';

const SORTABLE: { key: SortKey; label: MessageKey }[] = [
  { key: 'name', label: 'customers.column.name' },
  { key: 'score', label: 'customers.column.score' },
  { key: 'lastFollowUpAt', label: 'customers.column.lastFollowUp' },
  { key: 'nextFollowUpAt', label: 'customers.column.nextFollowUp' },
  { key: 'createdAt', label: 'customers.column.created' },
];

export interface CustomersTableProps {
  customers: Customer[];
  sort: string;
  onSort: (sort: string) => void;
  selected: ReadonlySet<number>;
  onSelect: (ids: number[], selected: boolean) => void;
  busy: boolean;
  /** The store's users by id: given (to managers), the list has an owner column. */
  owners?: ReadonlyMap<number, string>;
}

export function CustomersTable({ customers, sort, onSort, selected, onSelect, busy, owners }: CustomersTableProps) {
  const t = useT();
  const format = useFormatters();
  // When the page was drawn: a follow-up planned before it is overdue.
  const [now] = useState(() => Date.now());
  const sortKey = sort.replace(/^-/, '');
  const descending = sort.startsWith('-');

  function header(key: SortKey, label: MessageKey) {
    const active = sortKey === key;
    // Names read best A→Z first; numbers and dates newest or highest first.
    const next = active ? (descending ? key : `-${key}`) : key === 'name' ? key : `-${key}`;
    return (
      <th scope="col" aria-sort={active ? (descending ? 'descending' : 'ascending') : undefined}>
        <button type="button" className="sort-button" onClick={() => onSort(next)}>
          {t(label)}
          <span aria-hidden="true">{active ? (descending ? ' ↓' : ' ↑') : ''}</span>
        </button>
      </th>
    );
  }

  const [nameColumn, ...otherColumns] = SORTABLE;
  return (
    <div className="table-scroll table-cards">
      <table aria-labelledby="customers-title" aria-busy={busy} className={busy ? 'is-busy' : undefined}>
        <thead>
          <tr>
            <SelectAllHeader rows={customers} selected={selected} onSelect={onSelect} />
            {nameColumn && header(nameColumn.key, nameColumn.label)}
            {owners && <th scope="col">{t('customers.column.owner')}</th>}
            <th scope="col">{t('customers.column.stage')}</th>
            <th scope="col">{t('customers.column.stars')}</th>
            <th scope="col">{t('customers.column.tags')}</th>
            <th scope="col">{t('customers.column.poolReturn')}</th>
            {otherColumns.map((column) => (
              <Fragment key={column.key}>{header(column.key, column.label)}</Fragment>
            ))}
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
              {owners && (
                <td data-label={t('customers.column.owner')}>
                  {customer.ownerId == null ? (
                    <span className="muted">{t('customers.inPoolShort')}</span>
                  ) : (
                    // A deactivated owner is no longer in the team list: their number, not a blank.
                    (owners.get(customer.ownerId) ?? t('customers.ownerUnknown', { id: String(customer.ownerId) }))
                  )}
                </td>
              )}
              <td data-label={t('customers.column.stage')}>{t(`stage.${customer.stage}`)}</td>
              <td data-label={t('customers.column.stars')}>
                <span aria-label={t(`stars.${customer.stars as 0 | 1 | 2 | 3}`)} title={t(`stars.${customer.stars as 0 | 1 | 2 | 3}`)}>
                  {'★'.repeat(customer.stars) + '☆'.repeat(3 - customer.stars)}
                </span>
              </td>
              <td data-label={t('customers.column.tags')}>
                <span className="tag-list">
                  {customer.tags.map((tag) => (
                    <TagChip key={tag.id} tag={tag} />
                  ))}
                </span>
              </td>
              <td data-label={t('customers.column.poolReturn')}>
                {customer.poolReturn ? (
                  <PoolReturnTimer poolReturn={customer.poolReturn} compact />
                ) : customer.ownerId === null && !owners ? (
                  // Said here unless the owner column says it already.
                  t('customers.inPoolShort')
                ) : (
                  '—'
                )}
              </td>
              <td className="number" data-label={t('customers.column.score')}>
                {format.number(customer.potentialScore)}
              </td>
              <td data-label={t('customers.column.lastFollowUp')}>
                {customer.lastFollowUpAt ? format.date(customer.lastFollowUpAt) : '—'}
              </td>
              <td data-label={t('customers.column.nextFollowUp')}>
                {!customer.nextFollowUpAt ? (
                  '—'
                ) : Date.parse(customer.nextFollowUpAt) < now ? (
                  // Overdue: said in words as well as in colour.
                  <span className="follow-up-overdue">
                    {format.date(customer.nextFollowUpAt)} <span className="overdue-label">{t('customers.nextFollowUp.overdue')}</span>
                  </span>
                ) : (
                  format.date(customer.nextFollowUpAt)
                )}
              </td>
              <td data-label={t('customers.column.created')}>{format.date(customer.createdAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
