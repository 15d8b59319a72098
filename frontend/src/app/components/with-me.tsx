import type { ReactNode } from 'react';
import { useMe, type Me } from '@/features/auth/api/get-me';
import { useT } from '@/lib/i18n';
import { errorMessage } from '@/lib/problem';

/** Waits for who is signed in (the screens differ by role), with loading and error states. */
export function WithMe({ children }: { children: (me: Me) => ReactNode }) {
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
  return children(meQuery.data);
}
