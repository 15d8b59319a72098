import { LostReasonsScreen } from '@/features/lost-reasons/components/lost-reasons-screen';
import { WithMe } from '../components/with-me';
import { Forbidden } from './settings';

/** Lost reasons are the administrators' (docs/product.md's role table). */
export function LostReasonsRoute() {
  return <WithMe>{(me) => (me.user.role === 'ADMIN' ? <LostReasonsScreen /> : <Forbidden />)}</WithMe>;
}
