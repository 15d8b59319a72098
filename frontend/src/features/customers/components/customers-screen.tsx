import { startTransition, useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { ExportButton } from '@/components/export-button';
import { LoadMore } from '@/components/load-more';
import { QueryError } from '@/components/query-error';
import { ListTotal } from '@/components/list-total';
import { useNotify } from '@/components/toast';
import { Link, useSearchParams } from 'react-router';
import type { Role } from '@/lib/domain';
import { useT, type Translate } from '@/lib/i18n';
import { useTeam } from '@/lib/team';
import { useSelection } from '@/lib/use-selection';
import type { BatchResult } from '../api/batch-customers';
import { useCustomersCount } from '../api/count-customers';
import { useCustomFields } from '../api/list-custom-fields';
import { useExportCustomers } from '../api/export-customers';
import { useCustomers, type Customer } from '../api/list-customers';
import { useTags, type Tag } from '../api/list-tags';
import { OPTIONAL_COLUMNS, useColumnSettings } from '../lib/column-settings';
import { filterToSearch, hasFilters, searchToFilter, searchToQuery, sortOf } from '../lib/filters';
import { BatchBar, batchResultText, type BatchSelection, type BatchTarget } from './batch-bar';
import { ColumnChooser } from './column-chooser';
import { CustomersTable } from './customers-table';
import { FilterPanel } from './filter-panel';
import { SavedViews } from './saved-views';
import { SelectAllMatching } from './select-all-matching';

export type { Role } from '@/lib/domain';
export type { BatchSelection } from './batch-bar';

/**
 * Another feature's form for the selection, offered in the batch bar as "Plan follow-ups…": the customers (ticked
 * ids or the filter), how many they are, and `close`: with what was done in words (shown as a batch's outcome, the
 * selection cleared), or without (the bar's own actions back).
 */
export type BatchPlanActionRender = (
  selection: BatchSelection,
  count: number,
  close: (said?: (t: Translate) => string) => void,
) => ReactNode;

/** What the customer list exports to: CSV, and Excel for those who open it there anyway. */
const EXPORT_FORMATS = ['csv', 'xlsx'] as const;
/** Before the store's tags arrive: one empty list, so the grid's columns are not made again on every drawing. */
const NO_TAGS: Tag[] = [];

/**
 * The customer list: screening, saved views, the sortable list and batch actions; filters live in the URL. A rep's
 * is "My customers"; a manager's is the whole store's, titled so and with each customer's owner. Batch actions
 * apply to the ticked rows, or to every customer the filter matches; `timeZone` (the store's) reads the filter's
 * days as the list does.
 */
export function CustomersScreen({
  role,
  me,
  timeZone,
  batchPlanAction,
}: {
  role: Role;
  me?: { id: number; name: string };
  timeZone?: string;
  batchPlanAction?: BatchPlanActionRender;
}) {
  const t = useT();
  const [search, setSearch] = useSearchParams();
  const searchKey = search.toString();
  const query = useMemo(() => searchToQuery(new URLSearchParams(searchKey)), [searchKey]);
  const customersQuery = useCustomers(query);
  const tags = useTags().data?.items ?? NO_TAGS;
  const customFields = useCustomFields().data?.items ?? [];
  const { selected, select, setSelected } = useSelection();
  // Every customer the filter matches is selected, not only the ticked ones.
  const [allMatching, setAllMatching] = useState(false);
  const notify = useNotify();
  const manager = role !== 'REP';
  const exporter = useExportCustomers();
  const team = useTeam(manager).data;
  const owners = useMemo(
    () => (manager ? new Map((team ?? []).map((member) => [member.id, member.name])) : undefined),
    [manager, team],
  );
  // The list's columns as this person chose them (kept per user in this browser).
  const columnSettings = useColumnSettings(me?.id);
  const availableColumns = manager ? OPTIONAL_COLUMNS : OPTIONAL_COLUMNS.filter((column) => column !== 'owner');
  // Stage and intention change in the list itself: a manager's or admin's for every customer, a rep's for their own.
  const meId = me?.id;
  const canEdit = useCallback(
    (customer: Customer) => manager || (meId !== undefined && customer.ownerId === meId),
    [manager, meId],
  );

  function clearSelection() {
    setSelected(new Set());
    setAllMatching(false);
  }

  function apply(next: URLSearchParams) {
    clearSelection();
    setSearch(next);
  }

  function handleBatchDone(result: BatchResult) {
    clearSelection();
    // Customers skipped are worth a note, not a cheer.
    notify({ message: batchResultText(t, result), tone: result.skipped.length > 0 ? 'info' : 'success' });
  }

  function setParam(key: string, value: string | null) {
    const next = new URLSearchParams(search);
    if (value === null) next.delete(key);
    else next.set(key, value);
    apply(next);
  }

  const pages = customersQuery.data?.pages;
  const customers = useMemo(() => pages?.flatMap((page) => page.items) ?? [], [pages]);
  const firstPage = customersQuery.data?.pages[0];
  const total = firstPage?.total;
  // Exact unless the first page's count reached its bound (includeTotal counts every match).
  const totalCapped = firstPage?.totalCapped === true;
  const busy = customersQuery.isFetching && !customersQuery.isFetchingNextPage;

  // While every match is selected, every loaded row shows ticked; unticking one goes back to ticked rows.
  const shownSelected: ReadonlySet<number> = allMatching ? new Set(customers.map((customer) => customer.id)) : selected;
  function handleSelect(ids: number[], on: boolean) {
    if (allMatching) {
      setAllMatching(false);
      setSelected(new Set(customers.map((customer) => customer.id)));
    }
    select(ids, on);
  }
  const pageSelected = customers.length > 0 && customers.every((customer) => shownSelected.has(customer.id));
  const moreThanShown = pageSelected && customersQuery.hasNextPage;
  // The first page's count when it is exact; else every match is counted when it is needed.
  const listTotal = totalCapped ? undefined : total;
  const countQuery = useCustomersCount(query, moreThanShown && listTotal == null);
  const matching = listTotal ?? countQuery.data;
  const target: BatchTarget | null =
    allMatching && matching != null
      ? { kind: 'filter', filter: searchToFilter(search, timeZone), count: matching }
      : shownSelected.size > 0
        ? { kind: 'ids', ids: [...shownSelected] }
        : null;

  // The grid's first drawing is a transition: React draws it in slices it may interrupt, so the first page of rows
  // arriving never blocks the page for one long task (Lighthouse's total blocking time on load was 200–300 ms,
  // most of it this drawing). Later changes (an edit shown at once, a tick) are drawn at once.
  const hasRows = customers.length > 0;
  const [gridDrawn, setGridDrawn] = useState(false);
  useEffect(() => {
    if (hasRows && !gridDrawn) startTransition(() => setGridDrawn(true));
  }, [hasRows, gridDrawn]);

  let body;
  if (customersQuery.isPending || (hasRows && !gridDrawn)) {
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
        selected={shownSelected}
        onSelect={handleSelect}
        busy={busy}
        owners={owners}
        columns={columnSettings.settings}
        canEdit={canEdit}
        timeZone={timeZone}
        tagOptions={tags}
      />
    );
  }

  return (
    <div className="stack">
      <div className="page-title">
        <h1 id="customers-title">{t(manager ? 'customers.allTitle' : 'customers.title')}</h1>
        <div className="page-actions">
          {/* Reps cannot export (the API refuses them). */}
          {manager && (
            <ExportButton
              formats={EXPORT_FORMATS}
              exporter={{
                ...exporter,
                pendingFormat: exporter.variables?.format,
                mutate: (format) => exporter.mutate({ query, format }),
              }}
            />
          )}
          <Link to="/customers/new" className="button-link">
            {t('customers.new')}
          </Link>
        </div>
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
          <ListTotal
            total={total}
            capped={totalCapped}
            updating={busy && !customersQuery.isPending}
            exactKey="customers.total"
            moreKey="customers.totalMore"
            onCountAll={() => setParam('includeTotal', 'true')}
          />
          <ColumnChooser control={columnSettings} available={availableColumns} />
        </div>
        {(moreThanShown || allMatching) && (
          <SelectAllMatching
            shown={customers.length}
            total={matching}
            allMatching={allMatching}
            onSelectAll={() => setAllMatching(true)}
          />
        )}
        {body}
        {/* After the list and sticky at the window's bottom: in view while a long list scrolls, under its last row at the end. */}
        {target && (
          <BatchBar
            className="batch-bar-sticky"
            target={target}
            tags={tags}
            role={role}
            me={me}
            onDone={handleBatchDone}
            onClear={clearSelection}
            planAction={
              batchPlanAction &&
              ((selection, count, close) =>
                batchPlanAction(selection, count, (said) => {
                  if (!said) return close();
                  clearSelection();
                  notify({ message: said(t), tone: 'success' });
                }))
            }
          />
        )}
        <LoadMore query={customersQuery} />
      </section>
    </div>
  );
}
