import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient, unwrap } from '@/lib/api-client';
import type { components } from '@/lib/api/schema';
import { customerMessagingQueryKey } from './keys';

export type Consent = components['schemas']['Consent'];
export type ChannelConsent = components['schemas']['ChannelConsent'];
export type ConsentSource = components['schemas']['ConsentSource'];

export const CONSENT_SOURCES = [
  'MANUAL',
  'IMPORT',
  'API',
  'UNSUBSCRIBE_LINK',
  'INBOUND_STOP',
] as const satisfies readonly ConsentSource[];

/** Whether the customer agreed to campaigns, per channel (`optedIn: null`: never asked). */
export function getConsent(customerId: number) {
  return unwrap(apiClient.GET('/api/v1/customers/{id}/consent', { params: { path: { id: customerId } } }));
}

export function consentQueryKey(customerId: number) {
  return [...customerMessagingQueryKey(customerId), 'consent'] as const;
}

export function consentQueryOptions(customerId: number) {
  return queryOptions({ queryKey: consentQueryKey(customerId), queryFn: () => getConsent(customerId) });
}

export function useConsent(customerId: number) {
  return useQuery(consentQueryOptions(customerId));
}
