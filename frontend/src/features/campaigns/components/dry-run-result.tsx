import { useId } from 'react';
import { Link } from 'react-router';
import { useFormatters, useT, type MessageKey } from '@/lib/i18n';
import { SKIP_REASONS, type CampaignDryRun } from '../api/dry-run-campaign';
import { RenderedMessageView } from './rendered-message';

const REASON_LABELS: Record<string, MessageKey> = {
  NO_ADDRESS: 'campaigns.skip.NO_ADDRESS',
  NO_CONSENT: 'campaigns.skip.NO_CONSENT',
  UNSUBSCRIBED: 'campaigns.skip.UNSUBSCRIBED',
  DUPLICATE_ADDRESS: 'campaigns.skip.DUPLICATE_ADDRESS',
};

/** A reason a customer is left out, in words; one newer than this app as the server names it. */
export function skipReasonLabel(t: (key: MessageKey) => string, reason: string): string {
  const key = REASON_LABELS[reason];
  return key ? t(key) : reason;
}

/** Who would get the campaign now, who not and why, and the first recipient's copy. */
export function DryRunResult({ result, outdated }: { result: CampaignDryRun; outdated: boolean }) {
  const t = useT();
  const format = useFormatters();
  const id = useId();
  // The four known reasons in their order, then any other the server gave.
  const reasons = [...SKIP_REASONS, ...Object.keys(result.skipped).filter((reason) => !(SKIP_REASONS as readonly string[]).includes(reason))];
  const skippedTotal = Object.values(result.skipped).reduce((sum, count) => sum + count, 0);
  return (
    <section aria-labelledby={`${id}-title`} className="card campaign-dry-run">
      <h2 id={`${id}-title`}>{t('campaigns.dryRun.title')}</h2>
      {outdated && <p className="campaign-dry-run-outdated">{t('campaigns.dryRun.outdated')}</p>}
      <dl className="stat-tiles">
        <div className="stat-tile">
          <dt>{t('campaigns.dryRun.recipients')}</dt>
          <dd>{format.number(result.recipients)}</dd>
        </div>
        <div className="stat-tile">
          <dt>{t('campaigns.dryRun.skipped')}</dt>
          <dd>{format.number(skippedTotal)}</dd>
        </div>
      </dl>
      <p>{t('campaigns.dryRun.summary', { count: result.recipients, skipped: skippedTotal })}</p>
      {skippedTotal > 0 && (
        <table className="campaign-skipped" aria-label={t('campaigns.dryRun.skippedByReason')}>
          <tbody>
            {reasons.map((reason) => (
              <tr key={reason}>
                <th scope="row">{skipReasonLabel(t, reason)}</th>
                <td className="numeric">{format.number(result.skipped[reason] ?? 0)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {result.sample ? (
        <RenderedMessageView
          message={result.sample}
          title={
            result.sampleCustomerId != null
              ? t('campaigns.dryRun.sampleFor', { id: String(result.sampleCustomerId) })
              : t('campaigns.dryRun.sample')
          }
        />
      ) : (
        <p className="muted">{t('campaigns.dryRun.noSample')}</p>
      )}
      {result.sampleCustomerId != null && (
        <p className="small">
          <Link to={`/customers/${result.sampleCustomerId}`}>{t('campaigns.dryRun.openSampleCustomer')}</Link>
        </p>
      )}
    </section>
  );
}
