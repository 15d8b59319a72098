import { useT } from '@/lib/i18n';
import { errorMessage } from '@/lib/problem';

export interface PagedQuery {
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  isFetchNextPageError: boolean;
  error: unknown;
  fetchNextPage: () => Promise<unknown>;
}

/** "Load more" under a cursor-paged list, with the failure of the last attempt in words. */
export function LoadMore({ query }: { query: PagedQuery }) {
  const t = useT();
  const loading = query.isFetchingNextPage;
  const failure = query.isFetchNextPageError ? errorMessage(query.error) : null;
  return (
    <>
      {failure && (
        <p role="alert" className="field-error">
          {t(failure.key, failure.params)}
        </p>
      )}
      {query.hasNextPage && (
        <button
          type="button"
          className="load-more"
          aria-disabled={loading || undefined}
          onClick={() => {
            if (!loading) void query.fetchNextPage();
          }}
        >
          {loading ? t('customers.loadingMore') : t('customers.loadMore')}
        </button>
      )}
    </>
  );
}
