import { useCallback, useState } from 'react';

/** Ids ticked in a list: `select(ids, on)` ticks or unticks several at once (select all). */
export function useSelection() {
  const [selected, setSelected] = useState<ReadonlySet<number>>(new Set());
  const select = useCallback((ids: number[], on: boolean) => {
    setSelected((current) => {
      const next = new Set(current);
      for (const id of ids) {
        if (on) next.add(id);
        else next.delete(id);
      }
      return next;
    });
  }, []);
  return { selected, select, setSelected };
}
