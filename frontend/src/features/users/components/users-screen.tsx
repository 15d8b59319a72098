import { useNotify } from '@/components/toast';
import { useT } from '@/lib/i18n';
import { AddUserForm } from './add-user-form';
import { UsersTable } from './users-table';

/** Settings → Users: the store's sub-accounts, for administrators. */
export function UsersScreen({ currentUserId, timeZone }: { currentUserId: number; timeZone: string }) {
  const t = useT();
  const notify = useNotify();

  return (
    <div className="stack">
      <div>
        <h1>{t('users.title')}</h1>
        <p className="muted">{t('users.intro')}</p>
      </div>
      <AddUserForm onAdded={({ name, email }) => notify({ message: t('users.add.done', { name, email }), tone: 'success' })} />
      <section aria-labelledby="users-list-title" className="card">
        <h2 id="users-list-title">{t('users.listTitle')}</h2>
        <UsersTable currentUserId={currentUserId} timeZone={timeZone} />
      </section>
    </div>
  );
}
