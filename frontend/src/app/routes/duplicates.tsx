import { DuplicatesScreen } from '@/features/duplicates/components/duplicates-screen';
import { WithMe } from '../components/with-me';
import { Forbidden } from './settings';

/** Managers and administrators merge duplicates; the API refuses reps. */
export function DuplicatesRoute() {
  return <WithMe>{(me) => (me.user.role === 'REP' ? <Forbidden /> : <DuplicatesScreen />)}</WithMe>;
}
