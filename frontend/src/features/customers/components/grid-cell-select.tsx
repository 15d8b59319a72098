import { useEffect, useRef, useState, type ReactNode, type Ref } from 'react';

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
function showPicker(element: HTMLInputElement | HTMLSelectElement) {
  try {
    (element as { showPicker?: () => void }).showPicker?.();
  } catch {
    // Not allowed here or not supported: the focused field still takes the keyboard.
  }
}

/**
 * A grid field mounted only while it is used: `open` mounts it, focused, its picker open; `close(true)` puts the
 * button back with the focus on it (Escape, Enter), `close(false)` without (the focus went elsewhere).
 */
export function useFieldOnDemand<Field extends HTMLInputElement | HTMLSelectElement>() {
  const [editing, setEditing] = useState(false);
  const fieldRef = useRef<Field>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const refocusButton = useRef(false);

  useEffect(() => {
    if (editing && fieldRef.current) {
      fieldRef.current.focus();
      showPicker(fieldRef.current);
    } else if (!editing && refocusButton.current) {
      refocusButton.current = false;
      buttonRef.current?.focus();
    }
  }, [editing]);

  return {
    editing,
    fieldRef,
    buttonRef,
    open: () => setEditing(true),
    close: (refocus: boolean) => {
      refocusButton.current = refocus;
      setEditing(false);
    },
  };
}

/** The value as a light button that opens its field; its name says the value first, then what pressing does. */
export function GridCellButton({
  ref,
  label,
  busy,
  onOpen,
  children,
}: {
  ref: Ref<HTMLButtonElement>;
  label: string;
  busy: boolean;
  onOpen: () => void;
  children: ReactNode;
}) {
  return (
    <button ref={ref} type="button" className="grid-cell-button" aria-label={label} aria-busy={busy || undefined} onClick={onOpen}>
      {children}
    </button>
  );
}

/**
 * A value in the grid that is changed in place: a light button until used, then the native select, focused and
 * open. A page of 50 rows with two selects each took Chromium 20–40 ms of style and layout on this machine's
 * 2 cores; the buttons take a few, which is most of the grid's blocking time on load (Lighthouse, issue 19).
 * The select leaves again when it loses focus, or on Escape or Enter (focus back on the button).
 */
export function GridCellSelect({ label, buttonLabel, value, options, display, busy, onChange }: GridCellSelectProps) {
  const field = useFieldOnDemand<HTMLSelectElement>();
  if (!field.editing) {
    return (
      <GridCellButton ref={field.buttonRef} label={buttonLabel} busy={busy} onOpen={field.open}>
        {display ?? options.find((option) => option.value === value)?.label ?? value}
      </GridCellButton>
    );
  }
  return (
    <select
      ref={field.fieldRef}
      aria-label={label}
      value={value}
      aria-busy={busy || undefined}
      onChange={(event) => onChange(event.target.value)}
      onBlur={() => field.close(false)}
      onKeyDown={(event) => {
        if (event.key === 'Escape' || event.key === 'Enter') {
          event.preventDefault();
          field.close(true);
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
