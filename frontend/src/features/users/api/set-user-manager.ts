import { mutationOptions, useMutation } from '@tanstack/react-query';
import { apiClient, unwrap } from '@/lib/api-client';
import { ApiError } from '@/lib/problem';
import { replaceListedUser, usersQueryKey } from './list-users';

export interface SetUserManagerInput {
  userId: number;
  /** null: no manager. */
  managerId: number | null;
}

/** Whom the pool's escalation ladder copies on the user's customers about to return. */
export function setUserManager({ userId, managerId }: SetUserManagerInput) {
  const path = { params: { path: { id: userId } } };
  return unwrap(
    managerId === null
      ? apiClient.DELETE('/api/v1/users/{id}/manager', path)
      : apiClient.PUT('/api/v1/users/{id}/manager', { ...path, body: { managerId } }),
  );
}

export function setUserManagerMutationOptions() {
  return mutationOptions({
    mutationKey: ['users', 'manager'],
    mutationFn: setUserManager,
    onSuccess: (updated, _input, _onMutateResult, { client }) => {
      replaceListedUser(client, updated);
    },
    onError: (error, _input, _onMutateResult, { client }) => {
      // The manager was deactivated or demoted meanwhile, or the user removed: show what the server has now.
      if (error instanceof ApiError && (error.status === 400 || error.status === 404)) {
        void client.invalidateQueries({ queryKey: usersQueryKey });
      }
    },
  });
}

export function useSetUserManager() {
  return useMutation(setUserManagerMutationOptions());
}
