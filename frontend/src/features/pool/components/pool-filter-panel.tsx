import type { FormEvent } from 'react';
import { CheckboxGroup, Field, YesNoField } from '@/components/form/filter-controls';
import { countryOptions } from '@/lib/countries';
import { STAGES, STARS } from '@/lib/domain';
import { useLocale, useT } from '@/lib/i18n';
import { formToSearch, isFilterKey } from '../lib/filters';

export interface PoolFilterPanelProps {
  search: URLSearchParams;
  tags: { id: number; name: string; group?: string | null }[];
  onApply: (search: URLSearchParams) => void;
}

/** The pool's screening form. Uncontrolled: it is remounted whenever the URL's filters change. */
export function PoolFilterPanel({ search, tags, onApply }: PoolFilterPanelProps) {
  const t = useT();
  const locale = useLocale();
  const get = (key: string) => search.get(key) ?? '';

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    onApply(formToSearch(new FormData(event.currentTarget), search));
  }

  const yesNo = { either: t('customers.filter.either'), yes: t('customers.filter.yes'), no: t('customers.filter.no') };

  return (
    <form role="search" aria-label={t('pool.filter.title')} className="card filter-panel" onSubmit={handleSubmit}>
      <div className="filter-search">
        <Field label={t('customers.filter.q')}>
          {(id) => <input id={id} type="search" name="q" defaultValue={get('q')} placeholder={t('pool.filter.qHint')} />}
        </Field>
        <button type="submit">{t('customers.filter.apply')}</button>
        <button type="button" onClick={() => onApply(formToSearch(new FormData(), search))}>
          {t('customers.filter.clear')}
        </button>
      </div>
      <details open={[...search.keys()].some((key) => isFilterKey(key) && key !== 'q') || undefined}>
        <summary>{t('customers.filter.more')}</summary>
        <div className="filter-grid">
          <CheckboxGroup
            legend={t('customers.field.stage')}
            name="stage"
            options={STAGES.map((stage) => ({ value: stage, label: t(`stage.${stage}`) }))}
            selected={search.getAll('stage')}
          />
          <CheckboxGroup
            legend={t('customers.field.stars')}
            name="stars"
            options={STARS.map((stars) => ({ value: String(stars), label: t(`stars.${stars}`) }))}
            selected={search.getAll('stars')}
          />
          <Field label={t('customers.field.country')}>
            {(id) => (
              <select id={id} name="country" multiple size={5} defaultValue={search.getAll('country')}>
                {countryOptions(locale).map((option) => (
                  <option key={option.value} value={option.value}>
                    {option.label}
                  </option>
                ))}
              </select>
            )}
          </Field>
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
          <YesNoField label={t('customers.filter.hasEmail')} name="hasEmail" defaultValue={get('hasEmail')} labels={yesNo} />
          <YesNoField label={t('customers.filter.hasPhone')} name="hasPhone" defaultValue={get('hasPhone')} labels={yesNo} />
          <Field label={t('pool.filter.scoreMin')}>
            {(id) => <input id={id} type="number" min={0} max={100} name="scoreMin" defaultValue={get('scoreMin')} />}
          </Field>
        </div>
      </details>
    </form>
  );
}
