import { STAGES, STARS } from './domain';
import { customerFieldLabels } from './field-label';
import type { Translate } from './i18n';

/**
 * A customer event (stage changed, released to the pool, tags changed ...) in one readable sentence,
 * said the same way on the customer's timeline and in the team's activity feed.
 */

/** Any event with a type and its data: a timeline entry and an activity entry both fit. */
export interface CustomerEventLike {
  type: string;
  data?: Record<string, unknown> | null;
}

const OWNER_CHANGE_KINDS = ['RELEASED', 'AUTO_RETURNED', 'CLAIMED', 'ASSIGNED', 'TRANSFERRED', 'AUTO_ASSIGNED'] as const;
/** The rule that chose the rep of an automatic assignment (pool distribution). */
const DISTRIBUTION_RULES = ['ROUND_ROBIN', 'CAPACITY', 'RETURNING_BUYER'] as const;

function stageName(t: Translate, value: unknown): string {
  return (STAGES as readonly unknown[]).includes(value) ? t(`stage.${value as (typeof STAGES)[number]}`) : String(value ?? '—');
}

function starsName(t: Translate, value: unknown): string {
  const stars = Number(value);
  return (STARS as readonly number[]).includes(stars) ? t(`stars.${stars as (typeof STARS)[number]}`) : String(value ?? '—');
}

function tagNames(value: unknown, tagsById: Map<number, string>): string {
  return Array.isArray(value) ? value.map((id) => tagsById.get(Number(id)) ?? `#${String(id)}`).join(', ') : '';
}

/** The reason's name (archived ones too) and the note of a lost or released customer, as one clause. */
function reasonClause(t: Translate, data: Record<string, unknown>, reasonsById: Map<number, string>): string {
  const reason = data.reasonId === null || data.reasonId === undefined ? undefined : reasonsById.get(Number(data.reasonId));
  const parts = [reason ? t('timeline.because', { reason }) : ''];
  if (typeof data.note === 'string' && data.note) parts.push(t('timeline.note', { note: data.note }));
  return parts.filter(Boolean).join(' ');
}

function withClause(sentence: string, clause: string): string {
  return clause ? `${sentence}: ${clause}` : sentence;
}

function duplicateNames(value: unknown): string {
  if (!Array.isArray(value)) return '';
  return value
    .map((item: unknown) => (typeof item === 'object' && item !== null && 'name' in item ? String(item.name) : ''))
    .filter(Boolean)
    .join(', ');
}

/**
 * One readable sentence per customer event type; a type newer than this app, as the server spells it.
 * `tagsById` names the tags of a tags change; `reasonsById` (optional) names the reason of a loss or a release;
 * `poolsById` (optional) the pool a release put the customer in, when it was not its own (toPoolId) and the reader
 * sees that pool.
 */
export function customerEventSentence(
  t: Translate,
  entry: CustomerEventLike,
  tagsById: Map<number, string>,
  reasonsById: Map<number, string> = new Map(),
  poolsById: Map<number, string> = new Map(),
): string {
  const data = entry.data ?? {};
  switch (entry.type) {
    case 'CREATED':
      return t('timeline.CREATED');
    case 'STAGE_CHANGED':
      return t('timeline.STAGE_CHANGED', { from: stageName(t, data.from), to: stageName(t, data.to) });
    case 'STARS_CHANGED':
      return t('timeline.STARS_CHANGED', { from: starsName(t, data.from), to: starsName(t, data.to) });
    case 'TAGS_CHANGED': {
      const added = tagNames(data.added, tagsById);
      const removed = tagNames(data.removed, tagsById);
      const parts = [t('timeline.TAGS_CHANGED')];
      if (added) parts.push(t('timeline.tagsAdded', { tags: added }));
      if (removed) parts.push(t('timeline.tagsRemoved', { tags: removed }));
      return parts.join(' ');
    }
    case 'OWNER_CHANGED': {
      const kind = (OWNER_CHANGE_KINDS as readonly unknown[]).includes(data.kind)
        ? t(`timeline.owner.${data.kind as (typeof OWNER_CHANGE_KINDS)[number]}`)
        : t('timeline.OWNER_CHANGED');
      if (data.kind === 'AUTO_ASSIGNED' && (DISTRIBUTION_RULES as readonly unknown[]).includes(data.rule)) {
        return t(`timeline.autoAssigned.${data.rule as (typeof DISTRIBUTION_RULES)[number]}`);
      }
      if (data.kind !== 'RELEASED') return kind;
      const pool = data.toPoolId === null || data.toPoolId === undefined ? undefined : poolsById.get(Number(data.toPoolId));
      return withClause(pool ? t('timeline.owner.RELEASED_TO', { pool }) : kind, reasonClause(t, data, reasonsById));
    }
    case 'LOST':
      return withClause(t('timeline.LOST'), reasonClause(t, data, reasonsById));
    case 'REACTIVATED':
      return t('timeline.REACTIVATED');
    case 'IMPORTED':
      return t('timeline.IMPORTED');
    case 'INQUIRY_RECEIVED':
      return t('timeline.INQUIRY_RECEIVED');
    case 'MERGED': {
      const names = duplicateNames(data.duplicates);
      const sentence = names ? t('timeline.mergedNames', { names }) : t('timeline.MERGED');
      const filled = Array.isArray(data.filledFields) ? customerFieldLabels(t, data.filledFields) : '';
      return filled ? `${sentence} ${t('timeline.mergedFilled', { fields: filled })}` : sentence;
    }
    case 'MERGE_UNDONE':
      return t('timeline.MERGE_UNDONE', { count: Array.isArray(data.restoredIds) ? data.restoredIds.length : 0 });
    default:
      return entry.type;
  }
}
