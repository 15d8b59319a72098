import { useState } from 'react';
import { useT } from '@/lib/i18n';
import { AddUserForm } from './add-user-form';
import type { Feedback } from './user-row';
import { UsersTable } from './users-table';

/** Settings → Users: the store's sub-accounts, for administrators. */
export function UsersScreen({ currentUserId }: { currentUserId: number }) {
  const t = useT();
  const [feedback, setFeedback] = useState<Feedback | null>(null);

  return (
    <div className="stack">
      <div>
        <h1>{t('users.title')}</h1>
        <p className="muted">{t('users.intro')}</p>
        {/* Always rendered, so screen readers announce what appears in it. */}
        <div role="status" className="feedback">
          {feedback?.tone === 'success' && feedback.text(t)}
        </div>
        {feedback?.tone === 'error' && (
          <div role="alert" className="form-alert">
            <p>{feedback.text(t)}</p>
          </div>
        )}
      </div>
      <AddUserForm
        onAdded={({ name, email }) =>
          setFeedback({ tone: 'success', text: (t) => t('users.add.done', { name, email }) })
        }
      />
      <section aria-labelledby="users-list-title" className="card">
        <h2 id="users-list-title">{t('users.listTitle')}</h2>
        <UsersTable currentUserId={currentUserId} onFeedback={setFeedback} />
      </section>
    </div>
  );
}
