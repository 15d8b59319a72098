import { LoadMore } from '@/components/load-more';
import { QueryError } from '@/components/query-error';
import { TableScroll } from '@/components/table-scroll';
import { useT } from '@/lib/i18n';
import { useWebhooks, type Webhook } from '../api/list-webhooks';
import { WebhookRow } from './webhook-row';

/** The store's subscriptions, newest first: a table, and on a phone one card per subscription. */
export function WebhooksTable({
  labelledBy,
  logFor,
  onOpenLog,
  onDeleted,
}: {
  labelledBy: string;
  /** The subscription whose delivery log is open, if any. */
  logFor: number | null;
  onOpenLog: (webhook: Webhook) => void;
  onDeleted: (webhook: Webhook) => void;
}) {
  const t = useT();
  const webhooksQuery = useWebhooks();

  if (webhooksQuery.isPending) return <p role="status">{t('app.loading')}</p>;
  // A failed next page keeps the pages already shown (and says so below them).
  if (webhooksQuery.isLoadingError) return <QueryError error={webhooksQuery.error} onRetry={() => void webhooksQuery.refetch()} />;

  const webhooks = webhooksQuery.data.pages.flatMap((page) => page.items);
  if (webhooks.length === 0) {
    return (
      <div className="webhooks-empty">
        <p>{t('webhooks.empty')}</p>
        <p className="muted">{t('webhooks.emptyHow')}</p>
      </div>
    );
  }

  return (
    <>
      <div className="table-cards table-cards-plain webhooks-table">
        <TableScroll labelledBy={labelledBy}>
          <table aria-labelledby={labelledBy}>
            <thead>
              <tr>
                <th scope="col">{t('webhooks.column.url')}</th>
                <th scope="col">{t('webhooks.column.description')}</th>
                <th scope="col">{t('webhooks.column.events')}</th>
                <th scope="col">{t('webhooks.column.status')}</th>
                <th scope="col" className="number">
                  {t('webhooks.column.pending')}
                </th>
                <th scope="col">{t('webhooks.column.created')}</th>
                <th scope="col">{t('webhooks.column.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {webhooks.map((webhook) => (
                <WebhookRow
                  key={webhook.id}
                  webhook={webhook}
                  logOpen={logFor === webhook.id}
                  onOpenLog={onOpenLog}
                  onDeleted={onDeleted}
                />
              ))}
            </tbody>
          </table>
        </TableScroll>
      </div>
      <LoadMore query={webhooksQuery} />
    </>
  );
}
