import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { useController } from 'react-hook-form';
import { describe, expect, it, vi } from 'vitest';
import * as z from 'zod/mini';
import { requiredText } from '@/lib/form-schemas';
import { setLocale } from '@/lib/i18n';
import { Combobox, rankOptions } from './combobox';
import { CountryCombobox, countryChoices } from './country-combobox';
import { useZodForm } from './form/use-zod-form';

const TAGS = [
  { value: '1', label: 'Key account' },
  { value: '2', label: 'Hinges' },
  { value: '3', label: 'Trade fair 2025' },
];

function optionNames() {
  return within(screen.getByRole('listbox')).getAllByRole('option').map((option) => option.textContent);
}

describe('rankOptions', () => {
  it('finds a country by its name, its ISO code or, in Chinese, its Chinese name; the code typed whole first', () => {
    expect(rankOptions(countryChoices('en'), 'de')[0]?.label).toBe('Germany');
    expect(rankOptions(countryChoices('en'), 'Germ').map((option) => option.value)).toEqual(['DE']);
    expect(rankOptions(countryChoices('en'), 'cote').map((option) => option.value)).toEqual(['CI']);
    expect(rankOptions(countryChoices('zh-CN'), '德国').map((option) => option.value)).toEqual(['DE']);
    // A Chinese reader may type the English name.
    expect(rankOptions(countryChoices('zh-CN'), 'germany').map((option) => option.label)).toEqual(['德国']);
    expect(rankOptions(countryChoices('en'), 'qqqq')).toEqual([]);
  });
});

describe('Combobox', () => {
  it('filters countries as one types, by name or code, and says when nothing matches', async () => {
    const user = userEvent.setup();
    render(<CountryCombobox label="Country" />);

    const trigger = screen.getByRole('combobox', { name: 'Country' });
    expect(trigger).toHaveAttribute('aria-expanded', 'false');
    expect(trigger).toHaveTextContent('Any country');
    await user.click(trigger);
    expect(trigger).toHaveAttribute('aria-expanded', 'true');
    const search = screen.getByRole('combobox', { name: 'Search countries…' });
    expect(search).toHaveFocus();
    expect(screen.getByRole('listbox', { name: 'Country' })).toBeInTheDocument();

    await user.type(search, 'Germ');
    expect(optionNames()).toEqual(['Germany']);
    await user.clear(search);
    await user.type(search, 'de');
    expect(optionNames()[0]).toBe('Germany');
    await user.clear(search);
    await user.type(search, 'qqqq');
    expect(screen.queryByRole('option')).not.toBeInTheDocument();
    expect(screen.getByText('No match')).toBeInTheDocument();
  });

  it('speaks Chinese and finds 德国 by its Chinese name', async () => {
    setLocale('zh-CN');
    const user = userEvent.setup();
    render(<CountryCombobox label="国家" />);

    await user.click(screen.getByRole('combobox', { name: '国家' }));
    expect(screen.getByRole('combobox', { name: '国家' })).toHaveTextContent('任意国家/地区');
    await user.type(screen.getByRole('combobox', { name: '搜索国家/地区…' }), '德国');
    expect(optionNames()).toEqual(['德国']);
    await user.type(screen.getByRole('combobox', { name: '搜索国家/地区…' }), '法');
    expect(screen.getByText('没有匹配项')).toBeInTheDocument();
  });

  it('is worked from the keyboard: arrows open and move, Enter chooses and closes, focus back on the trigger', async () => {
    const user = userEvent.setup();
    const onChange = vi.fn();
    render(<CountryCombobox label="Country" noneLabel="(none)" placeholder="(none)" defaultValue="FR" onChange={onChange} />);

    const trigger = screen.getByRole('combobox', { name: 'Country' });
    expect(trigger).toHaveTextContent('France');
    trigger.focus();
    await user.keyboard('{ArrowDown}');
    // The current choice is the active row, and ticked.
    const france = screen.getByRole('option', { name: 'France' });
    expect(france).toHaveAttribute('aria-selected', 'true');
    expect(france).toHaveAttribute('aria-checked', 'true');
    await user.keyboard('{ArrowDown}');
    expect(screen.getByRole('option', { name: 'French Guiana' })).toHaveAttribute('aria-selected', 'true');
    await user.keyboard('{Enter}');

    expect(onChange).toHaveBeenLastCalledWith('GF');
    expect(screen.queryByRole('listbox')).not.toBeInTheDocument();
    expect(trigger).toHaveTextContent('French Guiana');
    expect(trigger).toHaveAttribute('aria-expanded', 'false');
    await waitFor(() => expect(trigger).toHaveFocus());

    // Typing on the closed trigger starts the search; the "none" row clears an optional field.
    await user.keyboard('ita');
    expect(screen.getByRole('combobox', { name: 'Search countries…' })).toHaveValue('ita');
    expect(optionNames()).toEqual(['Italy', 'Mauritania']);
    await user.clear(screen.getByRole('combobox', { name: 'Search countries…' }));
    expect(optionNames()[0]).toBe('(none)');
    await user.click(screen.getByRole('option', { name: '(none)' }));
    expect(onChange).toHaveBeenLastCalledWith('');
    expect(trigger).toHaveTextContent('(none)');
  });

  it('renders a long list in pages: more rows as the arrows near the end, the chosen row however far down', async () => {
    const user = userEvent.setup();
    const many = Array.from({ length: 120 }, (_, index) => ({ value: String(index + 1), label: `Item ${index + 1}` }));
    const { unmount } = render(<Combobox label="Item" options={many} searchLabel="Search items…" placeholder="None" />);

    await user.click(screen.getByRole('combobox', { name: 'Item' }));
    let rows = screen.getAllByRole('option');
    expect(rows).toHaveLength(50);
    // The rows not rendered yet still count for a screen reader.
    expect(rows[0]).toHaveAttribute('aria-setsize', '120');
    await user.keyboard('{End}');
    expect(screen.getByRole('option', { name: 'Item 50' })).toHaveAttribute('aria-selected', 'true');
    rows = screen.getAllByRole('option');
    expect(rows).toHaveLength(100);
    await user.keyboard('{ArrowDown}');
    expect(screen.getByRole('option', { name: 'Item 51' })).toHaveAttribute('aria-selected', 'true');
    unmount();

    render(<CountryCombobox label="Country" defaultValue="ZW" />);
    await user.click(screen.getByRole('combobox', { name: 'Country' }));
    expect(screen.getByRole('option', { name: 'Zimbabwe' })).toHaveAttribute('aria-selected', 'true');
  });

  it('closes on Escape and gives the focus back to the trigger, choosing nothing', async () => {
    const user = userEvent.setup();
    const onChange = vi.fn();
    render(<Combobox label="Tag" options={TAGS} searchLabel="Search tags…" placeholder="Any tag" onChange={onChange} />);

    const trigger = screen.getByRole('combobox', { name: 'Tag' });
    await user.click(trigger);
    await user.type(screen.getByRole('combobox', { name: 'Search tags…' }), 'hin');
    await user.keyboard('{Escape}');

    expect(screen.queryByRole('listbox')).not.toBeInTheDocument();
    expect(trigger).toHaveAttribute('aria-expanded', 'false');
    await waitFor(() => expect(trigger).toHaveFocus());
    expect(onChange).not.toHaveBeenCalled();
    expect(trigger).toHaveTextContent('Any tag');
  });

  it('keeps several as removable chips; Backspace in the empty search removes the last', async () => {
    const user = userEvent.setup();
    function Controlled() {
      const [values, setValues] = useState<string[]>(['1']);
      return <Combobox multiple label="Tags" options={TAGS} searchLabel="Search tags…" placeholder="Any tag" value={values} onChange={setValues} />;
    }
    render(<Controlled />);

    const trigger = screen.getByRole('combobox', { name: 'Tags' });
    expect(trigger).toHaveTextContent('1 chosen');
    await user.click(trigger);
    const search = screen.getByRole('combobox', { name: 'Search tags…' });
    await user.type(search, 'trade');
    await user.keyboard('{Enter}');
    // Still open for the next one, with the search emptied.
    expect(search).toHaveValue('');
    expect(screen.getByRole('option', { name: 'Trade fair 2025' })).toHaveAttribute('aria-checked', 'true');
    await user.click(screen.getByRole('option', { name: 'Hinges' }));
    expect(trigger).toHaveTextContent('3 chosen');
    expect(screen.getByRole('button', { name: 'Remove Key account' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Remove Trade fair 2025' })).toBeInTheDocument();

    // Choosing a ticked one again takes it off.
    await user.click(screen.getByRole('option', { name: 'Key account' }));
    expect(screen.queryByRole('button', { name: 'Remove Key account' })).not.toBeInTheDocument();

    await user.click(search);
    await user.keyboard('{Backspace}');
    expect(screen.queryByRole('button', { name: 'Remove Hinges' })).not.toBeInTheDocument();
    expect(screen.getByText('Hinges removed')).toBeInTheDocument();
    expect(trigger).toHaveTextContent('1 chosen');

    await user.keyboard('{Escape}');
    await user.click(screen.getByRole('button', { name: 'Remove Trade fair 2025' }));
    expect(screen.queryByRole('list')).not.toBeInTheDocument();
    expect(trigger).toHaveTextContent('Any tag');
    // The removed chip's button is gone: focus is on the trigger, not lost.
    expect(trigger).toHaveFocus();
  });

  it('sends its choice in a native form’s FormData, one hidden input per value', async () => {
    const user = userEvent.setup();
    const submitted = vi.fn();
    render(
      <form
        aria-label="Screen"
        onSubmit={(event) => {
          event.preventDefault();
          submitted(new FormData(event.currentTarget).getAll('country'));
        }}
      >
        <CountryCombobox multiple label="Country" name="country" defaultValue={['US']} />
        <button type="submit">Apply</button>
      </form>,
    );

    await user.click(screen.getByRole('combobox', { name: 'Country' }));
    await user.type(screen.getByRole('combobox', { name: 'Search countries…' }), 'de');
    await user.keyboard('{Enter}');
    await user.keyboard('{Escape}');
    expect(screen.getByRole('button', { name: 'Remove United States' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Remove Germany' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Apply' }));
    expect(submitted).toHaveBeenLastCalledWith(['US', 'DE']);

    await user.click(screen.getByRole('button', { name: 'Remove United States' }));
    await user.click(screen.getByRole('button', { name: 'Apply' }));
    expect(submitted).toHaveBeenLastCalledWith(['DE']);
  });

  it('in a react-hook-form form, shows its error by the field and takes the focus on a failed submit', async () => {
    const user = userEvent.setup();
    const saved = vi.fn();
    const schema = z.object({ country: requiredText(2) });
    function CountryForm() {
      const form = useZodForm(schema, { defaultValues: { country: '' } });
      const { field } = useController({ control: form.control, name: 'country' });
      return (
        <form ref={form.formRef} onSubmit={form.handleSubmit(saved)} noValidate>
          <input aria-label="Before" />
          <CountryCombobox label="Country" {...field} error={form.fieldError('country')} />
          <button type="submit">Save</button>
        </form>
      );
    }
    render(<CountryForm />);

    await user.click(screen.getByRole('button', { name: 'Save' }));
    const trigger = screen.getByRole('combobox', { name: 'Country' });
    await waitFor(() => expect(trigger).toHaveFocus());
    expect(trigger).toHaveAccessibleDescription('Required.');
    expect(trigger).toHaveAttribute('aria-invalid', 'true');

    await user.keyboard('japan');
    await user.keyboard('{Enter}');
    await waitFor(() => expect(trigger).not.toHaveAttribute('aria-invalid'));
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(saved).toHaveBeenCalledWith({ country: 'JP' }, expect.anything()));
  });
});
