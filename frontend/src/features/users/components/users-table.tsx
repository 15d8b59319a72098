import { useT } from '@/lib/i18n';
import { errorMessage } from '@/lib/problem';
import { useUsers } from '../api/list-users';
import { UserRow } from './user-row';
import { TableScroll } from '@/components/table-scroll';
import { storeToday } from '@/lib/zoned-time';

export function UsersTable({ currentUserId, timeZone }: { currentUserId: number; timeZone: string }) {
  const t = useT();
  const usersQuery = useUsers();

  if (usersQuery.isPending) return <p role="status">{t('app.loading')}</p>;
  // A failed next page keeps the pages already shown (and says so below them).
  if (usersQuery.isLoadingError) {
    const { key, params } = errorMessage(usersQuery.error);
    return (
      <div role="alert" className="form-alert">
        <p>{t(key, params)}</p>
        <button type="button" onClick={() => void usersQuery.refetch()}>
          {t('app.retry')}
        </button>
      </div>
    );
  }

  const users = usersQuery.data.pages.flatMap((page) => page.items);
  // Leave days are the store's calendar days.
  const today = storeToday(timeZone);
  if (users.length === 0) return <p>{t('users.empty')}</p>;

  // Who can be someone's manager: the active managers and administrators on the pages loaded.
  const managers = users.filter((user) => user.active && user.role !== 'REP');
  const loadingMore = usersQuery.isFetchingNextPage;
  const nextPageError = usersQuery.isFetchNextPageError ? errorMessage(usersQuery.error) : null;
  return (
    <>
      {/* On a phone each user is a card: name and action first, then each column by its name. */}
      <TableScroll labelledBy="users-list-title" className="table-cards table-cards-plain">
        <table className="users-table" aria-labelledby="users-list-title">
          <thead>
            <tr>
              <th scope="col">{t('users.column.name')}</th>
              <th scope="col">{t('users.column.email')}</th>
              <th scope="col">{t('users.column.role')}</th>
              <th scope="col">{t('users.column.team')}</th>
              <th scope="col">{t('users.column.manager')}</th>
              <th scope="col">{t('users.column.status')}</th>
              <th scope="col">{t('users.column.created')}</th>
              <th scope="col">{t('users.column.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {users.map((user) => (
              <UserRow key={user.id} user={user} isSelf={user.id === currentUserId} managers={managers} today={today} />
            ))}
          </tbody>
        </table>
      </TableScroll>
      {nextPageError && (
        <p role="alert" className="field-error">
          {t(nextPageError.key, nextPageError.params)}
        </p>
      )}
      {usersQuery.hasNextPage && (
        <button
          type="button"
          className="load-more"
          aria-disabled={loadingMore || undefined}
          onClick={() => {
            if (!loadingMore) void usersQuery.fetchNextPage();
          }}
        >
          {loadingMore ? t('users.loadingMore') : t('users.loadMore')}
        </button>
      )}
    </>
  );
}
