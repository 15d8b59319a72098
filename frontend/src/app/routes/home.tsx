import { useMe } from '@/features/auth/api/get-me';
import { ChangePasswordForm } from '@/features/auth/components/change-password-form';
import { UserProfile } from '@/features/auth/components/user-profile';
import { useT } from '@/lib/i18n';
import { errorMessage } from '@/lib/problem';
import { useSession } from '@/lib/session';

export function HomeRoute() {
  const t = useT();
  const session = useSession();
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
  return (
    <div className="stack">
      <UserProfile me={meQuery.data} sessionExpiresAt={session?.expiresAt} />
      {/* Every role changes their own password here. */}
      <ChangePasswordForm />
    </div>
  );
}
