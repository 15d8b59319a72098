import { useParams } from 'react-router';
import { UnsubscribeScreen } from '@/features/messaging/components/unsubscribe-screen';
import { useT } from '@/lib/i18n';
import { PublicLayout } from '../components/public-layout';

/**
 * Where a campaign e-mail's unsubscribe link leads: public, with or without a session (the token is the
 * credential), in the reader's language as the login screen is.
 */
export function UnsubscribeRoute() {
  const t = useT();
  const token = useParams().token ?? '';
  return (
    <PublicLayout title={t('unsubscribe.title')}>
      <UnsubscribeScreen key={token} token={token} />
    </PublicLayout>
  );
}
