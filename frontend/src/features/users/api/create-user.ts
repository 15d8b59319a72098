import { mutationOptions, useMutation } from '@tanstack/react-query';
import { apiClient, unwrap } from '@/lib/api-client';
import type { components } from '@/lib/api/schema';
import { usersQueryKey } from './list-users';

export type CreateUserInput = components['schemas']['CreateUserRequest'];

export function createUser(body: CreateUserInput) {
  return unwrap(apiClient.POST('/api/v1/users', { body }));
}

export function createUserMutationOptions() {
  return mutationOptions({
    mutationKey: ['users', 'create'],
    mutationFn: createUser,
    // Refetch rather than insert: the server decides where the new user sorts.
    onSuccess: (_user, _input, _onMutateResult, { client }) => client.invalidateQueries({ queryKey: usersQueryKey }),
  });
}

export function useCreateUser() {
  return useMutation(createUserMutationOptions());
}
