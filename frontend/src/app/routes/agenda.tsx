import { AgendaScreen } from '@/features/agenda/components/agenda-screen';
import { WithMe } from '../components/with-me';

/** Everyone's start page; managers and admins may look at someone else's. */
export function AgendaRoute() {
  return (
    <WithMe>
      {(me) => <AgendaScreen me={{ id: me.user.id, role: me.user.role, name: me.user.name }} timeZone={me.store.timeZone} />}
    </WithMe>
  );
}
