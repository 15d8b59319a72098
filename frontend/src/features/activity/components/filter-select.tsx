import { Field } from '@/components/form/filter-controls';
import { useT } from '@/lib/i18n';

/** A choice standing for one or several values of a repeatable filter ("All follow-ups" is nine types). */
export interface FilterOption {
  label: string;
  values: readonly string[];
}

export interface FilterGroup {
  label: string;
  options: FilterOption[];
}

const SEVERAL = '__several';

function sameValues(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((value) => b.includes(value));
}

/**
 * One select for a repeatable filter: "any" first, then options (in groups when given). Values from a shared link
 * that no option stands for show as "3 chosen", kept until something else is chosen.
 */
export function FilterSelect({
  label,
  anyLabel,
  values,
  options = [],
  groups = [],
  onChange,
}: {
  label: string;
  anyLabel: string;
  values: readonly string[];
  options?: FilterOption[];
  groups?: FilterGroup[];
  onChange: (values: readonly string[]) => void;
}) {
  const t = useT();
  const all = [...options, ...groups.flatMap((group) => group.options)];
  const index = all.findIndex((option) => sameValues(option.values, values));
  const current = values.length === 0 ? '' : index >= 0 ? String(index) : SEVERAL;
  // Each group's first option's place in `all`, which the options' values are.
  const starts = groups.map((_, g) => options.length + groups.slice(0, g).reduce((sum, group) => sum + group.options.length, 0));
  return (
    <Field label={label}>
      {(id) => (
        <select
          id={id}
          value={current}
          onChange={(event) => {
            const chosen = event.target.value;
            if (chosen === SEVERAL) return;
            onChange(chosen === '' ? [] : (all[Number(chosen)]?.values ?? []));
          }}
        >
          <option value="">{anyLabel}</option>
          {current === SEVERAL && <option value={SEVERAL}>{t('activity.filter.several', { count: values.length })}</option>}
          {options.map((option, i) => (
            <option key={`o${i}`} value={String(i)}>
              {option.label}
            </option>
          ))}
          {groups.map((group, g) => (
            <optgroup key={group.label} label={group.label}>
              {group.options.map((option, i) => (
                <option key={`g${(starts[g] ?? 0) + i}`} value={String((starts[g] ?? 0) + i)}>
                  {option.label}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
      )}
    </Field>
  );
}
