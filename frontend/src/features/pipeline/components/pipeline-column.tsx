import { useDroppable } from '@dnd-kit/core';
import { QueryError } from '@/components/query-error';
import type { CustomerStage } from '@/lib/domain';
import { useFormatters, useT } from '@/lib/i18n';
import { errorMessage } from '@/lib/problem';
import { columnCustomers, useColumn, useLostCount, type Customer } from '../api/list-column';
import type { MoveTarget } from '../api/move-customer';
import type { BoardFilters } from '../lib/filters';
import { dropId, LOST_ZONE } from '../lib/drop';
import { PipelineCard, type FocusPart } from './pipeline-card';

export function toggleId(stage: CustomerStage): string {
  return `pipeline-toggle-${stage}`;
}

/** A count as a badge, and in words for whoever does not see the badge. */
function Count({ count }: { count: number | null | undefined }) {
  const t = useT();
  const format = useFormatters();
  if (count == null) {
    return (
      <span className="pipeline-count" aria-hidden="true">
        …
      </span>
    );
  }
  return (
    <>
      <span className="pipeline-count" aria-hidden="true">
        {format.number(count)}
      </span>
      <span className="visually-hidden">{t('pipeline.column.count', { count })}</span>
    </>
  );
}

export interface PipelineColumnProps {
  stage: CustomerStage;
  filters: BoardFilters;
  owners?: ReadonlyMap<number, string>;
  collapsed: boolean;
  onToggle: () => void;
  /** A card waiting for its lost reason: off the board until the dialog is confirmed or cancelled. */
  hiddenId: number | null;
  pendingIds: ReadonlySet<number>;
  focus: { id: number; part: FocusPart } | null;
  onFocused: () => void;
  now: number;
  onMove: (customer: Customer, to: MoveTarget, via: 'select') => void;
}

/** One stage: its count, the first page of its customers, "Show more"; a drop target for cards. */
export function PipelineColumn({
  stage,
  filters,
  owners,
  collapsed,
  onToggle,
  hiddenId,
  pendingIds,
  focus,
  onFocused,
  now,
  onMove,
}: PipelineColumnProps) {
  const t = useT();
  const query = useColumn(stage, filters);
  const { setNodeRef, isOver } = useDroppable({ id: dropId(stage) });
  const all = columnCustomers(query.data);
  const customers = all.filter((customer) => customer.id !== hiddenId);
  const total = query.data?.pages[0]?.total;
  const count = total == null ? null : total - (all.length - customers.length);
  const label = t(`stage.${stage}`);
  const bodyId = `pipeline-column-${stage}`;
  const moreFailure = query.isFetchNextPageError ? errorMessage(query.error) : null;

  let body;
  if (query.isPending) {
    body = (
      <p role="status" className="muted small">
        {t('app.loading')}
      </p>
    );
  } else if (query.isError && customers.length === 0 && !query.isFetchNextPageError) {
    body = <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  } else if (customers.length === 0) {
    body = <p className="muted small pipeline-empty">{t('pipeline.column.empty')}</p>;
  } else {
    body = (
      <ul className="pipeline-cards">
        {customers.map((customer) => (
          <li key={customer.id}>
            <PipelineCard
              customer={customer}
              owners={owners}
              pending={pendingIds.has(customer.id)}
              now={now}
              focus={focus !== null && focus.id === customer.id ? focus.part : null}
              onFocused={onFocused}
              onMove={(moved, to) => onMove(moved, to, 'select')}
            />
          </li>
        ))}
      </ul>
    );
  }

  return (
    <section ref={setNodeRef} aria-label={label} className={`pipeline-column${isOver ? ' is-over' : ''}`}>
      <h2 className="pipeline-column-title">
        <button type="button" id={toggleId(stage)} aria-expanded={!collapsed} aria-controls={bodyId} onClick={onToggle}>
          <span className="pipeline-chevron" aria-hidden="true">
            {collapsed ? '▸' : '▾'}
          </span>
          <span className="pipeline-column-name">{label}</span> <Count count={count} />
        </button>
      </h2>
      <div id={bodyId} hidden={collapsed} className="pipeline-column-body">
        {body}
        {moreFailure && (
          <p role="alert" className="field-error">
            {t(moreFailure.key, moreFailure.params)}
          </p>
        )}
        {query.hasNextPage && (
          <button
            type="button"
            className="pipeline-more"
            aria-label={query.isFetchingNextPage ? undefined : t('pipeline.column.moreIn', { stage: label })}
            aria-disabled={query.isFetchingNextPage || undefined}
            onClick={() => {
              if (!query.isFetchingNextPage) void query.fetchNextPage();
            }}
          >
            {query.isFetchingNextPage ? t('pipeline.column.loadingMore') : t('pipeline.column.more')}
          </button>
        )}
      </div>
    </section>
  );
}

/** The drop target at the end of the board: dropping a card here asks for a reason, then marks the customer lost. */
export function LostZone({ filters }: { filters: BoardFilters }) {
  const t = useT();
  const { setNodeRef, isOver } = useDroppable({ id: LOST_ZONE });
  const lostQuery = useLostCount(filters);
  const label = t('pipeline.lost.title');
  return (
    <section ref={setNodeRef} aria-label={label} className={`pipeline-column pipeline-lost${isOver ? ' is-over' : ''}`}>
      <h2 className="pipeline-column-title">
        <span className="pipeline-column-name">{label}</span>{' '}
        <Count count={lostQuery.isError ? null : lostQuery.data?.total} />
      </h2>
      <p className="muted small">{t('pipeline.lost.hint')}</p>
    </section>
  );
}
