import { useMemo, useState } from 'react';
import { ExportButton } from '@/components/export-button';
import { LoadMore } from '@/components/load-more';
import { QueryError } from '@/components/query-error';
import { Link, useSearchParams } from 'react-router';
import type { Role } from '@/lib/domain';
import { useFormatters, useT, type Translate } from '@/lib/i18n';
import { useTeam } from '@/lib/team';
import { useSelection } from '@/lib/use-selection';
import type { BatchResult } from '../api/batch-customers';
import { useCustomFields } from '../api/list-custom-fields';
import { useExportCustomers } from '../api/export-customers';
import { useCustomers } from '../api/list-customers';
import { useTags } from '../api/list-tags';
import { filterToSearch, hasFilters, searchToQuery, sortOf } from '../lib/filters';
import { BatchBar, batchResultText } from './batch-bar';
import { CustomersTable } from './customers-table';
import { FilterPanel } from './filter-panel';
import { SavedViews } from './saved-views';

export type { Role } from '@/lib/domain';

/**
 * The customer list: screening, saved views, the sortable list and batch actions; filters live in the URL. A rep's
 * is "My customers"; a manager's is the whole store's, titled so and with each customer's owner.
 */
export function CustomersScreen({ role, me }: { role: Role; me?: { id: number; name: string } }) {
  const t = useT();
  const format = useFormatters();
  const [search, setSearch] = useSearchParams();
  const searchKey = search.toString();
  const query = useMemo(() => searchToQuery(new URLSearchParams(searchKey)), [searchKey]);
  const customersQuery = useCustomers(query);
  const tags = useTags().data?.items ?? [];
  const customFields = useCustomFields().data?.items ?? [];
  const { selected, select, setSelected } = useSelection();
  const [feedback, setFeedback] = useState<((t: Translate) => string) | null>(null);
  const manager = role !== 'REP';
  const exporter = useExportCustomers();
  const team = useTeam(manager).data;
  const owners = useMemo(
    () => (manager ? new Map((team ?? []).map((member) => [member.id, member.name])) : undefined),
    [manager, team],
  );

  function apply(next: URLSearchParams) {
    setSelected(new Set());
    setFeedback(null);
    setSearch(next);
  }

  function handleBatchDone(result: BatchResult) {
    setSelected(new Set());
    setFeedback(() => (t: Translate) => batchResultText(t, result));
  }

  function setParam(key: string, value: string | null) {
    const next = new URLSearchParams(search);
    if (value === null) next.delete(key);
    else next.set(key, value);
    apply(next);
  }

  const customers = customersQuery.data?.pages.flatMap((page) => page.items) ?? [];
  const total = customersQuery.data?.pages[0]?.total;
  const showTotal = search.get('includeTotal') === 'true';
  const busy = customersQuery.isFetching && !customersQuery.isFetchingNextPage;

  let body;
  if (customersQuery.isPending) {
    body = (
      <p role="status" className="table-placeholder">
        {t('app.loading')}
      </p>
    );
  } else if (customersQuery.isLoadingError || (customersQuery.isRefetchError && customers.length === 0)) {
    body = <QueryError error={customersQuery.error} onRetry={() => void customersQuery.refetch()} />;
  } else if (customers.length === 0) {
    body = (
      <div className="empty table-placeholder">
        <p>{hasFilters(search) ? t('customers.emptyFiltered') : t('customers.empty')}</p>
        <Link to="/customers/new">{t('customers.new')}</Link>
      </div>
    );
  } else {
    body = (
      <CustomersTable
        customers={customers}
        sort={sortOf(search)}
        onSort={(sort) => setParam('sort', sort)}
        selected={selected}
        onSelect={select}
        busy={busy}
        owners={owners}
      />
    );
  }

  return (
    <div className="stack">
      <div className="page-title">
        <h1 id="customers-title">{t(manager ? 'customers.allTitle' : 'customers.title')}</h1>
        <Link to="/customers/new" className="button-link">
          {t('customers.new')}
        </Link>
        {/* Reps cannot export (the API refuses them). */}
        {manager && <ExportButton exporter={{ ...exporter, mutate: () => exporter.mutate(query) }} />}
      </div>
      <FilterPanel
        key={searchKey}
        search={search}
        canScreenOwners={manager}
        tags={tags}
        customFields={customFields}
        onApply={apply}
      />
      <SavedViews search={search} onApply={(view) => apply(filterToSearch(view.filter, view.sort))} />
      <section aria-labelledby="customers-title" className="card">
        <div className="list-toolbar">
          <label>
            <input
              type="checkbox"
              checked={showTotal}
              onChange={(event) => setParam('includeTotal', event.target.checked ? 'true' : null)}
            />{' '}
            {t('customers.showTotal')}
          </label>
          {/* Always rendered with a fixed height, so what appears in it is announced and nothing jumps. */}
          <span role="status" className="list-status">
            {busy && !customersQuery.isPending
              ? t('customers.updating')
              : showTotal && total != null
                ? t('customers.total', { count: format.number(total) })
                : ''}
          </span>
        </div>
        {selected.size > 0 && (
          <BatchBar selectedIds={[...selected]} tags={tags} role={role} me={me} onDone={handleBatchDone} />
        )}
        <div role="status" className="feedback">
          {feedback?.(t)}
        </div>
        {body}
        <LoadMore query={customersQuery} />
      </section>
    </div>
  );
}
