import { ApiKeysScreen } from '@/features/api-keys/components/api-keys-screen';
import { WithMe } from '../components/with-me';
import { Forbidden } from './settings';

/** The store's API keys: the administrators' (the API refuses the others). */
export function ApiKeysRoute() {
  return <WithMe>{(me) => (me.user.role === 'ADMIN' ? <ApiKeysScreen /> : <Forbidden />)}</WithMe>;
}
