import { mutationOptions, queryOptions, useMutation, useQuery } from '@tanstack/react-query';
import { apiClient, unwrap } from '@/lib/api-client';
import type { components } from '@/lib/api/schema';

export type Notification = components['schemas']['Notification'];
export type NotificationKind = components['schemas']['NotificationKind'];

/** The bell shows the newest ones; older ones have done their work by then. */
export const BELL_PAGE_SIZE = 20;

/** Every in-app notification query starts with this (the settings live under `notifications` too, apart). */
export const inboxQueryKey = ['notifications', 'inbox'] as const;
export const inboxListQueryKey = [...inboxQueryKey, 'list'] as const;
export const inboxCountQueryKey = [...inboxQueryKey, 'count'] as const;

export function listNotifications() {
  return unwrap(apiClient.GET('/api/v1/notifications', { params: { query: { limit: BELL_PAGE_SIZE } } }));
}

export function countNotifications() {
  return unwrap(apiClient.GET('/api/v1/notifications/count'));
}

/** The badge: polled, as a customer can come close to its return while the app stays open all day. */
export function notificationCountQueryOptions() {
  return queryOptions({ queryKey: inboxCountQueryKey, queryFn: countNotifications, refetchInterval: 60_000 });
}

export function useNotificationCount(enabled = true) {
  return useQuery({ ...notificationCountQueryOptions(), enabled });
}

export function notificationListQueryOptions() {
  return queryOptions({ queryKey: inboxListQueryKey, queryFn: listNotifications });
}

/** Read while the bell is open only. */
export function useNotifications(enabled: boolean) {
  return useQuery({ ...notificationListQueryOptions(), enabled });
}

export async function markNotification({ id, read }: { id: number; read: boolean }) {
  const params = { params: { path: { id } } };
  await unwrap(
    read
      ? apiClient.PUT('/api/v1/notifications/{id}/read', params)
      : apiClient.DELETE('/api/v1/notifications/{id}/read', params),
  );
}

export function markAllNotificationsRead() {
  return unwrap(apiClient.POST('/api/v1/notifications/read-all'));
}

export function markNotificationMutationOptions() {
  return mutationOptions({
    mutationKey: ['notifications', 'mark'],
    mutationFn: markNotification,
    onSettled: (_data, _error, _input, _onMutateResult, { client }) => client.invalidateQueries({ queryKey: inboxQueryKey }),
  });
}

export function useMarkNotification() {
  return useMutation(markNotificationMutationOptions());
}

export function markAllNotificationsReadMutationOptions() {
  return mutationOptions({
    mutationKey: ['notifications', 'mark-all'],
    mutationFn: markAllNotificationsRead,
    onSettled: (_data, _error, _input, _onMutateResult, { client }) => client.invalidateQueries({ queryKey: inboxQueryKey }),
  });
}

export function useMarkAllNotificationsRead() {
  return useMutation(markAllNotificationsReadMutationOptions());
}
