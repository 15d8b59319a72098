import { InboxScreen } from '@/features/inquiries/components/inbox-screen';
import { WithMe } from '../components/with-me';

/** The inquiry inbox, for every role: a rep's holds their own customers' inquiries and the pool's. */
export function InquiriesRoute() {
  return <WithMe>{(me) => <InboxScreen role={me.user.role} timeZone={me.store.timeZone} />}</WithMe>;
}
