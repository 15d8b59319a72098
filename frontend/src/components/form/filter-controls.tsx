import { useId, type ReactNode } from 'react';

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

/** A yes / no / either filter; `labels` in that order, already translated. */
export function YesNoField({
  label,
  name,
  defaultValue,
  labels,
}: {
  label: string;
  name: string;
  defaultValue: string;
  labels: { either: string; yes: string; no: string };
}) {
  return (
    <Field label={label}>
      {(id) => (
        <select id={id} name={name} defaultValue={defaultValue}>
          <option value="">{labels.either}</option>
          <option value="true">{labels.yes}</option>
          <option value="false">{labels.no}</option>
        </select>
      )}
    </Field>
  );
}
