import { NotificationSettingsScreen } from '@/features/notifications/components/notification-settings-screen';
import { WithMe } from '../components/with-me';

/** Everyone's own daily digest settings. */
export function NotificationSettingsRoute() {
  return (
    <WithMe>
      {(me) => (
        <NotificationSettingsScreen
          timeZone={me.store.timeZone}
          storeLanguage={me.store.language}
          canSetUpEmail={me.user.role === 'ADMIN'}
        />
      )}
    </WithMe>
  );
}
