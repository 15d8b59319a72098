import * as Popover from '@radix-ui/react-popover';
import { Command } from 'cmdk';
import { useId, useMemo, useRef, useState, type KeyboardEvent, type Ref } from 'react';
import { useT } from '@/lib/i18n';

export interface ComboboxOption {
  value: string;
  /** What the reader sees and types, in their language. */
  label: string;
  /** More words it is found by, e.g. a country's ISO code. */
  keywords?: readonly string[];
}

interface ComboboxBaseProps {
  /** The visible label, tied to the trigger. */
  label: string;
  options: readonly ComboboxOption[];
  /** Names the search box and is its placeholder, e.g. "Search countries…". */
  searchLabel: string;
  /** What the trigger says while nothing is chosen. */
  placeholder: string;
  /** In a native form: one hidden input of this name per chosen value, so FormData reads the choice. */
  name?: string;
  hint?: string;
  error?: string;
  /** Where the context names the field already (a grid's cell): the label is for screen readers only. */
  labelHidden?: boolean;
  /** Several values: the trigger's words instead of "2 chosen", with the chosen ones shown elsewhere (no chips). */
  triggerLabel?: string;
  disabled?: boolean;
  /** The trigger, e.g. react-hook-form's field.ref, so that focus-on-error reaches it. */
  ref?: Ref<HTMLButtonElement>;
  onBlur?: () => void;
}

export interface SingleComboboxProps extends ComboboxBaseProps {
  multiple?: false;
  value?: string;
  defaultValue?: string;
  onChange?: (value: string) => void;
  /** For an optional field: a first row that chooses nothing (the value ''). */
  noneLabel?: string;
}

export interface MultipleComboboxProps extends ComboboxBaseProps {
  multiple: true;
  value?: readonly string[];
  defaultValue?: readonly string[];
  onChange?: (values: string[]) => void;
}

export type ComboboxProps = SingleComboboxProps | MultipleComboboxProps;

/** cmdk ignores an empty item value, so the "none" row and the options get values of their own. */
const NONE_ITEM = 'none';
const itemValue = (value: string) => `option:${value}`;

/**
 * Rows rendered at first; more come as the list is scrolled or the arrows near its end. 250 countries at once
 * made opening and each keystroke slow on a modest phone.
 */
const ROWS_PER_PAGE = 50;

/** Case and accents do not matter: "cote" finds "Côte d’Ivoire". */
function normalize(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase().trim();
}

const WORD_BREAK = /[\s\-–—(),.'’/&]+/u;

/** How well an option answers the search: 0 hides it; a code typed whole ranks first. */
function matchScore(label: string, keywords: readonly string[], needle: string): number {
  if (label === needle) return 6;
  if (keywords.some((keyword) => keyword === needle)) return 5;
  if (label.startsWith(needle)) return 4;
  if (label.split(WORD_BREAK).some((word) => word.startsWith(needle))) return 3;
  if (keywords.some((keyword) => keyword.startsWith(needle))) return 2;
  if (label.includes(needle)) return 1;
  // Not inside short codes: "e" would find every code with an E.
  if (needle.length >= 3 && keywords.some((keyword) => keyword.includes(needle))) return 0.5;
  return 0;
}

/** The options that match the search, best first, in their own order among equals. */
export function rankOptions(options: readonly ComboboxOption[], search: string): ComboboxOption[] {
  const needle = normalize(search);
  if (needle === '') return [...options];
  return options
    .map((option, index) => ({
      option,
      index,
      score: matchScore(normalize(option.label), (option.keywords ?? []).map(normalize), needle),
    }))
    .filter(({ score }) => score > 0)
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .map(({ option }) => option);
}

/**
 * A searchable picker of one value or of several (shown as removable chips): a trigger (role combobox) opens a
 * popover with a search box and a listbox (cmdk: arrows, Enter; Escape closes and focuses the trigger again).
 * Controlled (value/onChange, e.g. react-hook-form's Controller) or not (defaultValue); with `name`, the choice
 * travels in a native form's FormData as hidden inputs.
 */
export function Combobox(props: ComboboxProps) {
  const { label, options, searchLabel, placeholder, name, hint, error, disabled, ref, onBlur, labelHidden, triggerLabel } =
    props;
  const t = useT();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [search, setSearch] = useState('');
  /** The row the arrows are on (cmdk's value). */
  const [active, setActive] = useState('');
  const [rowCount, setRowCount] = useState(ROWS_PER_PAGE);
  const [announcement, setAnnouncement] = useState('');
  const inputRef = useRef<HTMLInputElement>(null);
  const chipsRef = useRef<HTMLUListElement>(null);
  const triggerRef = useRef<HTMLButtonElement | null>(null);

  const initial = props.multiple ? [...(props.defaultValue ?? [])] : props.defaultValue ? [props.defaultValue] : [];
  const [ownValues, setOwnValues] = useState<string[]>(initial);
  const controlled = props.value !== undefined;
  const chosen: string[] = controlled
    ? props.multiple
      ? [...(props.value ?? [])]
      : props.value
        ? [props.value]
        : []
    : ownValues;

  function choose(next: string[]) {
    if (!controlled) setOwnValues(next);
    if (props.multiple) props.onChange?.(next);
    else props.onChange?.(next[0] ?? '');
  }

  const labels = useMemo(() => new Map(options.map((option) => [option.value, option.label])), [options]);
  const labelOf = (value: string) => labels.get(value) ?? value;
  // Ranked only while open: a grid draws a closed picker on every row.
  const matches = useMemo(() => (open ? rankOptions(options, search) : []), [open, options, search]);
  const noneLabel = props.multiple ? undefined : props.noneLabel;
  const showNone = noneLabel !== undefined && search.trim() === '';
  const rowOffset = showNone ? 1 : 0;

  function remove(value: string) {
    choose(chosen.filter((other) => other !== value));
    setAnnouncement(t('combobox.removed', { name: labelOf(value) }));
  }

  /** A chip's remove button disappears with it: focus goes to the next chip's, else the previous one's, else the trigger. */
  function removeChip(index: number) {
    const buttons = chipsRef.current?.querySelectorAll('button') ?? [];
    const next = buttons[index + 1] ?? buttons[index - 1] ?? triggerRef.current;
    remove(chosen[index] ?? '');
    next?.focus();
  }

  function select(value: string) {
    if (props.multiple) {
      if (chosen.includes(value)) remove(value);
      else choose([...chosen, value]);
      // Ready for the next one (a list scrolled through unfiltered stays where it is).
      if (search !== '') changeSearch('');
      return;
    }
    choose(value === '' ? [] : [value]);
    setOpen(false);
  }

  function changeSearch(text: string) {
    setSearch(text);
    setRowCount(ROWS_PER_PAGE);
  }

  /** Opens on the current choice (single), its row rendered. */
  function openWith(text: string) {
    changeSearch(text);
    const current = !props.multiple && chosen[0] !== undefined && text === '' ? chosen[0] : undefined;
    const index = current === undefined ? -1 : options.findIndex((option) => option.value === current);
    setActive(index >= 0 ? itemValue(current ?? '') : '');
    setRowCount(Math.max(ROWS_PER_PAGE, index + ROWS_PER_PAGE / 2));
    setOpen(true);
  }

  function showMore() {
    setRowCount((count) => (count < matches.length ? count + ROWS_PER_PAGE : count));
  }

  function activate(value: string) {
    setActive(value);
    const index = matches.findIndex((option) => itemValue(option.value) === value);
    if (index >= rowCount - 3) showMore();
  }

  function handleTriggerKeyDown(event: KeyboardEvent<HTMLButtonElement>) {
    if (open || disabled) return;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      openWith('');
    } else if (event.key.length === 1 && event.key !== ' ' && !event.ctrlKey && !event.metaKey && !event.altKey) {
      // Typing on the closed picker starts the search, as a native select jumps to what is typed.
      event.preventDefault();
      openWith(event.key);
    }
  }

  function handleSearchKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'Backspace' && search === '' && props.multiple && chosen.length > 0) {
      event.preventDefault();
      remove(chosen[chosen.length - 1] ?? '');
    }
  }

  const triggerText = props.multiple
    ? triggerLabel !== undefined
      ? triggerLabel
      : chosen.length > 0
      ? t('combobox.chosenCount', { count: chosen.length })
      : placeholder
    : chosen[0] !== undefined
      ? labelOf(chosen[0])
      : placeholder;
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  const setTriggerRef = (element: HTMLButtonElement | null) => {
    triggerRef.current = element;
    if (typeof ref === 'function') ref(element);
    else if (ref) ref.current = element;
  };

  return (
    <div className="field combobox">
      <label htmlFor={`${id}-trigger`} className={labelHidden ? 'visually-hidden' : undefined}>
        {label}
      </label>
      {props.multiple && triggerLabel === undefined && chosen.length > 0 && (
        <ul ref={chipsRef} className="tag-list combobox-chips">
          {chosen.map((value, index) => (
            <li key={value}>
              <span className="tag-chip chip-wrap">{labelOf(value)}</span>
              <button
                type="button"
                className="icon-button"
                aria-label={t('combobox.remove', { name: labelOf(value) })}
                disabled={disabled}
                onClick={() => removeChip(index)}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <Popover.Root
        open={open}
        onOpenChange={(next) => {
          if (next) openWith('');
          else setOpen(false);
        }}
      >
        <Popover.Trigger asChild>
          <button
            ref={setTriggerRef}
            id={`${id}-trigger`}
            type="button"
            role="combobox"
            className="combobox-trigger"
            data-placeholder={chosen.length === 0 || undefined}
            disabled={disabled}
            aria-invalid={error ? true : undefined}
            aria-describedby={describedBy}
            onKeyDown={handleTriggerKeyDown}
            onBlur={onBlur}
          >
            <span className="combobox-trigger-text">{triggerText}</span>
            <span className="combobox-trigger-arrow" aria-hidden="true">
              ▾
            </span>
          </button>
        </Popover.Trigger>
        <Popover.Portal>
          <Popover.Content
            className="combobox-popover"
            aria-label={label}
            align="start"
            sideOffset={4}
            collisionPadding={8}
            onOpenAutoFocus={(event) => {
              // Radix would select the search text: a letter typed on the trigger would be overwritten by the next.
              event.preventDefault();
              const input = inputRef.current;
              input?.focus();
              input?.setSelectionRange(input.value.length, input.value.length);
            }}
          >
            <Command label={searchLabel} shouldFilter={false} loop value={active} onValueChange={activate}>
              <Command.Input
                ref={inputRef}
                className="combobox-search"
                value={search}
                onValueChange={changeSearch}
                placeholder={searchLabel}
                onKeyDown={handleSearchKeyDown}
              />
              <Command.List
                className="combobox-list"
                label={label}
                onScroll={(event) => {
                  const list = event.currentTarget;
                  if (list.scrollTop + list.clientHeight >= list.scrollHeight - 80) showMore();
                }}
              >
                <Command.Empty className="combobox-empty">{t('combobox.noMatch')}</Command.Empty>
                {showNone && (
                  <Command.Item
                    value={NONE_ITEM}
                    className="combobox-item"
                    aria-checked={chosen.length === 0}
                    aria-setsize={matches.length + 1}
                    aria-posinset={1}
                    onSelect={() => select('')}
                  >
                    <span className="combobox-check" aria-hidden="true">
                      {chosen.length === 0 ? '✓' : ''}
                    </span>
                    {noneLabel}
                  </Command.Item>
                )}
                {matches.slice(0, rowCount).map((option, index) => {
                  const isChosen = chosen.includes(option.value);
                  return (
                    <Command.Item
                      key={option.value}
                      value={itemValue(option.value)}
                      className="combobox-item"
                      aria-checked={isChosen}
                      // Rows not rendered yet still count.
                      aria-setsize={matches.length + rowOffset}
                      aria-posinset={index + 1 + rowOffset}
                      onSelect={() => select(option.value)}
                    >
                      <span className="combobox-check" aria-hidden="true">
                        {isChosen ? '✓' : ''}
                      </span>
                      {option.label}
                    </Command.Item>
                  );
                })}
              </Command.List>
            </Command>
          </Popover.Content>
        </Popover.Portal>
      </Popover.Root>
      {name &&
        (props.multiple ? chosen : [chosen[0] ?? '']).map((value) => <input key={value} type="hidden" name={name} value={value} />)}
      <span className="visually-hidden" aria-live="polite">
        {announcement}
      </span>
      {hint && (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={errorId} className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}
