import { useMemo } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { Role } from '@/lib/domain';
import { useT } from '@/lib/i18n';
import { useTeam } from '@/lib/team';
import { useTags } from '../api/list-tags';
import { filtersFromSearch } from '../lib/filters';
import { PipelineBoard } from './pipeline-board';
import { PipelineFilters } from './pipeline-filters';

export interface PipelineScreenProps {
  role: Role;
}

/**
 * The pipeline: customers by trade stage, moved along by dragging a card or with its "Move to…" list. A rep sees
 * their own customers (the API decides), managers and admins the whole store's, with each card's owner.
 */
export function PipelineScreen({ role }: PipelineScreenProps) {
  const t = useT();
  const [search, setSearch] = useSearchParams();
  const searchKey = search.toString();
  const filters = useMemo(() => filtersFromSearch(new URLSearchParams(searchKey), role), [searchKey, role]);
  const manager = role !== 'REP';
  const tags = useTags().data?.items ?? [];
  const team = useTeam(manager).data;
  const owners = useMemo(
    () => (manager ? new Map((team ?? []).map((member) => [member.id, member.name])) : undefined),
    [manager, team],
  );

  return (
    <div className="stack">
      <div className="page-title">
        <h1 id="pipeline-title">{t(manager ? 'pipeline.allTitle' : 'pipeline.title')}</h1>
        {/* The same filters, as the customer list. */}
        <Link to={searchKey ? `/customers?${searchKey}` : '/customers'}>{t('pipeline.asList')}</Link>
      </div>
      <p className="muted">{t('pipeline.intro')}</p>
      <PipelineFilters key={searchKey} search={search} tags={tags} team={manager ? (team ?? []) : null} onApply={setSearch} />
      <PipelineBoard filters={filters} owners={owners} />
    </div>
  );
}
