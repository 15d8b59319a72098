import type { FormEvent } from 'react';
import { CountryFilter, Field, SearchRow, StageAndStarsFilters, YesNoField } from '@/components/form/filter-controls';
import { useT } from '@/lib/i18n';
import { formToSearch, isFilterKey } from '../lib/filters';

export interface PoolFilterPanelProps {
  search: URLSearchParams;
  tags: { id: number; name: string; group?: string | null }[];
  onApply: (search: URLSearchParams) => void;
}

/** The pool's screening form. Uncontrolled: it is remounted whenever the URL's filters change. */
export function PoolFilterPanel({ search, tags, onApply }: PoolFilterPanelProps) {
  const t = useT();
  const get = (key: string) => search.get(key) ?? '';

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    onApply(formToSearch(new FormData(event.currentTarget), search));
  }

  return (
    <form role="search" aria-label={t('pool.filter.title')} className="card filter-panel" onSubmit={handleSubmit}>
      <SearchRow defaultValue={get('q')} placeholder={t('pool.filter.qHint')} onClear={() => onApply(formToSearch(new FormData(), search))} />
      <details open={[...search.keys()].some((key) => isFilterKey(key) && key !== 'q') || undefined}>
        <summary>{t('customers.filter.more')}</summary>
        <div className="filter-grid">
          <StageAndStarsFilters search={search} />
          <CountryFilter search={search} />
          <Field label={t('customers.field.tags')}>
            {(id) => (
              <select id={id} name="tag" multiple size={5} defaultValue={search.getAll('tag')}>
                {tags.map((tag) => (
                  <option key={tag.id} value={String(tag.id)}>
                    {tag.group ? `${tag.group}: ${tag.name}` : tag.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <YesNoField label={t('customers.filter.hasEmail')} name="hasEmail" defaultValue={get('hasEmail')} />
          <YesNoField label={t('customers.filter.hasPhone')} name="hasPhone" defaultValue={get('hasPhone')} />
          <Field label={t('pool.filter.scoreMin')}>
            {(id) => <input id={id} type="number" min={0} max={100} name="scoreMin" defaultValue={get('scoreMin')} />}
          </Field>
        </div>
      </details>
    </form>
  );
}
