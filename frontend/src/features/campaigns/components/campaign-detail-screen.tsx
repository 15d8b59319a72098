import { useEffect, useRef, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { Confirm } from '@/components/confirm';
import { PageLoadError } from '@/components/query-error';
import { useFormatters, useT } from '@/lib/i18n';
import { errorSentence, isProblem } from '@/lib/problem';
import { useCancelCampaign } from '../api/cancel-campaign';
import { useDeleteCampaign } from '../api/delete-campaign';
import { useCampaign } from '../api/get-campaign';
import type { Campaign } from '../api/list-campaigns';
import { CampaignProgress, CampaignStatusBadge, channelLabel } from './campaign-parts';
import { RecipientsTable } from './recipients-table';

const COUNTS = ['recipients', 'queued', 'sent', 'delivered', 'bounced', 'failed', 'skipped', 'cancelled'] as const;

/** What the segment is, in a line. */
function segmentSummary(t: ReturnType<typeof useT>, campaign: Campaign): string {
  const { segment } = campaign;
  if (segment.viewId != null) return t('campaigns.detail.segmentView', { id: String(segment.viewId) });
  if (segment.customerIds != null) return t('campaigns.detail.segmentIds', { count: segment.customerIds.length });
  return t('campaigns.detail.segmentFilter');
}

/** Cancel (scheduled or sending) or edit and delete (a draft): what can be done with the campaign as it is now. */
function CampaignActions({ campaign }: { campaign: Campaign }) {
  const t = useT();
  const navigate = useNavigate();
  const cancelMutation = useCancelCampaign();
  const deleteMutation = useDeleteCampaign();
  const [confirming, setConfirming] = useState<'cancel' | 'delete' | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const refocus = useRef(false);

  useEffect(() => {
    if (confirming || !refocus.current) return;
    refocus.current = false;
    buttonRef.current?.focus();
  }, [confirming]);

  function close() {
    refocus.current = true;
    setConfirming(null);
  }

  function cancel() {
    setFailure(null);
    cancelMutation.mutate(campaign, {
      onSuccess: () => setConfirming(null),
      onError: (error) => {
        setFailure(isProblem(error, 'campaign-state') ? t('campaigns.detail.cancelTooLate') : errorSentence(t, error));
        close();
      },
    });
  }

  function remove() {
    setFailure(null);
    deleteMutation.mutate(campaign, {
      onSuccess: () => void navigate('/campaigns'),
      onError: (error) => {
        setFailure(isProblem(error, 'campaign-state') ? t('campaigns.detail.deleteTooLate') : errorSentence(t, error));
        close();
      },
    });
  }

  const cancellable = campaign.status === 'SCHEDULED' || campaign.status === 'SENDING';
  const draft = campaign.status === 'DRAFT';
  if (!cancellable && !draft) return null;
  return (
    <div className="campaign-actions">
      {confirming === 'cancel' ? (
        <Confirm
          title={t('campaigns.detail.confirmCancel', { name: campaign.name })}
          description={t(campaign.status === 'SENDING' ? 'campaigns.detail.confirmCancelSending' : 'campaigns.detail.confirmCancelScheduled')}
          confirmLabel={cancelMutation.isPending ? t('campaigns.detail.cancelling') : t('campaigns.detail.cancel')}
          cancelLabel={t('campaigns.detail.keepGoing')}
          danger
          pending={cancelMutation.isPending}
          onConfirm={cancel}
          onCancel={close}
        />
      ) : confirming === 'delete' ? (
        <Confirm
          title={t('campaigns.detail.confirmDelete', { name: campaign.name })}
          description={t('campaigns.detail.confirmDeleteText')}
          confirmLabel={deleteMutation.isPending ? t('campaigns.detail.deleting') : t('campaigns.detail.delete')}
          cancelLabel={t('common.cancel')}
          danger
          pending={deleteMutation.isPending}
          onConfirm={remove}
          onCancel={close}
        />
      ) : (
        <div className="row-actions wrap">
          {draft && (
            <Link to={`/campaigns/${campaign.id}/edit`} className="button-link">
              {t('campaigns.detail.edit')}
            </Link>
          )}
          {draft && (
            <button ref={buttonRef} type="button" className="danger" onClick={() => setConfirming('delete')}>
              {t('campaigns.detail.delete')}
            </button>
          )}
          {cancellable && (
            <button ref={buttonRef} type="button" className="danger" onClick={() => setConfirming('cancel')}>
              {t('campaigns.detail.cancel')}
            </button>
          )}
        </div>
      )}
      {failure && (
        <p role="alert" className="field-error">
          {failure}
        </p>
      )}
    </div>
  );
}

/** One campaign: its status and counts (read every 2 s while it sends), what can be done with it, and its recipients. */
export function CampaignDetailScreen({ campaignId }: { campaignId: number }) {
  const t = useT();
  const format = useFormatters();
  const campaignQuery = useCampaign(campaignId);

  if (campaignQuery.isPending) return <p role="status">{t('app.loading')}</p>;
  if (campaignQuery.isError) {
    return (
      <PageLoadError title={t('campaigns.detail.title')} error={campaignQuery.error} backTo="/campaigns" backLabel={t('campaigns.backToList')} />
    );
  }
  const campaign = campaignQuery.data;
  const sending = campaign.status === 'SENDING';
  return (
    <div className="stack">
      <div>
        <p className="small">
          <Link to="/campaigns">{t('campaigns.backToList')}</Link>
        </p>
        <div className="page-title campaign-head">
          <h1 className="wrap-anywhere">{campaign.name}</h1>
          <CampaignStatusBadge status={campaign.status} />
        </div>
      </div>
      <section aria-labelledby="campaign-summary-title" className="card stack-tight">
        <h2 id="campaign-summary-title">{t('campaigns.detail.summary')}</h2>
        <dl className="profile campaign-facts">
          <dt>{t('campaigns.detail.channel')}</dt>
          <dd>{channelLabel(t, campaign.channel)}</dd>
          <dt>{t('campaigns.detail.template')}</dt>
          <dd className="wrap-anywhere">{campaign.templateName}</dd>
          <dt>{t('campaigns.detail.segment')}</dt>
          <dd>{segmentSummary(t, campaign)}</dd>
          <dt>{t('campaigns.detail.createdBy')}</dt>
          <dd>{t('campaigns.detail.createdByOn', { name: campaign.createdByName, date: format.dateTime(campaign.createdAt) })}</dd>
          {campaign.scheduledAt && (
            <>
              <dt>{t('campaigns.detail.scheduledAt')}</dt>
              <dd>{format.dateTime(campaign.scheduledAt)}</dd>
            </>
          )}
          {campaign.startedAt && (
            <>
              <dt>{t('campaigns.detail.startedAt')}</dt>
              <dd>{format.dateTime(campaign.startedAt)}</dd>
            </>
          )}
          {campaign.finishedAt && (
            <>
              <dt>{t('campaigns.detail.finishedAt')}</dt>
              <dd>{format.dateTime(campaign.finishedAt)}</dd>
            </>
          )}
          <dt>{t('campaigns.detail.poolTimers')}</dt>
          <dd>{campaign.keepPoolTimers ? t('campaigns.detail.poolTimersKept') : t('campaigns.detail.poolTimersReset')}</dd>
        </dl>
        <CampaignActions campaign={campaign} />
      </section>
      {campaign.status !== 'DRAFT' && (
        <section aria-labelledby="campaign-progress-title" className="card stack-tight">
          <h2 id="campaign-progress-title">{t('campaigns.detail.progress')}</h2>
          {sending && <p className="muted small">{t('campaigns.detail.live')}</p>}
          <CampaignProgress counts={campaign.counts} name={campaign.name} />
          <dl className="stat-tiles campaign-counts">
            {COUNTS.map((count) => (
              <div key={count} className="stat-tile">
                <dt>{t(`campaigns.count.${count}`)}</dt>
                <dd>{format.number(campaign.counts[count])}</dd>
              </div>
            ))}
          </dl>
        </section>
      )}
      {campaign.status !== 'DRAFT' && <RecipientsTable campaignId={campaign.id} sending={sending} />}
    </div>
  );
}
