import { useT } from '@/lib/i18n';
import { NONE } from '../lib/format';

export interface TileSkeleton {
  label: string;
  /** The note line under the figure, when the tile has one: its words with dashes for the figures, or blank. */
  note?: string;
}

/**
 * Tiles with their labels and no figures yet, each the size it takes once its figure is there: the section does
 * not grow, and nothing below it moves, when the figures arrive.
 */
export function TilesSkeleton({ tiles }: { tiles: TileSkeleton[] }) {
  return (
    <dl className="stat-tiles is-skeleton" aria-hidden="true">
      {tiles.map(({ label, note }) => (
        <div key={label} className="stat-tile">
          <dt>{label}</dt>
          <dd>{NONE}</dd>
          {note !== undefined && <dd className="stat-tile-note">{note || '\u00a0'}</dd>}
        </div>
      ))}
    </dl>
  );
}

/** "Loading…" for screen readers, while a skeleton holds the section's place on screen. */
export function LoadingStatus() {
  const t = useT();
  return (
    <p role="status" className="visually-hidden">
      {t('app.loading')}
    </p>
  );
}
