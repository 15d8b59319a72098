import { Combobox, type ComboboxOption, type MultipleComboboxProps, type SingleComboboxProps } from './combobox';
import { countryName, countryOptions } from '@/lib/countries';
import { useLocale, useT } from '@/lib/i18n';

const choicesByLocale = new Map<string, ComboboxOption[]>();

/**
 * Every country named in the reader's language, found also by its ISO code ("de") and, for a reader of another
 * language, by its English name (many type those).
 */
export function countryChoices(locale: string): ComboboxOption[] {
  const cached = choicesByLocale.get(locale);
  if (cached) return cached;
  const english = !locale.toLowerCase().startsWith('en');
  const choices = countryOptions(locale).map(({ value, label }) => ({
    value,
    label,
    keywords: english ? [value, countryName('en', value)] : [value],
  }));
  choicesByLocale.set(locale, choices);
  return choices;
}

type Without<T> = Omit<T, 'options' | 'searchLabel' | 'placeholder'> & { placeholder?: string };

export type CountryComboboxProps = Without<SingleComboboxProps> | Without<MultipleComboboxProps>;

/** The combobox over every country (ISO 3166-1 alpha-2 values); the placeholder defaults to "Any country". */
export function CountryCombobox({ placeholder, ...props }: CountryComboboxProps) {
  const t = useT();
  const locale = useLocale();
  const common = {
    options: countryChoices(locale),
    searchLabel: t('combobox.searchCountries'),
    placeholder: placeholder ?? t('combobox.anyCountry'),
  };
  return props.multiple ? <Combobox {...props} {...common} /> : <Combobox {...props} {...common} />;
}
