import { ActivityScreen } from '@/features/activity/components/activity-screen';
import { WithMe } from '../components/with-me';

/** Team activity for managers and administrators; a rep's own ("My activity"). Days are the store's. */
export function ActivityRoute() {
  return <WithMe>{(me) => <ActivityScreen role={me.user.role} timeZone={me.store.timeZone} />}</WithMe>;
}
