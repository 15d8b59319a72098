import { useMemo, useRef, useState } from 'react';
import { ExportButton } from '@/components/export-button';
import { LoadMore } from '@/components/load-more';
import { QueryError } from '@/components/query-error';
import { ListTotal } from '@/components/list-total';
import { useNotify } from '@/components/toast';
import { useHref, useNavigate, useSearchParams } from 'react-router';
import type { Role } from '@/lib/domain';
import { useT } from '@/lib/i18n';
import { useSelection } from '@/lib/use-selection';
import { errorMessage, isProblem } from '@/lib/problem';
import { useClaimCustomers } from '../api/claim-customers';
import { useExportPool } from '../api/export-pool';
import { usePool, type PoolCustomer } from '../api/list-pool';
import { usePools } from '@/lib/pools';
import { useTags } from '../api/list-tags';
import { hasFilters, searchToQuery } from '../lib/filters';
import { AssignBar } from './assign-bar';
import { MoveToPoolBar } from './move-to-pool-bar';
import { ClaimFailures, poolDoneText, type PoolOutcome } from './claim-feedback';
import { PoolFilterPanel } from './pool-filter-panel';
import { PoolSwitcher } from './pool-switcher';
import { PoolTable } from './pool-table';

export interface PoolScreenProps {
  role: Role;
  me: { id: number; name: string };
}

/** The pool ("high seas"): best potential first, one-click claim, claim or assign many. */
export function PoolScreen({ role, me }: PoolScreenProps) {
  const t = useT();
  const [search, setSearch] = useSearchParams();
  const searchKey = search.toString();
  const query = useMemo(() => searchToQuery(new URLSearchParams(searchKey)), [searchKey]);
  const poolQuery = usePool(query);
  const tags = useTags().data?.items ?? [];
  const pools = usePools().data?.items ?? [];
  const claimMutation = useClaimCustomers();
  const exporter = useExportPool();
  const { selected, select, setSelected } = useSelection();
  const notify = useNotify();
  const navigate = useNavigate();
  const mineHref = useHref('/customers');
  // What the last claim or assignment left out, and why.
  const [outcome, setOutcome] = useState<PoolOutcome | null>(null);
  // Names outlive the rows: claimed customers leave the list, the failures still name them.
  const names = useRef(new Map<number, string>()).current;

  const customers = poolQuery.data?.pages.flatMap((page) => page.items) ?? [];
  for (const customer of customers) names.set(customer.id, customer.name);

  function apply(next: URLSearchParams) {
    setSelected(new Set());
    setOutcome(null);
    setSearch(next);
  }

  /** What was done is said in a toast; what was not is listed, and stays selected for another try or another choice. */
  function finish(next: PoolOutcome) {
    const done = poolDoneText(t, next);
    if (done) {
      notify({
        message: done,
        tone: 'success',
        action:
          next.kind === 'claimed'
            ? { label: t('pool.claim.toMine'), altText: t('pool.claim.toMineAlt'), href: mineHref, onSelect: () => void navigate('/customers') }
            : undefined,
      });
    }
    setOutcome(next.failed.length > 0 ? next : null);
    setSelected(new Set(next.failed.map((failure) => failure.id)));
  }

  function claim(ids: number[]) {
    setOutcome(null);
    claimMutation.mutate(ids, {
      onSuccess: (result) => finish({ kind: 'claimed', done: result.claimed, failed: result.failed }),
      onError: (error) => {
        const [only] = ids;
        if (isProblem(error, 'already-claimed') && only !== undefined) {
          notify({ message: t('pool.claim.taken', { name: names.get(only) ?? `#${only}` }), tone: 'error' });
          setSelected(new Set());
        }
      },
    });
  }

  const total = poolQuery.data?.pages[0]?.total;
  const busy = poolQuery.isFetching && !poolQuery.isFetchingNextPage;
  const claimFailure =
    claimMutation.error && !isProblem(claimMutation.error, 'already-claimed') ? errorMessage(claimMutation.error) : null;
  const claimingId = claimMutation.isPending && claimMutation.variables.length === 1 ? (claimMutation.variables[0] ?? null) : null;
  const masked = customers.some((customer) => customer.email?.includes('*') || customer.phone?.includes('*') || customer.mobile?.includes('*'));

  let body;
  if (poolQuery.isPending) {
    body = (
      <p role="status" className="table-placeholder">
        {t('app.loading')}
      </p>
    );
  } else if (poolQuery.isLoadingError || (poolQuery.isRefetchError && customers.length === 0)) {
    body = <QueryError error={poolQuery.error} onRetry={() => void poolQuery.refetch()} />;
  } else if (customers.length === 0) {
    body = <p className="empty table-placeholder">{hasFilters(search) ? t('pool.emptyFiltered') : t('pool.empty')}</p>;
  } else {
    body = (
      <PoolTable
        customers={customers}
        selected={selected}
        onSelect={select}
        onClaim={(customer: PoolCustomer) => claim([customer.id])}
        claimingId={claimingId}
        busy={busy}
      />
    );
  }

  return (
    <div className="stack">
      <div className="page-title">
        <h1 id="pool-title">{t('pool.title')}</h1>
        {role !== 'REP' && <ExportButton exporter={{ ...exporter, mutate: () => exporter.mutate(query) }} />}
      </div>
      <p className="muted">{t('pool.intro')}</p>
      <PoolSwitcher
        pools={pools}
        value={search.get('poolId') ?? ''}
        onChange={(poolId) => {
          const next = new URLSearchParams(search);
          if (poolId) next.set('poolId', poolId);
          else next.delete('poolId');
          apply(next);
        }}
      />
      <PoolFilterPanel key={searchKey} search={search} tags={tags} onApply={apply} />
      <section aria-labelledby="pool-title" className="card">
        <div className="list-toolbar">
          <ListTotal
            total={total}
            capped={poolQuery.data?.pages[0]?.totalCapped}
            updating={busy && !poolQuery.isPending}
            exactKey="pool.total"
            moreKey="pool.totalMore"
            onCountAll={() => {
              const next = new URLSearchParams(search);
              next.set('includeTotal', 'true');
              apply(next);
            }}
          />
        </div>
        {masked && <p className="muted small">{t('pool.maskedNote')}</p>}
        {selected.size > 0 && (
          <div className="batch-bar" role="group" aria-label={t('pool.selection')}>
            <strong>{t('customers.batch.selected', { count: selected.size })}</strong>
            <button
              type="button"
              className="button-primary"
              disabled={claimMutation.isPending}
              onClick={() => claim([...selected])}
            >
              {claimMutation.isPending && claimingId === null
                ? t('pool.claim.pending')
                : t('pool.claim.selected', { count: selected.size })}
            </button>
            {role !== 'REP' && (
              <AssignBar
                selectedIds={[...selected]}
                role={role}
                me={me}
                onDone={(result, userName) => finish({ kind: 'assigned', done: result.assigned, failed: result.failed, userName })}
              />
            )}
            {role !== 'REP' && (
              <MoveToPoolBar
                selectedIds={[...selected]}
                pools={pools}
                onDone={(result, poolName) => {
                  notify({ message: t('pool.move.done', { count: result.moved.length, pool: poolName }), tone: 'success' });
                  setSelected(new Set());
                }}
              />
            )}
          </div>
        )}
        <div role="status" className="feedback">
          {outcome && <ClaimFailures outcome={outcome} names={names} />}
        </div>
        {claimFailure && (
          <p role="alert" className="form-alert">
            {t(claimFailure.key, claimFailure.params)}
          </p>
        )}
        {body}
        <LoadMore query={poolQuery} />
      </section>
    </div>
  );
}
