import { useId, type ReactNode } from 'react';
import { CountryCombobox } from '@/components/country-combobox';
import { STAGES, STARS } from '@/lib/domain';
import { useT } from '@/lib/i18n';

/** Uncontrolled checkboxes sharing one name: a repeatable filter (any of). */
export function CheckboxGroup({
  legend,
  name,
  options,
  selected,
}: {
  legend: string;
  name: string;
  options: { value: string; label: string }[];
  selected: string[];
}) {
  return (
    <fieldset className="checkbox-group">
      <legend>{legend}</legend>
      {options.map((option) => (
        <label key={option.value}>
          <input type="checkbox" name={name} value={option.value} defaultChecked={selected.includes(option.value)} />{' '}
          {option.label}
        </label>
      ))}
    </fieldset>
  );
}

/** A label bound to whatever control `children` renders with the given id. */
export function Field({ label, children }: { label: string; children: (id: string) => ReactNode }) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children(id)}
    </div>
  );
}

/** A yes / no / either filter. */
export function YesNoField({ label, name, defaultValue }: { label: string; name: string; defaultValue: string }) {
  const t = useT();
  return (
    <Field label={label}>
      {(id) => (
        <select id={id} name={name} defaultValue={defaultValue}>
          <option value="">{t('customers.filter.either')}</option>
          <option value="true">{t('customers.filter.yes')}</option>
          <option value="false">{t('customers.filter.no')}</option>
        </select>
      )}
    </Field>
  );
}

/** The always-visible row of a screening panel: free-text search, apply and clear. */
export function SearchRow({ defaultValue, placeholder, onClear }: { defaultValue: string; placeholder: string; onClear: () => void }) {
  const t = useT();
  return (
    <div className="filter-search">
      <Field label={t('customers.filter.q')}>
        {(id) => <input id={id} type="search" name="q" defaultValue={defaultValue} placeholder={placeholder} />}
      </Field>
      <button type="submit">{t('customers.filter.apply')}</button>
      <button type="button" onClick={onClear}>
        {t('customers.filter.clear')}
      </button>
    </div>
  );
}

/** The stage and intention checkboxes both screening panels offer, ticked from the URL. */
export function StageAndStarsFilters({ search }: { search: URLSearchParams }) {
  const t = useT();
  return (
    <>
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
    </>
  );
}

/** Countries, any of several, named in the reader's language and found by name or ISO code. */
export function CountryFilter({ search }: { search: URLSearchParams }) {
  const t = useT();
  return <CountryCombobox multiple label={t('customers.field.country')} name="country" defaultValue={search.getAll('country')} />;
}
