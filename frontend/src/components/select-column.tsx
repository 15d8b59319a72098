import { useT } from '@/lib/i18n';

export interface SelectColumnProps {
  selected: ReadonlySet<number>;
  onSelect: (ids: number[], selected: boolean) => void;
}

/** The header cell that ticks or unticks every shown row. */
export function SelectAllHeader({ rows, selected, onSelect }: SelectColumnProps & { rows: { id: number }[] }) {
  const t = useT();
  const allSelected = rows.length > 0 && rows.every((row) => selected.has(row.id));
  return (
    <th scope="col" className="select-column">
      <label>
        <input
          type="checkbox"
          aria-label={t('customers.selectAll')}
          checked={allSelected}
          onChange={(event) => onSelect(rows.map((row) => row.id), event.target.checked)}
        />
        {/* shown where the list becomes cards (a phone), with no column header beside the box to explain it */}
        <span className="select-all-text" aria-hidden="true">
          {t('customers.selectAll')}
        </span>
      </label>
    </th>
  );
}

/** The cell that ticks one row, named after it for screen readers. */
export function SelectCell({ row, selected, onSelect }: SelectColumnProps & { row: { id: number; name: string } }) {
  const t = useT();
  return (
    <td className="select-column">
      <input
        type="checkbox"
        aria-label={t('customers.select', { name: row.name })}
        checked={selected.has(row.id)}
        onChange={(event) => onSelect([row.id], event.target.checked)}
      />
    </td>
  );
}
