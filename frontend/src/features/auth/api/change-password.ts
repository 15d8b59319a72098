import { mutationOptions, useMutation } from '@tanstack/react-query';
import { apiClient, unwrap } from '@/lib/api-client';
import type { paths } from '@/lib/api/schema';
import { getSession, saveSession } from '@/lib/session';

export type ChangePasswordInput = paths['/api/v1/me/password']['post']['requestBody']['content']['application/json'];

/** Every other session of the user ends; the answer carries this session's new token. */
export function changePassword(body: ChangePasswordInput) {
  return unwrap(apiClient.POST('/api/v1/me/password', { body }));
}

export function changePasswordMutationOptions() {
  return mutationOptions({
    mutationKey: ['auth', 'password'],
    mutationFn: changePassword,
    // The new session came as a cookie; the same person goes on until its new expiry.
    onSuccess: ({ expiresAt }) => {
      const owner = getSession()?.owner;
      if (owner) saveSession({ owner, expiresAt });
    },
  });
}

export function useChangePassword() {
  return useMutation(changePasswordMutationOptions());
}
