import type { components } from './api/schema';
import type { Translate } from './i18n';

export type CustomerStage = components['schemas']['CustomerStage'];
export type PoolReturn = components['schemas']['PoolReturn'];
export type Role = components['schemas']['Role'];
export type InquiryChannel = components['schemas']['InquiryChannel'];

/** The trade stages in their order, as the contract names them. */
export const STAGES = [
  'UNMARKED',
  'INQUIRY',
  'SAMPLE_ORDER',
  'NO_DEAL',
  'TRANSACTION',
  'REPEAT_PURCHASE',
] as const satisfies readonly CustomerStage[];

/** Purchase intention: 0 unrated, 1 low, 2 medium, 3 high. */
export const STARS = [0, 1, 2, 3] as const;

/** Where inquiries come from, as the contract names them. */
export const INQUIRY_CHANNELS = [
  'ALIBABA',
  'IM',
  'EXHIBITION',
  'SEARCH_ENGINE',
  'ECOMMERCE_PLATFORM',
  'REFERRAL',
  'EMAIL',
  'WEBSITE',
  'OTHER',
] as const satisfies readonly InquiryChannel[];

export function isInquiryChannel(value: string | null): value is InquiryChannel {
  return (INQUIRY_CHANNELS as readonly string[]).includes(value ?? '');
}

/** A channel in the reader's words; a channel newer than this app, as the server spells it. */
export function inquiryChannelName(t: Translate, channel: string): string {
  return isInquiryChannel(channel) ? t(`inquiries.channel.${channel}`) : channel;
}
