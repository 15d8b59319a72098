import { mutationOptions, useMutation } from '@tanstack/react-query';
import { apiClient, unwrap } from '@/lib/api-client';
import type { paths } from '@/lib/api/schema';
import { saveSession } from '@/lib/session';
import { meQueryKey, type Me } from './get-me';

export type SignupInput = paths['/api/v1/auth/signup']['post']['requestBody']['content']['application/json'];

export function signup(body: SignupInput) {
  return unwrap(apiClient.POST('/api/v1/auth/signup', { body }));
}

export type SignupResult = Awaited<ReturnType<typeof signup>>;

export function signupMutationOptions() {
  return mutationOptions({
    mutationKey: ['auth', 'signup'],
    mutationFn: signup,
    onSuccess: ({ expiresAt, user, store }, _input, _onMutateResult, { client }) => {
      saveSession({ owner: String(user.id), expiresAt });
      // The answer already says who we are: the home page needs no extra GET /me.
      client.setQueryData<Me>(meQueryKey, { user, store });
    },
  });
}

export function useSignup() {
  return useMutation(signupMutationOptions());
}
