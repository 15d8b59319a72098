import { useT, type Translate } from '@/lib/i18n';
import type { MessageChannel } from '../api/get-messaging-settings';
import type { CampaignCounts, CampaignStatus } from '../api/list-campaigns';
import type { MessageStatus } from '../api/list-campaign-recipients';

export function channelLabel(t: Translate, channel: MessageChannel): string {
  return t(channel === 'SMS' ? 'campaigns.channel.SMS' : 'campaigns.channel.EMAIL');
}

/** A campaign's status in words, coloured as a second signal. */
export function CampaignStatusBadge({ status }: { status: CampaignStatus }) {
  const t = useT();
  return <span className={`status-chip campaign-status-${status.toLowerCase()}`}>{t(`campaigns.status.${status}`)}</span>;
}

/** A recipient's status in words: delivered and sent green-ish, failed and bounced red, the rest neutral. */
export function RecipientStatusBadge({ status }: { status: MessageStatus }) {
  const t = useT();
  return <span className={`status-chip campaign-message-${status.toLowerCase()}`}>{t(`campaigns.recipientStatus.${status}`)}</span>;
}

/** Handled so far (sent, delivered, bounced or failed) out of those it will go to (all but the skipped). */
export function progressOf(counts: CampaignCounts): { done: number; total: number } {
  const done = counts.sent + counts.delivered + counts.bounced + counts.failed;
  const total = Math.max(0, counts.recipients - counts.skipped);
  return { done: Math.min(done, total), total };
}

/** A campaign's progress as a bar with its numbers in words; the skipped are said beside it. */
export function CampaignProgress({ counts, name, compact = false }: { counts: CampaignCounts; name: string; compact?: boolean }) {
  const t = useT();
  const { done, total } = progressOf(counts);
  const percent = total === 0 ? 0 : Math.round((done / total) * 100);
  return (
    <div className={compact ? 'campaign-progress is-compact' : 'campaign-progress'}>
      <div
        role="progressbar"
        aria-label={t('campaigns.progress.label', { name })}
        aria-valuemin={0}
        aria-valuemax={total}
        aria-valuenow={done}
        aria-valuetext={t('campaigns.progress.text', { done, total })}
        className="progress-track"
      >
        <div className="progress-fill" style={{ width: `${percent}%` }} />
      </div>
      <div className="small">
        {t('campaigns.progress.text', { done, total })}
        {counts.skipped > 0 && <span className="muted"> · {t('campaigns.progress.skipped', { count: counts.skipped })}</span>}
      </div>
    </div>
  );
}
