import type { TagRef } from '../api/list-tags';

export function TagChip({ tag }: { tag: Pick<TagRef, 'name' | 'color'> }) {
  return (
    <span className="tag-chip" style={{ borderColor: tag.color }}>
      <span className="tag-dot" style={{ background: tag.color }} aria-hidden="true" />
      {tag.name}
    </span>
  );
}
