import { useT } from '@/lib/i18n';

export { inquiryChannelName as channelName } from '@/lib/domain';

/** The insight of a repeat inquiry: the buyer's owner is not the one of their previous inquiry. */
export function OwnerChangedBadge({ previousOwnerId, previousOwnerName }: { previousOwnerId: number | null; previousOwnerName: string | null }) {
  const t = useT();
  let words;
  if (previousOwnerId === null) words = t('inbox.ownerChanged.wasPool');
  else if (previousOwnerName) words = t('inbox.ownerChanged.was', { name: previousOwnerName });
  else words = t('inbox.ownerChanged');
  return <span className="owner-changed">{words}</span>;
}

/** A phone number as a tel: address: digits and a leading plus only. */
function telHref(number: string): string {
  return `tel:${number.replace(/(?!^\+)[^\d]/g, '')}`;
}

/**
 * An e-mail address or phone number of the inquiry's contact: a link to write or call, unless it is masked (a rep
 * reading a pool customer's inquiry gets "b***@x.com"), which is plain text that says so.
 */
export function ContactValue({ value, kind, masked }: { value: string; kind: 'email' | 'phone'; masked: boolean }) {
  const t = useT();
  if (masked || value.includes('*')) {
    return (
      <span className="masked" title={t('inbox.masked')}>
        {value} <span className="visually-hidden">({t('inbox.masked')})</span>
      </span>
    );
  }
  return <a href={kind === 'email' ? `mailto:${value}` : telHref(value)}>{value}</a>;
}

const EXCERPT_LENGTH = 160;

/** The start of a message, on one line. */
export function excerpt(message: string): string {
  const line = message.replace(/\s+/g, ' ').trim();
  return line.length <= EXCERPT_LENGTH ? line : `${line.slice(0, EXCERPT_LENGTH - 1).trimEnd()}…`;
}
