import { useT } from '@/lib/i18n';
import { ApiError, errorSentence } from '@/lib/problem';
import { useUnsubscribeStatus } from '../api/get-unsubscribe';
import { useUnsubscribe } from '../api/unsubscribe';

/**
 * Where an unsubscribe link in a campaign e-mail leads: which store and address it is about, and one button to stop
 * the campaigns. Needs no sign-in: the token in the address is the credential.
 */
export function UnsubscribeScreen({ token }: { token: string }) {
  const t = useT();
  const statusQuery = useUnsubscribeStatus(token);
  const unsubscribeMutation = useUnsubscribe();

  if (statusQuery.isPending) return <p role="status">{t('app.loading')}</p>;
  if (statusQuery.isError) {
    const invalid = statusQuery.error instanceof ApiError && statusQuery.error.status === 404;
    return (
      <div role="alert" className="form-alert">
        <p>{invalid ? t('unsubscribe.invalid') : errorSentence(t, statusQuery.error)}</p>
        {!invalid && (
          <button type="button" onClick={() => void statusQuery.refetch()}>
            {t('app.retry')}
          </button>
        )}
      </div>
    );
  }

  const { storeName, channel, address, unsubscribed } = statusQuery.data;
  if (unsubscribed) {
    return (
      <p role="status" className="form-success">
        {unsubscribeMutation.isSuccess
          ? t('unsubscribe.done', { storeName, channel })
          : t('unsubscribe.already', { storeName, channel, address })}
      </p>
    );
  }

  const pending = unsubscribeMutation.isPending;
  return (
    <div className="stack unsubscribe">
      <p className="unsubscribe-question">{t('unsubscribe.question', { storeName, channel, address })}</p>
      {unsubscribeMutation.isError && (
        <p role="alert" className="form-alert">
          {unsubscribeMutation.error instanceof ApiError && unsubscribeMutation.error.status === 404
            ? t('unsubscribe.invalid')
            : errorSentence(t, unsubscribeMutation.error)}
        </p>
      )}
      <div>
        <button type="button" className="button-primary" disabled={pending} onClick={() => unsubscribeMutation.mutate(token)}>
          {pending ? t('unsubscribe.pending') : t('unsubscribe.button')}
        </button>
      </div>
    </div>
  );
}
