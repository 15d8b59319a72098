import { useParams } from 'react-router';
import { CampaignDetailScreen } from '@/features/campaigns/components/campaign-detail-screen';
import { CampaignEditor } from '@/features/campaigns/components/campaign-editor';
import { CampaignsScreen } from '@/features/campaigns/components/campaigns-screen';
import { EditCampaignScreen } from '@/features/campaigns/components/edit-campaign-screen';
import { MessagingSettingsScreen } from '@/features/campaigns/components/messaging-settings-screen';
import { TemplatesScreen } from '@/features/campaigns/components/templates-screen';
import { idOf, UnknownAddress } from '../components/address-id';
import { WithMe } from '../components/with-me';
import { Forbidden } from './settings';

/** The store's e-mail and SMS channels: the administrators' (the API refuses the others). */
export function MessagingSettingsRoute() {
  return <WithMe>{(me) => (me.user.role === 'ADMIN' ? <MessagingSettingsScreen /> : <Forbidden />)}</WithMe>;
}

/** Message templates: managers and administrators write them (reps may only read them, and need no screen for it). */
export function TemplatesRoute() {
  return <WithMe>{(me) => (me.user.role === 'REP' ? <Forbidden /> : <TemplatesScreen />)}</WithMe>;
}

/** Campaigns: managers' and administrators' (the API refuses reps). */
export function CampaignsRoute() {
  return <WithMe>{(me) => (me.user.role === 'REP' ? <Forbidden /> : <CampaignsScreen />)}</WithMe>;
}

export function NewCampaignRoute() {
  return <WithMe>{(me) => (me.user.role === 'REP' ? <Forbidden /> : <CampaignEditor campaign={null} timeZone={me.store.timeZone} />)}</WithMe>;
}

export function CampaignRoute() {
  const campaignId = idOf(useParams().id);
  if (campaignId === null) return <UnknownAddress />;
  return (
    <WithMe>{(me) => (me.user.role === 'REP' ? <Forbidden /> : <CampaignDetailScreen key={campaignId} campaignId={campaignId} />)}</WithMe>
  );
}

export function EditCampaignRoute() {
  const campaignId = idOf(useParams().id);
  if (campaignId === null) return <UnknownAddress />;
  return (
    <WithMe>{(me) => (me.user.role === 'REP' ? <Forbidden /> : <EditCampaignScreen key={campaignId} campaignId={campaignId} timeZone={me.store.timeZone} />)}</WithMe>
  );
}
