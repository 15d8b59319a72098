import type { FormEvent } from 'react';
import { Field } from '@/components/form/filter-controls';
import { useT } from '@/lib/i18n';
import type { TeamMember } from '@/lib/team';
import type { Tag } from '../api/list-tags';
import { formToSearch } from '../lib/filters';

export interface PipelineFiltersProps {
  search: URLSearchParams;
  tags: Tag[];
  /** The store's users, for the owner filter: given to managers and admins only. */
  team: TeamMember[] | null;
  onApply: (search: URLSearchParams) => void;
}

/** The board's screening: search, a tag and (managers) an owner. Uncontrolled: remounted whenever the URL changes. */
export function PipelineFilters({ search, tags, team, onApply }: PipelineFiltersProps) {
  const t = useT();

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    onApply(formToSearch(new FormData(event.currentTarget), search));
  }

  return (
    <form role="search" aria-label={t('pipeline.filter.title')} className="card pipeline-filters" onSubmit={handleSubmit}>
      <Field label={t('pipeline.filter.q')}>
        {(id) => <input id={id} type="search" name="q" defaultValue={search.get('q') ?? ''} placeholder={t('pipeline.filter.qHint')} />}
      </Field>
      <Field label={t('pipeline.filter.tag')}>
        {(id) => (
          <select id={id} name="tag" defaultValue={search.get('tag') ?? ''}>
            <option value="">{t('pipeline.filter.anyTag')}</option>
            {tags.map((tag) => (
              <option key={tag.id} value={String(tag.id)}>
                {tag.group ? `${tag.group}: ${tag.name}` : tag.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      {team && (
        <Field label={t('pipeline.filter.owner')}>
          {(id) => (
            <select id={id} name="ownerId" defaultValue={search.get('ownerId') ?? ''}>
              <option value="">{t('pipeline.filter.ownerAnyone')}</option>
              <option value="me">{t('pipeline.filter.ownerMe')}</option>
              <option value="none">{t('pipeline.filter.ownerNone')}</option>
              {team.map((member) => (
                <option key={member.id} value={String(member.id)}>
                  {member.name}
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
      <div className="pipeline-filter-actions">
        <button type="submit">{t('pipeline.filter.apply')}</button>
        <button type="button" onClick={() => onApply(formToSearch(new FormData(), search))}>
          {t('pipeline.filter.clear')}
        </button>
      </div>
    </form>
  );
}
