import { LoadMore } from '@/components/load-more';
import { QueryError } from '@/components/query-error';
import { TableScroll } from '@/components/table-scroll';
import { useT } from '@/lib/i18n';
import { useApiKeys } from '../api/list-api-keys';
import { ApiKeyRow } from './api-key-row';

/** The store's keys, newest first: a table, and on a phone one card per key. */
export function ApiKeysTable({ labelledBy }: { labelledBy: string }) {
  const t = useT();
  const keysQuery = useApiKeys();

  if (keysQuery.isPending) return <p role="status">{t('app.loading')}</p>;
  // A failed next page keeps the pages already shown (and says so below them).
  if (keysQuery.isLoadingError) return <QueryError error={keysQuery.error} onRetry={() => void keysQuery.refetch()} />;

  const apiKeys = keysQuery.data.pages.flatMap((page) => page.items);
  if (apiKeys.length === 0) return <p className="muted">{t('apiKeys.empty')}</p>;

  return (
    <>
      <div className="table-cards table-cards-plain api-keys-table">
        <TableScroll labelledBy={labelledBy}>
          <table aria-labelledby={labelledBy}>
            <thead>
              <tr>
                <th scope="col">{t('apiKeys.column.name')}</th>
                <th scope="col">{t('apiKeys.column.key')}</th>
                <th scope="col">{t('apiKeys.column.scopes')}</th>
                <th scope="col">{t('apiKeys.column.status')}</th>
                <th scope="col">{t('apiKeys.column.created')}</th>
                <th scope="col">{t('apiKeys.column.lastUsed')}</th>
                <th scope="col">{t('apiKeys.column.expires')}</th>
                <th scope="col">{t('apiKeys.column.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {apiKeys.map((apiKey) => (
                <ApiKeyRow key={apiKey.id} apiKey={apiKey} />
              ))}
            </tbody>
          </table>
        </TableScroll>
      </div>
      <LoadMore query={keysQuery} />
    </>
  );
}
