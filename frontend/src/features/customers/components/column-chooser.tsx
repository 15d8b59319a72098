import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useT } from '@/lib/i18n';
import { COLUMN_LABELS, type ColumnSettingsControl, type OptionalColumn } from '../lib/column-settings';

/**
 * "Columns": a button opening a small panel (a disclosure) with a box per optional column and buttons moving it up or
 * down, and "Reset columns". Escape or a click elsewhere closes it. `available`: the columns this person's list has
 * (a rep's has no owner column).
 */
export function ColumnChooser({ control, available }: { control: ColumnSettingsControl; available: readonly OptionalColumn[] }) {
  const t = useT();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [said, setSaid] = useState('');
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const panelRef = useRef<HTMLDivElement>(null);
  // After a move, the focus stays on the moved column's button (or its other one, at an end).
  const [focusAfterMove, setFocusAfterMove] = useState<{ column: OptionalColumn; delta: -1 | 1 } | null>(null);
  const { settings, setShown, move, reset } = control;
  const columns = settings.order.filter((column) => available.includes(column));

  useEffect(() => {
    if (!open) return;
    function closeOutside(event: PointerEvent) {
      if (rootRef.current && !rootRef.current.contains(event.target as Node)) setOpen(false);
    }
    document.addEventListener('pointerdown', closeOutside);
    return () => document.removeEventListener('pointerdown', closeOutside);
  }, [open]);

  useEffect(() => {
    if (!focusAfterMove || !panelRef.current) return;
    const { column, delta } = focusAfterMove;
    const find = (direction: string) =>
      panelRef.current?.querySelector<HTMLButtonElement>(`button[data-column="${column}"][data-move="${direction}"]`);
    const same = find(delta < 0 ? 'up' : 'down');
    (same && !same.disabled ? same : find(delta < 0 ? 'down' : 'up'))?.focus();
    setFocusAfterMove(null);
  }, [focusAfterMove]);

  function handleKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (event.key === 'Escape' && open) {
      event.preventDefault();
      setOpen(false);
      buttonRef.current?.focus();
    }
  }

  function handleMove(column: OptionalColumn, delta: -1 | 1) {
    const index = columns.indexOf(column);
    const position = index + delta;
    if (position < 0 || position >= columns.length) return;
    move(column, delta, available);
    setFocusAfterMove({ column, delta });
    // Said for screen readers: its place in this list.
    setSaid(t('customers.columns.moved', { column: t(COLUMN_LABELS[column]), position: position + 1, count: columns.length }));
  }

  return (
    <div className="column-chooser" ref={rootRef} onKeyDown={handleKeyDown}>
      <button
        ref={buttonRef}
        type="button"
        aria-expanded={open}
        aria-controls={open ? `${id}-panel` : undefined}
        onClick={() => {
          setSaid('');
          setOpen((was) => !was);
        }}
      >
        {t('customers.columns.button')}
      </button>
      {open && (
        <div ref={panelRef} id={`${id}-panel`} className="column-chooser-panel" role="group" aria-labelledby={`${id}-title`}>
          <p id={`${id}-title`} className="column-chooser-title">
            {t('customers.columns.title')}
          </p>
          <p className="muted small">{t('customers.columns.fixed')}</p>
          <ul className="column-chooser-list">
            {columns.map((column, index) => {
              const label = t(COLUMN_LABELS[column]);
              return (
                <li key={column}>
                  <label>
                    <input
                      type="checkbox"
                      checked={!settings.hidden.includes(column)}
                      onChange={(event) => setShown(column, event.target.checked)}
                    />{' '}
                    {label}
                  </label>
                  <span className="column-chooser-moves">
                    <button
                      type="button"
                      className="icon-button"
                      data-column={column}
                      data-move="up"
                      aria-label={t('customers.columns.moveUp', { column: label })}
                      title={t('customers.columns.moveUp', { column: label })}
                      disabled={index === 0}
                      onClick={() => handleMove(column, -1)}
                    >
                      <span aria-hidden="true">↑</span>
                    </button>
                    <button
                      type="button"
                      className="icon-button"
                      data-column={column}
                      data-move="down"
                      aria-label={t('customers.columns.moveDown', { column: label })}
                      title={t('customers.columns.moveDown', { column: label })}
                      disabled={index === columns.length - 1}
                      onClick={() => handleMove(column, 1)}
                    >
                      <span aria-hidden="true">↓</span>
                    </button>
                  </span>
                </li>
              );
            })}
          </ul>
          <button
            type="button"
            onClick={() => {
              reset();
              setSaid(t('customers.columns.wasReset'));
            }}
          >
            {t('customers.columns.reset')}
          </button>
          <p role="status" className="visually-hidden">
            {said}
          </p>
        </div>
      )}
    </div>
  );
}
