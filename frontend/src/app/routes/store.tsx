import { useQueryClient } from '@tanstack/react-query';
import { meQueryKey, type Me } from '@/features/auth/api/get-me';
import { StoreSettingsScreen } from '@/features/store/components/store-settings-screen';
import { WithMe } from '../components/with-me';
import { Forbidden } from './settings';

/** The store's name, time zone and language: the administrators' (the API refuses the others). */
export function StoreSettingsRoute() {
  const queryClient = useQueryClient();
  return (
    <WithMe>
      {(me) =>
        me.user.role === 'ADMIN' ? (
          <StoreSettingsScreen
            store={me.store}
            onSaved={(store) => {
              // The header shows the store's name at once; then who we are is read again.
              queryClient.setQueryData<Me>(meQueryKey, (old) => (old ? { ...old, store } : old));
              void queryClient.invalidateQueries({ queryKey: meQueryKey });
            }}
          />
        ) : (
          <Forbidden />
        )
      }
    </WithMe>
  );
}
