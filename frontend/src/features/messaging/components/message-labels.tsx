import type { Translate } from '@/lib/i18n';
import { MESSAGE_STATUSES, SKIP_REASONS, type MessageStatus } from '../api/list-customer-messages';
import type { MessageChannel } from '../api/list-message-templates';

/** A status in the reader's words; one newer than this app, as the server spells it. */
export function statusLabel(t: Translate, status: MessageStatus | string): string {
  return (MESSAGE_STATUSES as readonly string[]).includes(status) ? t(`messaging.status.${status as MessageStatus}`) : status;
}

export function skipReasonLabel(t: Translate, reason: string): string {
  return (SKIP_REASONS as readonly string[]).includes(reason)
    ? t(`messaging.skipReason.${reason as (typeof SKIP_REASONS)[number]}`)
    : reason;
}

/** A small picture of the channel beside its name (decoration: the name says it). */
export function ChannelIcon({ channel }: { channel: MessageChannel }) {
  return (
    <svg className="message-channel-icon" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
      {channel === 'EMAIL' ? (
        // an envelope
        <path d="M1.5 3.5h13v9h-13z M1.5 3.5l6.5 5 6.5-5" fill="none" stroke="currentColor" strokeWidth="1.3" strokeLinejoin="round" />
      ) : (
        // a speech bubble
        <path d="M2 3h12v8H7l-3 2.5V11H2z" fill="none" stroke="currentColor" strokeWidth="1.3" strokeLinejoin="round" />
      )}
    </svg>
  );
}
