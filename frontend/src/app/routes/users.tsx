import { useMe } from '@/features/auth/api/get-me';
import { UsersScreen } from '@/features/users/components/users-screen';
import { useT } from '@/lib/i18n';
import { errorMessage } from '@/lib/problem';

export function UsersRoute() {
  const t = useT();
  const meQuery = useMe();

  if (meQuery.isPending) return <p role="status">{t('app.loading')}</p>;
  if (meQuery.isError) {
    const { key, params } = errorMessage(meQuery.error);
    return (
      <div role="alert" className="form-alert">
        <p>{t(key, params)}</p>
        <button type="button" onClick={() => void meQuery.refetch()}>
          {t('app.retry')}
        </button>
      </div>
    );
  }
  if (meQuery.data.user.role !== 'ADMIN') {
    return (
      <p role="alert" className="form-alert">
        {t('problem.forbidden')}
      </p>
    );
  }
  return <UsersScreen currentUserId={meQuery.data.user.id} timeZone={meQuery.data.store.timeZone} />;
}
