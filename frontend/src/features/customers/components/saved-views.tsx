import { useState, type FormEvent } from 'react';
import { Confirm } from '@/components/confirm';
import { useNotify } from '@/components/toast';
import { useT } from '@/lib/i18n';
import { errorMessage } from '@/lib/problem';
import { useCreateView } from '../api/create-view';
import { useDeleteView } from '../api/delete-view';
import { useViews, type SavedView } from '../api/list-views';
import { searchToFilter, sortOf } from '../lib/filters';

export function SavedViews({
  search,
  onApply,
}: {
  search: URLSearchParams;
  onApply: (view: SavedView) => void;
}) {
  const t = useT();
  const viewsQuery = useViews();
  const createMutation = useCreateView();
  const deleteMutation = useDeleteView();
  const [confirming, setConfirming] = useState<SavedView | null>(null);
  const notify = useNotify();

  function handleSave(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const name = String(new FormData(form).get('viewName') ?? '').trim();
    if (!name) return;
    createMutation.mutate(
      { name, filter: searchToFilter(search), sort: sortOf(search) },
      {
        onSuccess: (view) => {
          form.reset();
          notify({ message: t('customers.views.saved', { name: view.name }), tone: 'success' });
        },
      },
    );
  }

  const views = viewsQuery.data?.items ?? [];
  const failure = createMutation.error ?? deleteMutation.error;
  const failureMessage = failure ? errorMessage(failure) : null;
  return (
    <section aria-labelledby="views-title" className="card views">
      <h2 id="views-title">{t('customers.views.title')}</h2>
      {viewsQuery.isPending ? (
        <p role="status">{t('app.loading')}</p>
      ) : views.length === 0 ? (
        <p className="muted">{t('customers.views.empty')}</p>
      ) : (
        <ul className="view-list">
          {views.map((view) => (
            <li key={view.id}>
              <button type="button" className="link-button" onClick={() => onApply(view)}>
                {view.name}
              </button>
              {confirming?.id === view.id ? (
                <Confirm
                  title={t('customers.views.confirmDelete', { name: view.name })}
                  description={t('customers.views.confirmDeleteText')}
                  confirmLabel={t('customers.views.delete')}
                  cancelLabel={t('common.cancel')}
                  danger
                  pending={deleteMutation.isPending}
                  onConfirm={() =>
                    deleteMutation.mutate(view.id, {
                      onSuccess: () => notify({ message: t('customers.views.deleted', { name: view.name }), tone: 'success' }),
                      onSettled: () => setConfirming(null),
                    })
                  }
                  onCancel={() => setConfirming(null)}
                />
              ) : (
                <button
                  type="button"
                  className="icon-button"
                  aria-label={t('customers.views.deleteView', { name: view.name })}
                  onClick={() => setConfirming(view)}
                >
                  ×
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      <form className="inline-form" onSubmit={handleSave}>
        <label htmlFor="view-name">{t('customers.views.name')}</label>
        <input id="view-name" name="viewName" required maxLength={80} />
        <button type="submit" disabled={createMutation.isPending}>
          {t('customers.views.save')}
        </button>
      </form>
      {failureMessage && (
        <p role="alert" className="field-error">
          {t(failureMessage.key, failureMessage.params)}
        </p>
      )}
    </section>
  );
}
