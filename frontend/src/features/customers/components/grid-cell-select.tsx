import { useEffect, useRef, useState, type ReactNode } from 'react';

export interface GridCellOption {
  value: string;
  label: string;
}

interface GridCellSelectProps {
  /** The list's name for the field of this row, e.g. "Stage of Anna". */
  label: string;
  /** The button's name: says the value first (what it shows) and what pressing it does. */
  buttonLabel: string;
  value: string;
  options: readonly GridCellOption[];
  /** What the button shows; default the chosen option's label. */
  display?: ReactNode;
  busy: boolean;
  onChange: (value: string) => void;
}

/** Opens a native picker where the browser offers it to scripts (it needs the click or key that asked). */
export function showPicker(element: HTMLInputElement | HTMLSelectElement) {
  try {
    (element as { showPicker?: () => void }).showPicker?.();
  } catch {
    // Not allowed here or not supported: the focused field still takes the keyboard.
  }
}

/**
 * A value in the grid that is changed in place: a light button until used, then the native select, focused and
 * open. A page of 50 rows with two selects each took Chromium 20–40 ms of style and layout on this machine's
 * 2 cores; the buttons take a few, which is most of the grid's blocking time on load (Lighthouse, issue 19).
 * The select leaves again when it loses focus or on Escape (focus back on the button).
 */
export function GridCellSelect({ label, buttonLabel, value, options, display, busy, onChange }: GridCellSelectProps) {
  const [editing, setEditing] = useState(false);
  const selectRef = useRef<HTMLSelectElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const refocusButton = useRef(false);

  useEffect(() => {
    if (editing && selectRef.current) {
      selectRef.current.focus();
      showPicker(selectRef.current);
    } else if (!editing && refocusButton.current) {
      refocusButton.current = false;
      buttonRef.current?.focus();
    }
  }, [editing]);

  if (!editing) {
    return (
      <button
        ref={buttonRef}
        type="button"
        className="grid-cell-button"
        aria-label={buttonLabel}
        aria-busy={busy || undefined}
        onClick={() => setEditing(true)}
      >
        {display ?? options.find((option) => option.value === value)?.label ?? value}
      </button>
    );
  }
  return (
    <select
      ref={selectRef}
      aria-label={label}
      value={value}
      aria-busy={busy || undefined}
      onChange={(event) => onChange(event.target.value)}
      onBlur={() => setEditing(false)}
      onKeyDown={(event) => {
        if (event.key === 'Escape' || event.key === 'Enter') {
          event.preventDefault();
          refocusButton.current = true;
          setEditing(false);
        }
      }}
    >
      {options.map((option) => (
        <option key={option.value} value={option.value}>
          {option.label}
        </option>
      ))}
    </select>
  );
}
