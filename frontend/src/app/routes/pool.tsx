import { PoolScreen } from '@/features/pool/components/pool-screen';
import { WithMe } from '../components/with-me';

export function PoolRoute() {
  return <WithMe>{(me) => <PoolScreen role={me.user.role} me={me.user} />}</WithMe>;
}
