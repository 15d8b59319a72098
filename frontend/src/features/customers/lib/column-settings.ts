import { useCallback, useState } from 'react';
import type { MessageKey } from '@/lib/i18n';

/**
 * The customer list's columns a person may hide and reorder. The tick box and the name are not among them: they are
 * always shown, and first.
 */
export const OPTIONAL_COLUMNS = [
  'owner',
  'stage',
  'stars',
  'tags',
  'poolReturn',
  'score',
  'lastFollowUpAt',
  'nextFollowUpAt',
  'createdAt',
] as const;
export type OptionalColumn = (typeof OPTIONAL_COLUMNS)[number];

export const COLUMN_LABELS: Record<OptionalColumn | 'name', MessageKey> = {
  name: 'customers.column.name',
  owner: 'customers.column.owner',
  stage: 'customers.column.stage',
  stars: 'customers.column.stars',
  tags: 'customers.column.tags',
  poolReturn: 'customers.column.poolReturn',
  score: 'customers.column.score',
  lastFollowUpAt: 'customers.column.lastFollowUp',
  nextFollowUpAt: 'customers.column.nextFollowUp',
  createdAt: 'customers.column.created',
};

/** Which optional columns are shown, and in what order (hidden ones keep their place for when they come back). */
export interface ColumnSettings {
  order: OptionalColumn[];
  hidden: OptionalColumn[];
}

export const DEFAULT_COLUMN_SETTINGS: ColumnSettings = { order: [...OPTIONAL_COLUMNS], hidden: [] };

/** Each person's own: two people sharing a browser keep theirs apart. */
export function columnSettingsKey(userId: number): string {
  return `harbor.customers.columns.${userId}`;
}

function isOptionalColumn(value: unknown): value is OptionalColumn {
  return (OPTIONAL_COLUMNS as readonly unknown[]).includes(value);
}

/**
 * Settings as stored, made safe: unknown or repeated columns dropped, columns this app gained since they were saved
 * put back at their default place.
 */
export function normaliseColumnSettings(raw: unknown): ColumnSettings {
  if (typeof raw !== 'object' || raw === null) return DEFAULT_COLUMN_SETTINGS;
  const record = raw as Record<string, unknown>;
  const order = [...new Set(Array.isArray(record.order) ? record.order.filter(isOptionalColumn) : [])];
  OPTIONAL_COLUMNS.forEach((column, index) => {
    if (!order.includes(column)) order.splice(Math.min(index, order.length), 0, column);
  });
  const hidden = [...new Set(Array.isArray(record.hidden) ? record.hidden.filter(isOptionalColumn) : [])];
  return { order, hidden };
}

export function readColumnSettings(userId: number | undefined): ColumnSettings {
  if (userId === undefined) return DEFAULT_COLUMN_SETTINGS;
  try {
    const stored = localStorage.getItem(columnSettingsKey(userId));
    return stored === null ? DEFAULT_COLUMN_SETTINGS : normaliseColumnSettings(JSON.parse(stored));
  } catch {
    // Unreadable (private mode, hand-edited): the defaults.
    return DEFAULT_COLUMN_SETTINGS;
  }
}

function writeColumnSettings(userId: number | undefined, settings: ColumnSettings | null) {
  if (userId === undefined) return;
  try {
    if (settings === null) localStorage.removeItem(columnSettingsKey(userId));
    else localStorage.setItem(columnSettingsKey(userId), JSON.stringify(settings));
  } catch {
    // Storage full or refused: the choice still holds until the page is left.
  }
}

/**
 * Moves a column one place up (-1) or down (+1) among the `available` ones (a rep's list has no owner column, which
 * then does not count as a place); nothing at either end.
 */
export function moveColumn(
  settings: ColumnSettings,
  column: OptionalColumn,
  delta: -1 | 1,
  available: readonly OptionalColumn[],
): ColumnSettings {
  const shown = settings.order.filter((candidate) => available.includes(candidate));
  const index = shown.indexOf(column);
  const other = shown[index + delta];
  if (index < 0 || other === undefined) return settings;
  const order = settings.order.map((candidate) => (candidate === column ? other : candidate === other ? column : candidate));
  return { ...settings, order };
}

/**
 * The signed-in person's column settings for the customer list, kept in this browser under their id and read back on
 * the next visit. Without a user id (a test, or no one known) they last as long as the screen.
 */
export function useColumnSettings(userId: number | undefined) {
  const [state, setState] = useState(() => ({ userId, settings: readColumnSettings(userId) }));
  // Someone else signed in without the screen being left: their settings.
  let current = state;
  if (state.userId !== userId) {
    current = { userId, settings: readColumnSettings(userId) };
    setState(current);
  }
  const { settings } = current;

  const update = useCallback(
    (change: (settings: ColumnSettings) => ColumnSettings) => {
      setState((previous) => {
        const next = change(previous.settings);
        writeColumnSettings(userId, next);
        return { userId, settings: next };
      });
    },
    [userId],
  );

  const setShown = useCallback(
    (column: OptionalColumn, shown: boolean) =>
      update((previous) => ({
        ...previous,
        hidden: shown ? previous.hidden.filter((hidden) => hidden !== column) : [...new Set([...previous.hidden, column])],
      })),
    [update],
  );

  const move = useCallback(
    (column: OptionalColumn, delta: -1 | 1, available: readonly OptionalColumn[]) =>
      update((previous) => moveColumn(previous, column, delta, available)),
    [update],
  );

  const reset = useCallback(() => {
    writeColumnSettings(userId, null);
    setState({ userId, settings: DEFAULT_COLUMN_SETTINGS });
  }, [userId]);

  return { settings, setShown, move, reset };
}

export type ColumnSettingsControl = ReturnType<typeof useColumnSettings>;
