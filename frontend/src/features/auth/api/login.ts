import { mutationOptions, useMutation } from '@tanstack/react-query';
import { apiClient, unwrap } from '@/lib/api-client';
import type { paths } from '@/lib/api/schema';
import { saveSession } from '@/lib/session';

export type LoginInput = paths['/api/v1/auth/login']['post']['requestBody']['content']['application/json'];

export function login(body: LoginInput) {
  return unwrap(apiClient.POST('/api/v1/auth/login', { body }));
}

export type LoginResult = Awaited<ReturnType<typeof login>>;

export function loginMutationOptions() {
  return mutationOptions({
    mutationKey: ['auth', 'login'],
    mutationFn: login,
    // The token came as an HttpOnly cookie too: the app keeps only whom it is for and until when.
    onSuccess: ({ expiresAt, user }) => saveSession({ owner: String(user.id), expiresAt }),
  });
}

export function useLogin() {
  return useMutation(loginMutationOptions());
}
