import { Fragment, useId, useMemo, useState, type KeyboardEvent, type ReactNode } from 'react';
import { Link } from 'react-router';
import {
  createColumnHelper,
  getCoreRowModel,
  useReactTable,
  type Column,
  type ColumnDef,
  type SortingState,
  type Updater,
  type VisibilityState,
} from '@tanstack/react-table';
import { Combobox } from '@/components/combobox';
import { SelectAllHeader, SelectCell } from '@/components/select-column';
import { PoolReturnTimer } from '@/components/pool-return-timer';
import { useFormatters, useT, type MessageKey, type Translate } from '@/lib/i18n';
import { ApiError, errorSentence } from '@/lib/problem';
import { STAGES, STARS, type Customer, type CustomerStage } from '../api/list-customers';
import type { Tag } from '../api/list-tags';
import { useRescheduleNextFollowUp } from '../api/reschedule-next-follow-up';
import { useSetListedCustomerTags } from '../api/set-listed-customer-tags';
import { usePendingCustomerUpdates, useUpdateListedCustomer } from '../api/update-listed-customer';
import { COLUMN_LABELS, OPTIONAL_COLUMNS, type ColumnSettings, type OptionalColumn } from '../lib/column-settings';
import { SORT_KEYS, type SortKey } from '../lib/filters';
import { GridCellSelect } from './grid-cell-select';
import { NextFollowUpCell } from './next-follow-up-cell';
import { TagChip } from './tag-chip';

export interface CustomersTableProps {
  customers: Customer[];
  sort: string;
  onSort: (sort: string) => void;
  selected: ReadonlySet<number>;
  onSelect: (ids: number[], selected: boolean) => void;
  busy: boolean;
  /** The store's users by id: given (to managers), the list has an owner column. */
  owners?: ReadonlyMap<number, string>;
  /** Which optional columns are shown, in what order (the person's own, from the column chooser). */
  columns?: ColumnSettings;
  /** Whether this person may change this customer's stage, stars and next follow-up right in the list. */
  canEdit?: (customer: Customer) => boolean;
  /** The store's time zone (the day a next follow-up moves to is the store's); default the browser's. */
  timeZone?: string;
  /** The store's tags: given, the tags of a customer one may change are changed in place. */
  tagOptions?: Tag[];
}

const column = createColumnHelper<Customer>();

function isSortKey(value: string): value is SortKey {
  return (SORT_KEYS as readonly string[]).includes(value);
}

/** A sortable column's header: a button ordering the list by the API's sort key (the server sorts). */
function SortHeader({ column: sorted, label }: { column: Column<Customer, unknown>; label: MessageKey }) {
  const t = useT();
  const direction = sorted.getIsSorted();
  return (
    <th scope="col" aria-sort={direction === 'desc' ? 'descending' : direction === 'asc' ? 'ascending' : undefined}>
      <button type="button" className="sort-button" onClick={sorted.getToggleSortingHandler()}>
        {t(label)}
        <span aria-hidden="true">{direction === 'desc' ? ' ↓' : direction === 'asc' ? ' ↑' : ''}</span>
      </button>
    </th>
  );
}

/**
 * A column's header or cell for its context. Called, not mounted as a component as flexRender would: the column
 * definitions are made again when the selection or the focused row changes, and a new component type would replace
 * the cell's elements (a box being clicked, a list being chosen from, the focus in it).
 */
function draw<Context>(template: ((context: Context) => ReactNode) | string | undefined, context: Context): ReactNode {
  return typeof template === 'function' ? template(context) : template;
}

function starsText(t: Translate, stars: number) {
  return t(`stars.${stars as 0 | 1 | 2 | 3}`);
}

function starGlyphs(stars: number) {
  return '★'.repeat(stars) + '☆'.repeat(3 - stars);
}

/**
 * The customer list as a data grid (TanStack Table: the columns defined once, header and cells drawn from its model;
 * the API sorts, by its sort keys). The person chooses and orders the optional columns; the tick box and the name
 * always come first. Stage and intention change in place for the customers the person may change: shown at once,
 * put back with a sentence if the server refuses (412: someone else changed the customer). Their native fields (and
 * the next follow-up's day field) mount when used: a light button until then, since 150 selects and day fields made
 * the page's first drawing block for 100 ms and more (GridCellSelect).
 *
 * Keyboard: the rows' names form one tab stop (roving tabindex); ↑/↓ move between rows, Home/End to the first and
 * last, Enter opens the customer, Space ticks the row.
 *
 * No row virtualisation: the list holds pages of 50 (PAGE_SIZE) and grows only when "Load more" is pressed, so a few
 * hundred rows at most are drawn; virtual rows would break the table's semantics (rows missing for screen readers and
 * in-page search) and the phone's card layout, whose rows have no fixed height.
 */
export function CustomersTable({
  customers,
  sort,
  onSort,
  selected,
  onSelect,
  busy,
  owners,
  columns: settings,
  canEdit,
  timeZone,
  tagOptions,
}: CustomersTableProps) {
  const t = useT();
  const format = useFormatters();
  const keysId = useId();
  // When the page was drawn: a follow-up planned before it is overdue.
  const [now] = useState(() => Date.now());
  // The row whose name is the list's tab stop.
  const [activeId, setActiveId] = useState<number | null>(null);
  const rovingId = customers.some((customer) => customer.id === activeId) ? activeId : (customers[0]?.id ?? null);
  const [problem, setProblem] = useState<((t: Translate) => string) | null>(null);
  const pending = usePendingCustomerUpdates();
  /** Why a change made in the list did not take, in words, named by the customer's name. */
  function sayFailed(customerId: number, error: Error) {
    const name = customers.find((listed) => listed.id === customerId)?.name ?? String(customerId);
    setProblem(() => (t: Translate) =>
      error instanceof ApiError && error.status === 412
        ? t('customers.grid.stale', { name })
        : t('customers.grid.failed', { name, reason: errorSentence(t, error) }),
    );
  }
  const update = useUpdateListedCustomer((error, { customer }) => sayFailed(customer.id, error));

  const zone = timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
  const reschedule = useRescheduleNextFollowUp((error, { customer }) => sayFailed(customer.id, error));
  const rescheduling = reschedule.isPending ? reschedule.variables.customer.id : null;
  const setTags = useSetListedCustomerTags((error, { customer }) => sayFailed(customer.id, error));
  const tagging = setTags.isPending ? setTags.variables.customer.id : null;

  function edit(customer: Customer, patch: Partial<Pick<Customer, 'stage' | 'stars'>>) {
    // One change of a row at a time: the next needs the version the first one makes.
    if (pending.has(customer.id)) return;
    setProblem(null);
    update.mutate({ customer, patch });
  }

  const sortKey = sort.replace(/^-/, '');
  const sorting: SortingState = isSortKey(sortKey) ? [{ id: sortKey, desc: sort.startsWith('-') }] : [];

  function handleSortingChange(updater: Updater<SortingState>) {
    const next = typeof updater === 'function' ? updater(sorting) : updater;
    const first = next[0];
    if (first) onSort(first.desc ? `-${first.id}` : first.id);
  }

  // The store's tags as the rows' pickers offer them: made once, not once a row.
  const tagChoices = useMemo(
    () => (tagOptions ?? []).map((tag) => ({ value: String(tag.id), label: tag.group ? `${tag.group}: ${tag.name}` : tag.name })),
    [tagOptions],
  );

  const columnDefs = useMemo(() => {
    const plainHeader = (label: MessageKey) => () => <th scope="col">{t(label)}</th>;
    const sortHeader = (label: MessageKey) =>
      function Header({ column: sorted }: { column: Column<Customer, unknown> }) {
        return <SortHeader column={sorted} label={label} />;
      };
    const editable = (customer: Customer) => canEdit?.(customer) ?? false;
    // The choices of the rows' stage and intention fields: made once, not once a row.
    const stageChoices = STAGES.map((option) => ({ value: option, label: t(`stage.${option}`) }));
    const starChoices = STARS.map((option) => ({ value: String(option), label: starsText(t, option) }));
    // `any`: columns of different value types in one list, as TanStack's own examples type them.
    const defs: Record<'select' | 'name' | OptionalColumn, ColumnDef<Customer, any>> = {
      select: column.display({
        id: 'select',
        enableHiding: false,
        header: ({ table }) => (
          <SelectAllHeader rows={table.getCoreRowModel().rows.map((row) => row.original)} selected={selected} onSelect={onSelect} />
        ),
        cell: ({ row }) => <SelectCell row={row.original} selected={selected} onSelect={onSelect} />,
      }),
      name: column.accessor('name', {
        id: 'name',
        enableHiding: false,
        // Names read best A→Z first; numbers and dates newest or highest first.
        sortDescFirst: false,
        header: sortHeader(COLUMN_LABELS.name),
        cell: ({ row: { original: customer } }) => (
          <th scope="row">
            <Link
              to={`/customers/${customer.id}`}
              data-row-link={customer.id}
              tabIndex={customer.id === rovingId ? 0 : -1}
            >
              {customer.name}
            </Link>
            {customer.companyName && <div className="muted small">{customer.companyName}</div>}
          </th>
        ),
      }),
      owner: column.accessor('ownerId', {
        id: 'owner',
        enableSorting: false,
        header: plainHeader(COLUMN_LABELS.owner),
        cell: ({ row: { original: customer } }) => (
          <td data-label={t(COLUMN_LABELS.owner)}>
            {customer.ownerId == null ? (
              <span className="muted">{t('customers.inPoolShort')}</span>
            ) : (
              // A deactivated owner is no longer in the team list: their number, not a blank.
              (owners?.get(customer.ownerId) ?? t('customers.ownerUnknown', { id: String(customer.ownerId) }))
            )}
          </td>
        ),
      }),
      stage: column.accessor('stage', {
        id: 'stage',
        enableSorting: false,
        header: plainHeader(COLUMN_LABELS.stage),
        cell: ({ row: { original: customer } }) => (
          <td data-label={t(COLUMN_LABELS.stage)} className="grid-edit-cell">
            {editable(customer) ? (
              <GridCellSelect
                label={t('customers.grid.stageOf', { name: customer.name })}
                buttonLabel={t('customers.grid.changeStage', { value: t(`stage.${customer.stage}`), name: customer.name })}
                value={customer.stage}
                options={stageChoices}
                busy={pending.has(customer.id)}
                onChange={(stage) => edit(customer, { stage: stage as CustomerStage })}
              />
            ) : (
              t(`stage.${customer.stage}`)
            )}
          </td>
        ),
      }),
      stars: column.accessor('stars', {
        id: 'stars',
        enableSorting: false,
        header: plainHeader(COLUMN_LABELS.stars),
        cell: ({ row: { original: customer } }) => (
          <td data-label={t(COLUMN_LABELS.stars)} className="grid-edit-cell">
            {editable(customer) ? (
              <GridCellSelect
                label={t('customers.grid.starsOf', { name: customer.name })}
                buttonLabel={t('customers.grid.changeStars', { value: starsText(t, customer.stars), name: customer.name })}
                value={String(customer.stars)}
                options={starChoices}
                display={<span aria-hidden="true">{starGlyphs(customer.stars)}</span>}
                busy={pending.has(customer.id)}
                onChange={(stars) => edit(customer, { stars: Number(stars) })}
              />
            ) : (
              <span aria-label={starsText(t, customer.stars)} title={starsText(t, customer.stars)}>
                {starGlyphs(customer.stars)}
              </span>
            )}
          </td>
        ),
      }),
      tags: column.accessor('tags', {
        id: 'tags',
        enableSorting: false,
        header: plainHeader(COLUMN_LABELS.tags),
        cell: ({ row: { original: customer } }) => (
          <td data-label={t(COLUMN_LABELS.tags)} className="grid-edit-cell">
            <span className="tag-list">
              {customer.tags.map((tag) => (
                <TagChip key={tag.id} tag={tag} />
              ))}
            </span>
            {editable(customer) && tagOptions && tagOptions.length > 0 && (
              <Combobox
                multiple
                label={t('customers.grid.tagsOf', { name: customer.name })}
                labelHidden
                triggerLabel={t('customers.grid.changeTags')}
                options={tagChoices}
                value={customer.tags.map((tag) => String(tag.id))}
                disabled={tagging === customer.id}
                onChange={(ids) => {
                  // One change of a row's tags at a time: each sends the whole set.
                  if (tagging !== null) return;
                  setProblem(null);
                  const chosen = ids.map(Number);
                  setTags.mutate({ customer, tags: tagOptions.filter((tag) => chosen.includes(tag.id)) });
                }}
                searchLabel={t('combobox.searchTags')}
                placeholder={t('customers.grid.changeTags')}
              />
            )}
          </td>
        ),
      }),
      poolReturn: column.accessor('poolReturn', {
        id: 'poolReturn',
        enableSorting: false,
        header: plainHeader(COLUMN_LABELS.poolReturn),
        cell: ({ row: { original: customer }, table }) => (
          <td data-label={t(COLUMN_LABELS.poolReturn)}>
            {customer.poolReturn ? (
              <PoolReturnTimer poolReturn={customer.poolReturn} poolId={customer.poolId} compact />
            ) : customer.ownerId === null && !table.getColumn('owner')?.getIsVisible() ? (
              // Said here unless the owner column says it already.
              t('customers.inPoolShort')
            ) : (
              '—'
            )}
          </td>
        ),
      }),
      score: column.accessor('potentialScore', {
        id: 'score',
        header: sortHeader(COLUMN_LABELS.score),
        cell: ({ row: { original: customer } }) => (
          <td className="number" data-label={t(COLUMN_LABELS.score)}>
            {format.number(customer.potentialScore)}
          </td>
        ),
      }),
      lastFollowUpAt: column.accessor('lastFollowUpAt', {
        id: 'lastFollowUpAt',
        header: sortHeader(COLUMN_LABELS.lastFollowUpAt),
        cell: ({ row: { original: customer } }) => (
          <td data-label={t(COLUMN_LABELS.lastFollowUpAt)}>
            {customer.lastFollowUpAt ? format.date(customer.lastFollowUpAt) : '—'}
          </td>
        ),
      }),
      nextFollowUpAt: column.accessor('nextFollowUpAt', {
        id: 'nextFollowUpAt',
        header: sortHeader(COLUMN_LABELS.nextFollowUpAt),
        cell: ({ row: { original: customer } }) => (
          <NextFollowUpCell
            customer={customer}
            label={t(COLUMN_LABELS.nextFollowUpAt)}
            now={now}
            timeZone={zone}
            // The plan belongs to the latest follow-up: without one there is nothing to move.
            movable={editable(customer) && customer.lastFollowUpAt != null}
            busy={rescheduling === customer.id}
            onMove={(moved, day) => {
              setProblem(null);
              reschedule.mutate({ customer: moved, day, timeZone: zone });
            }}
          />
        ),
      }),
      createdAt: column.accessor('createdAt', {
        id: 'createdAt',
        header: sortHeader(COLUMN_LABELS.createdAt),
        cell: ({ row: { original: customer } }) => (
          <td data-label={t(COLUMN_LABELS.createdAt)}>{format.date(customer.createdAt)}</td>
        ),
      }),
    };
    return [defs.select, defs.name, ...OPTIONAL_COLUMNS.map((id) => defs[id])];
    // `edit` reads only what these dependencies already cover.
  }, [t, format, now, owners, selected, onSelect, rovingId, canEdit, pending, zone, rescheduling, tagOptions, tagChoices, tagging]);

  // The tick box and the name always first; then the person's order. The owner column only for managers.
  const order = settings?.order ?? [...OPTIONAL_COLUMNS];
  const hidden = new Set(settings?.hidden ?? []);
  const columnOrder = ['select', 'name', ...order];
  const columnVisibility: VisibilityState = Object.fromEntries(
    OPTIONAL_COLUMNS.map((id) => [id, !hidden.has(id) && (id !== 'owner' || owners !== undefined)]),
  );

  const table = useReactTable({
    data: customers,
    columns: columnDefs,
    getRowId: (customer) => String(customer.id),
    getCoreRowModel: getCoreRowModel(),
    state: { sorting, columnOrder, columnVisibility },
    onSortingChange: handleSortingChange,
    manualSorting: true,
    // Numbers and dates highest or newest first (the name column says otherwise).
    sortDescFirst: true,
    enableMultiSort: false,
    enableSortingRemoval: false,
  });

  /** ↑/↓, Home/End and Space on a row's name; Enter is the link's own. */
  function handleKeyDown(event: KeyboardEvent<HTMLTableSectionElement>) {
    const target = event.target as HTMLElement;
    if (!target.matches('a[data-row-link]') || event.altKey || event.ctrlKey || event.metaKey) return;
    const links = [...event.currentTarget.querySelectorAll<HTMLAnchorElement>('a[data-row-link]')];
    const index = links.indexOf(target as HTMLAnchorElement);
    let next: number;
    switch (event.key) {
      case 'ArrowDown':
        next = Math.min(index + 1, links.length - 1);
        break;
      case 'ArrowUp':
        next = Math.max(index - 1, 0);
        break;
      case 'Home':
        next = 0;
        break;
      case 'End':
        next = links.length - 1;
        break;
      case ' ': {
        event.preventDefault();
        const id = Number(target.dataset.rowLink);
        onSelect([id], !selected.has(id));
        return;
      }
      default:
        return;
    }
    event.preventDefault();
    links[next]?.focus();
  }

  return (
    <div className="customers-grid">
      {problem && (
        <p role="alert" className="field-error">
          {problem(t)}
        </p>
      )}
      <div className="table-scroll table-cards customers-grid-scroll">
        <table
          aria-labelledby="customers-title"
          aria-describedby={keysId}
          aria-busy={busy}
          className={busy ? 'is-busy' : undefined}
        >
          <thead>
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id}>
                {group.headers.map((header) => (
                  <Fragment key={header.id}>{draw(header.column.columnDef.header, header.getContext())}</Fragment>
                ))}
              </tr>
            ))}
          </thead>
          <tbody onKeyDown={handleKeyDown}>
            {table.getRowModel().rows.map((row) => (
              <tr key={row.id} onFocus={() => setActiveId(row.original.id)}>
                {row.getVisibleCells().map((cell) => (
                  <Fragment key={cell.id}>{draw(cell.column.columnDef.cell, cell.getContext())}</Fragment>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p id={keysId} className="grid-keys muted small">
        {t('customers.grid.keys')}
      </p>
    </div>
  );
}
