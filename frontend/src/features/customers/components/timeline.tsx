import { useFormatters, useT, type Translate } from '@/lib/i18n';
import { customerFieldLabels } from '@/lib/field-label';
import { errorMessage } from '@/lib/problem';
import { STAGES, type CustomerStage } from '../api/list-customers';
import { useAllLostReasons } from '../api/list-lost-reasons';
import type { Tag } from '../api/list-tags';
import { useTimeline, type TimelineEntry } from '../api/get-timeline';
import { FollowUpEntry } from './follow-up-entry';

function stageName(t: Translate, value: unknown): string {
  return (STAGES as readonly unknown[]).includes(value) ? t(`stage.${value as CustomerStage}`) : String(value ?? '—');
}

function starsName(t: Translate, value: unknown): string {
  const stars = Number(value);
  return stars >= 0 && stars <= 3 ? t(`stars.${stars as 0 | 1 | 2 | 3}`) : String(value ?? '—');
}

function tagNames(value: unknown, tagsById: Map<number, string>): string {
  return Array.isArray(value) ? value.map((id) => tagsById.get(Number(id)) ?? `#${String(id)}`).join(', ') : '';
}

const OWNER_CHANGE_KINDS = ['RELEASED', 'AUTO_RETURNED', 'CLAIMED', 'ASSIGNED', 'TRANSFERRED'] as const;

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

/** One readable sentence per event type. */
export function eventSentence(
  t: Translate,
  entry: TimelineEntry,
  tagsById: Map<number, string>,
  reasonsById: Map<number, string> = new Map(),
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
      return data.kind === 'RELEASED' ? withClause(kind, reasonClause(t, data, reasonsById)) : kind;
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

export function Timeline({
  customerId,
  tags,
  canChangeFollowUp,
}: {
  customerId: number;
  tags: Tag[];
  /** Whether the signed-in user may edit and delete a follow-up by this author; absent: nobody may here. */
  canChangeFollowUp?: (authorId: number | null | undefined) => boolean;
}) {
  const t = useT();
  const format = useFormatters();
  const timelineQuery = useTimeline(customerId);
  const tagsById = new Map(tags.map((tag) => [tag.id, tag.name]));
  const reasonsById = new Map((useAllLostReasons().data ?? []).map((reason) => [reason.id, reason.name]));

  let body;
  if (timelineQuery.isPending) body = <p role="status">{t('app.loading')}</p>;
  else if (timelineQuery.isLoadingError) {
    const { key, params } = errorMessage(timelineQuery.error);
    body = (
      <div role="alert" className="form-alert">
        <p>{t(key, params)}</p>
        <button type="button" onClick={() => void timelineQuery.refetch()}>
          {t('app.retry')}
        </button>
      </div>
    );
  } else {
    const entries = timelineQuery.data.pages.flatMap((page) => page.items);
    body =
      entries.length === 0 ? (
        <p className="muted">{t('timeline.empty')}</p>
      ) : (
        <ol className="timeline" aria-label={t('timeline.title')}>
          {entries.map((entry) => (
            <li key={`${entry.kind}-${entry.id}`} className={entry.kind === 'FOLLOW_UP' ? 'timeline-follow-up' : 'timeline-event'}>
              <div className="timeline-meta">
                <time dateTime={entry.at}>{format.dateTime(entry.at)}</time>
                {entry.actorName && (
                  <span>
                    {' · '}
                    {entry.actorName}
                    {/* A machine's doing, named by its key: said so, not taken for a colleague's. */}
                    {entry.actorKind === 'API_KEY' && <span className="badge api-key-badge">{t('timeline.apiKey')}</span>}
                  </span>
                )}
              </div>
              {entry.kind === 'FOLLOW_UP' ? (
                <FollowUpEntry
                  customerId={customerId}
                  entry={entry}
                  canChange={canChangeFollowUp?.(entry.actorId) ?? false}
                />
              ) : (
                <p className="timeline-content">{eventSentence(t, entry, tagsById, reasonsById)}</p>
              )}
            </li>
          ))}
        </ol>
      );
  }

  const loadingMore = timelineQuery.isFetchingNextPage;
  return (
    <section aria-labelledby="timeline-title" className="card">
      <h2 id="timeline-title">{t('timeline.title')}</h2>
      {body}
      {timelineQuery.hasNextPage && (
        <button
          type="button"
          className="load-more"
          aria-disabled={loadingMore || undefined}
          onClick={() => {
            if (!loadingMore) void timelineQuery.fetchNextPage();
          }}
        >
          {loadingMore ? t('customers.loadingMore') : t('customers.loadMore')}
        </button>
      )}
    </section>
  );
}
