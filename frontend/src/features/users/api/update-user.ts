import { mutationOptions, useMutation } from '@tanstack/react-query';
import { apiClient, unwrap } from '@/lib/api-client';
import type { components } from '@/lib/api/schema';
import { ApiError } from '@/lib/problem';
import { replaceListedUser, usersQueryKey, type User } from './list-users';

export type UpdateUserChanges = components['schemas']['UpdateUserRequest'];

export interface UpdateUserInput {
  user: Pick<User, 'id' | 'version'>;
  changes: UpdateUserChanges;
}

export function updateUser({ user, changes }: UpdateUserInput) {
  return unwrap(
    apiClient.PATCH('/api/v1/users/{id}', {
      params: { path: { id: user.id }, header: { 'If-Match': `"${user.version}"` } },
      body: changes,
    }),
  );
}

export function updateUserMutationOptions() {
  return mutationOptions({
    mutationKey: ['users', 'update'],
    mutationFn: updateUser,
    onSuccess: (updated, _input, _onMutateResult, { client }) => {
      replaceListedUser(client, updated);
    },
    onError: (error, _input, _onMutateResult, { client }) => {
      // Changed or removed by someone else: show what the server has now.
      if (error instanceof ApiError && (error.status === 412 || error.status === 404)) {
        void client.invalidateQueries({ queryKey: usersQueryKey });
      }
    },
  });
}

export function useUpdateUser() {
  return useMutation(updateUserMutationOptions());
}
