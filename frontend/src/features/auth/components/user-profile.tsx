import { useFormatters, useT } from '@/lib/i18n';
import type { Me } from '../api/get-me';

export function UserProfile({ me, sessionExpiresAt }: { me: Me; sessionExpiresAt?: string }) {
  const t = useT();
  const format = useFormatters();
  const { user, store } = me;
  return (
    <section aria-labelledby="profile-title" className="card">
      <h1 id="profile-title">{t('profile.title')}</h1>
      <dl className="profile">
        <dt>{t('profile.name')}</dt>
        <dd>{user.name}</dd>
        <dt>{t('profile.email')}</dt>
        <dd>{user.email}</dd>
        <dt>{t('profile.role')}</dt>
        <dd>{t(`role.${user.role}`)}</dd>
        <dt>{t('profile.status')}</dt>
        <dd>{user.active ? t('profile.active') : t('profile.inactive')}</dd>
        <dt>{t('profile.store')}</dt>
        <dd>{store.name}</dd>
        <dt>{t('profile.timeZone')}</dt>
        <dd>{store.timeZone}</dd>
        {sessionExpiresAt && (
          <>
            <dt>{t('profile.sessionEnds')}</dt>
            <dd>
              <time dateTime={sessionExpiresAt}>{format.dateTime(sessionExpiresAt)}</time>
            </dd>
          </>
        )}
      </dl>
    </section>
  );
}
