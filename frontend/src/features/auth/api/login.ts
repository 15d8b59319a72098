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
    onSuccess: ({ token, expiresAt }) => saveSession({ token, expiresAt }),
  });
}

export function useLogin() {
  return useMutation(loginMutationOptions());
}
