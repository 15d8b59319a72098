import { mutationOptions, useMutation } from '@tanstack/react-query';
import { apiClient, unwrap } from '@/lib/api-client';
import { replaceListedUser } from './list-users';

export interface SetUserLeaveInput {
  userId: number;
  /** The first and last day away (YYYY-MM-DD, store time zone); null ends or cancels the leave. */
  leave: { from: string; until: string } | null;
}

/** Days the pool's automatic distribution hands the user no customers (they still sign in and keep theirs). */
export function setUserLeave({ userId, leave }: SetUserLeaveInput) {
  const path = { params: { path: { id: userId } } };
  return unwrap(
    leave === null
      ? apiClient.DELETE('/api/v1/users/{id}/leave', path)
      : apiClient.PUT('/api/v1/users/{id}/leave', { ...path, body: leave }),
  );
}

export function setUserLeaveMutationOptions() {
  return mutationOptions({
    mutationKey: ['users', 'leave'],
    mutationFn: setUserLeave,
    onSuccess: (updated, _input, _onMutateResult, { client }) => {
      replaceListedUser(client, updated);
    },
  });
}

export function useSetUserLeave() {
  return useMutation(setUserLeaveMutationOptions());
}
