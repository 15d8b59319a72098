import { Link } from 'react-router';
import { LoadMore } from '@/components/load-more';
import { QueryError } from '@/components/query-error';
import { TableScroll } from '@/components/table-scroll';
import { useFormatters, useT } from '@/lib/i18n';
import { useCampaigns, type Campaign } from '../api/list-campaigns';
import { CampaignProgress, CampaignStatusBadge, channelLabel } from './campaign-parts';

/** When it went (or goes) out: finished, started, scheduled, or only created. */
function CampaignDates({ campaign }: { campaign: Campaign }) {
  const t = useT();
  const format = useFormatters();
  const line = (key: Parameters<typeof t>[0], iso: string) => (
    <div>
      <time dateTime={iso} title={format.dateTime(iso)}>
        {t(key, { date: format.dateTime(iso) })}
      </time>
    </div>
  );
  return (
    <>
      {line('campaigns.date.created', campaign.createdAt)}
      {campaign.status === 'SCHEDULED' && campaign.scheduledAt && line('campaigns.date.scheduled', campaign.scheduledAt)}
      {campaign.startedAt && line('campaigns.date.started', campaign.startedAt)}
      {campaign.finishedAt && line('campaigns.date.finished', campaign.finishedAt)}
    </>
  );
}

/** Campaigns (managers and administrators): every campaign of the store, newest first, with how far each got. */
export function CampaignsScreen() {
  const t = useT();
  const campaignsQuery = useCampaigns();

  let content;
  if (campaignsQuery.isPending) content = <p role="status">{t('app.loading')}</p>;
  else if (campaignsQuery.isLoadingError) {
    content = <QueryError error={campaignsQuery.error} onRetry={() => void campaignsQuery.refetch()} />;
  } else {
    const campaigns = campaignsQuery.data.pages.flatMap((page) => page.items);
    content =
      campaigns.length === 0 ? (
        <div>
          <p>{t('campaigns.empty')}</p>
          <p className="muted">{t('campaigns.emptyHow')}</p>
        </div>
      ) : (
        <>
          <div className="table-cards table-cards-plain campaigns-table">
            <TableScroll labelledBy="campaigns-list-title">
              <table aria-labelledby="campaigns-list-title">
                <thead>
                  <tr>
                    <th scope="col">{t('campaigns.column.name')}</th>
                    <th scope="col">{t('campaigns.column.channel')}</th>
                    <th scope="col">{t('campaigns.column.status')}</th>
                    <th scope="col">{t('campaigns.column.progress')}</th>
                    <th scope="col">{t('campaigns.column.createdBy')}</th>
                    <th scope="col">{t('campaigns.column.dates')}</th>
                  </tr>
                </thead>
                <tbody>
                  {campaigns.map((campaign) => (
                    <tr key={campaign.id}>
                      <th scope="row" className="wrap-anywhere">
                        <Link to={`/campaigns/${campaign.id}`}>{campaign.name}</Link>
                        <div className="muted small">{campaign.templateName}</div>
                      </th>
                      <td data-label={t('campaigns.column.channel')}>{channelLabel(t, campaign.channel)}</td>
                      <td data-label={t('campaigns.column.status')}>
                        <CampaignStatusBadge status={campaign.status} />
                      </td>
                      <td data-label={t('campaigns.column.progress')} className="campaign-progress-cell">
                        {campaign.status === 'DRAFT' ? (
                          <span className="muted">—</span>
                        ) : (
                          <CampaignProgress counts={campaign.counts} name={campaign.name} compact />
                        )}
                      </td>
                      <td data-label={t('campaigns.column.createdBy')}>{campaign.createdByName}</td>
                      <td data-label={t('campaigns.column.dates')} className="small">
                        <CampaignDates campaign={campaign} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          </div>
          <LoadMore query={campaignsQuery} />
        </>
      );
  }

  return (
    <div className="stack">
      <div className="page-title campaigns-title">
        <div>
          <h1>{t('campaigns.title')}</h1>
          <p className="muted">{t('campaigns.intro')}</p>
        </div>
        <Link to="/campaigns/new" className="button-link">
          {t('campaigns.new')}
        </Link>
      </div>
      <section aria-labelledby="campaigns-list-title" className="card">
        <h2 id="campaigns-list-title">{t('campaigns.listTitle')}</h2>
        {content}
      </section>
    </div>
  );
}
