import { WebhooksScreen } from '@/features/webhooks/components/webhooks-screen';
import { WithMe } from '../components/with-me';
import { Forbidden } from './settings';

/** The store's webhook subscriptions: the administrators' (the API refuses the others). */
export function WebhooksRoute() {
  return <WithMe>{(me) => (me.user.role === 'ADMIN' ? <WebhooksScreen /> : <Forbidden />)}</WithMe>;
}
