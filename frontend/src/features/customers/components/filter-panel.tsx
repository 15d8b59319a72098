import type { FormEvent } from 'react';
import { Combobox } from '@/components/combobox';
import { CheckboxGroup, CountryFilter, Field, SearchRow, StageAndStarsFilters, YesNoField } from '@/components/form/filter-controls';
import { useT } from '@/lib/i18n';
import type { CustomField } from '../api/list-custom-fields';
import { SOURCES, STATUSES } from '../api/list-customers';
import type { Tag } from '../api/list-tags';
import { isFilterKey } from '../lib/filters';

export interface FilterPanelProps {
  search: URLSearchParams;
  /** Managers and admins screen every owner; reps see their own customers only. */
  canScreenOwners: boolean;
  tags: Tag[];
  customFields: CustomField[];
  onApply: (search: URLSearchParams) => void;
}

/** The screening form. Uncontrolled: it is remounted whenever the URL's filters change. */
export function FilterPanel({ search, canScreenOwners, tags, customFields, onApply }: FilterPanelProps) {
  const t = useT();
  const get = (key: string) => search.get(key) ?? '';
  const tagMode = search.getAll('tagAll').length > 0 ? 'all' : 'any';
  const selectedTags = [...search.getAll('tag'), ...search.getAll('tagAll')];
  const tagOptions = tags.map((tag) => ({ value: String(tag.id), label: tag.group ? `${tag.group}: ${tag.name}` : tag.name }));

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const next = new URLSearchParams();
    // Sort and the total are not filters: keep them.
    for (const [key, value] of search) if (!isFilterKey(key)) next.append(key, value);
    const mode = String(data.get('tagMode') ?? 'any');
    for (const [key, value] of data) {
      const text = String(value).trim();
      if (text === '' || key === 'tagMode') continue;
      next.append(key === 'tags' ? (mode === 'all' ? 'tagAll' : 'tag') : key, text);
    }
    onApply(next);
  }

  function handleClear() {
    const next = new URLSearchParams();
    for (const [key, value] of search) if (!isFilterKey(key)) next.append(key, value);
    onApply(next);
  }

  return (
    <form role="search" aria-label={t('customers.filter.title')} className="card filter-panel" onSubmit={handleSubmit}>
      <SearchRow defaultValue={get('q')} placeholder={t('customers.filter.qHint')} onClear={handleClear} />
      <details open={[...search.keys()].some((key) => isFilterKey(key) && key !== 'q') || undefined}>
        <summary>{t('customers.filter.more')}</summary>
        <div className="filter-grid">
          <StageAndStarsFilters search={search} />
          <CheckboxGroup
            legend={t('customers.field.status')}
            name="status"
            options={STATUSES.map((status) => ({ value: status, label: t(`status.${status}`) }))}
            selected={search.getAll('status')}
          />
          <CheckboxGroup
            legend={t('customers.field.source')}
            name="source"
            options={SOURCES.map((source) => ({ value: source, label: t(`source.${source}`) }))}
            selected={search.getAll('source')}
          />
          <CountryFilter search={search} />
          <div className="field">
            <Combobox
              multiple
              label={t('customers.field.tags')}
              name="tags"
              options={tagOptions}
              defaultValue={selectedTags}
              searchLabel={t('combobox.searchTags')}
              placeholder={t('combobox.anyTag')}
            />
            <fieldset className="inline-radios">
              <legend>{t('customers.filter.tagMode')}</legend>
              <label>
                <input type="radio" name="tagMode" value="any" defaultChecked={tagMode === 'any'} />{' '}
                {t('customers.filter.tagAny')}
              </label>
              <label>
                <input type="radio" name="tagMode" value="all" defaultChecked={tagMode === 'all'} />{' '}
                {t('customers.filter.tagAll')}
              </label>
            </fieldset>
          </div>
          {canScreenOwners && (
            <Field label={t('customers.filter.owner')}>
              {(id) => (
                <select id={id} name="ownerId" defaultValue={get('ownerId')}>
                  <option value="">{t('customers.filter.ownerAnyone')}</option>
                  <option value="me">{t('customers.filter.ownerMe')}</option>
                  <option value="none">{t('customers.filter.ownerNone')}</option>
                </select>
              )}
            </Field>
          )}
          <fieldset className="range">
            <legend>{t('customers.filter.created')}</legend>
            <Field label={t('customers.filter.from')}>
              {(id) => <input id={id} type="date" name="createdFrom" defaultValue={get('createdFrom')} />}
            </Field>
            <Field label={t('customers.filter.to')}>
              {(id) => <input id={id} type="date" name="createdTo" defaultValue={get('createdTo')} />}
            </Field>
          </fieldset>
          <fieldset className="range">
            <legend>{t('customers.filter.lastFollowUp')}</legend>
            <Field label={t('customers.filter.from')}>
              {(id) => <input id={id} type="date" name="lastFollowUpFrom" defaultValue={get('lastFollowUpFrom')} />}
            </Field>
            <Field label={t('customers.filter.to')}>
              {(id) => <input id={id} type="date" name="lastFollowUpTo" defaultValue={get('lastFollowUpTo')} />}
            </Field>
          </fieldset>
          <Field label={t('customers.filter.nextFollowUpBefore')}>
            {(id) => <input id={id} type="date" name="nextFollowUpBefore" defaultValue={get('nextFollowUpBefore')} />}
          </Field>
          <YesNoField label={t('customers.filter.hasEmail')} name="hasEmail" defaultValue={get('hasEmail')} />
          <YesNoField label={t('customers.filter.hasPhone')} name="hasPhone" defaultValue={get('hasPhone')} />
          <fieldset className="range">
            <legend>{t('customers.filter.score')}</legend>
            <Field label={t('customers.filter.min')}>
              {(id) => <input id={id} type="number" min={0} max={100} name="scoreMin" defaultValue={get('scoreMin')} />}
            </Field>
            <Field label={t('customers.filter.max')}>
              {(id) => <input id={id} type="number" min={0} max={100} name="scoreMax" defaultValue={get('scoreMax')} />}
            </Field>
          </fieldset>
          {customFields
            .filter((field) => field.type === 'SELECT' || field.type === 'TEXT')
            .map((field) => (
              <Field key={field.key} label={field.label}>
                {(id) =>
                  field.type === 'SELECT' ? (
                    <select id={id} name={`cf.${field.key}`} defaultValue={get(`cf.${field.key}`)}>
                      <option value="">{t('customers.filter.any')}</option>
                      {field.options.map((option) => (
                        <option key={option} value={option}>
                          {option}
                        </option>
                      ))}
                    </select>
                  ) : (
                    <input id={id} name={`cf.${field.key}`} defaultValue={get(`cf.${field.key}`)} />
                  )
                }
              </Field>
            ))}
        </div>
      </details>
    </form>
  );
}
