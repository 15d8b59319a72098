import { Link } from 'react-router';
import { PageLoadError } from '@/components/query-error';
import { useT } from '@/lib/i18n';
import { useCampaign } from '../api/get-campaign';
import { CampaignEditor } from './campaign-editor';

/** A draft to change; a campaign sent or scheduled is no longer a draft and says so. */
export function EditCampaignScreen({ campaignId, timeZone }: { campaignId: number; timeZone?: string }) {
  const t = useT();
  const campaignQuery = useCampaign(campaignId);
  if (campaignQuery.isPending) return <p role="status">{t('app.loading')}</p>;
  if (campaignQuery.isError) {
    return (
      <PageLoadError title={t('campaigns.detail.title')} error={campaignQuery.error} backTo="/campaigns" backLabel={t('campaigns.backToList')} />
    );
  }
  const campaign = campaignQuery.data;
  if (campaign.status !== 'DRAFT') {
    return (
      <div className="stack">
        <h1>{campaign.name}</h1>
        <div role="alert" className="form-alert">
          <p>{t('campaigns.error.notDraft')}</p>
          <Link to={`/campaigns/${campaign.id}`}>{t('campaigns.editor.backToCampaign')}</Link>
        </div>
      </div>
    );
  }
  // A draft saved from the form stays in it: the form is not made anew when its version moves on.
  return <CampaignEditor key={campaign.id} campaign={campaign} timeZone={timeZone} />;
}
