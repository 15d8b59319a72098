import { useId, useState } from 'react';
import { Link } from 'react-router';
import { customerEventSentence } from '@/lib/customer-event-text';
import { useT } from '@/lib/i18n';
import { useMoney } from '@/lib/money';
import type { ActivityEntry } from '../api/list-activity';
import { orderSentence, typeLabel } from '../lib/entry-text';
import type { ActivityFormat } from '../lib/format';

/** Longer than this (or than a few lines), a follow-up shows its start and offers the rest. */
const CLAMP_CHARACTERS = 240;
const CLAMP_LINES = 3;

function FollowUpText({ content }: { content: string }) {
  const t = useT();
  const id = useId();
  const [expanded, setExpanded] = useState(false);
  const long = content.length > CLAMP_CHARACTERS || content.split('\n').length > CLAMP_LINES;
  return (
    <>
      <p id={id} className={long && !expanded ? 'activity-text is-clamped' : 'activity-text'}>
        {content}
      </p>
      {long && (
        <button type="button" className="link-button" aria-expanded={expanded} aria-controls={id} onClick={() => setExpanded(!expanded)}>
          {expanded ? t('activity.feed.less') : t('activity.feed.more')}
        </button>
      )}
    </>
  );
}

/** "Lin Wei · Call · Acme Trading · 10:42", then what was written, or what happened in words. */
export function FeedEntry({
  entry,
  tagsById,
  format,
}: {
  entry: ActivityEntry;
  tagsById: Map<number, string>;
  format: ActivityFormat;
}) {
  const t = useT();
  const money = useMoney();
  const followUp = entry.source === 'FOLLOW_UP';
  return (
    <li className={`activity-entry activity-entry-${entry.source.toLowerCase()}`}>
      <p className="activity-meta">
        <span className="activity-actor">{entry.actorName || t('activity.feed.automatic')}</span>
        {followUp && (
          <>
            {' · '}
            <span className="activity-type">{typeLabel(t, entry.type)}</span>
          </>
        )}
        {' · '}
        <Link to={`/customers/${entry.customerId}`}>
          {entry.customerName || t('orders.customerNumber', { id: String(entry.customerId) })}
        </Link>
        {' · '}
        <time dateTime={entry.at}>{format.time(entry.at)}</time>
      </p>
      {followUp ? (
        entry.content ? <FollowUpText content={entry.content} /> : null
      ) : (
        <p className="activity-text">
          {entry.source === 'ORDER' ? orderSentence(t, entry, money) : customerEventSentence(t, entry, tagsById)}
        </p>
      )}
    </li>
  );
}
