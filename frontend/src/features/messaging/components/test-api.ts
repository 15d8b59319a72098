import { jsonResponse, mockFetch } from '@/testing/fetch-mock';
import type { Consent } from '../api/get-consent';
import type { Message } from '../api/list-customer-messages';
import type { MessageTemplate } from '../api/list-message-templates';
import type { RenderedMessage } from '../api/preview-message';

export const PROBLEMS = 'https://harbor-crm.dev/problems';

export const priceList: MessageTemplate = {
  id: 3,
  name: 'Price list',
  channel: 'EMAIL',
  language: 'en',
  subject: 'Price list for {{companyName}}',
  body: 'Hello {{name|there}},\nplease find our new prices attached.',
  createdAt: '2026-02-01T08:00:00Z',
  updatedAt: '2026-02-01T08:00:00Z',
  version: 0,
};
export const welcomeZh: MessageTemplate = {
  ...priceList,
  id: 4,
  name: '欢迎',
  language: 'zh-CN',
  subject: '欢迎',
  body: '{{name}}，您好！',
};
export const smsReminder: MessageTemplate = {
  ...priceList,
  id: 5,
  name: 'Sample reminder',
  channel: 'SMS',
  subject: null,
  body: 'Hi {{name}}, your samples ship today.',
};

export function message(id: number, overrides: Partial<Message> = {}): Message {
  return {
    id,
    customerId: 5,
    customerName: 'Ana Souza',
    channel: 'EMAIL',
    direction: 'OUT',
    status: 'SENT',
    subject: `Message ${id}`,
    body: `Body ${id}`,
    senderId: 2,
    senderName: 'Li Na',
    error: null,
    campaignId: null,
    createdAt: '2026-03-05T10:00:00Z',
    sentAt: '2026-03-05T10:00:01Z',
    updatedAt: '2026-03-05T10:00:01Z',
    ...overrides,
  };
}

export const notAsked: Consent = {
  email: { optedIn: null, source: null, changedAt: null },
  sms: { optedIn: null, source: null, changedAt: null },
};

export interface MessagingApiOptions {
  templates?: MessageTemplate[];
  messages?: Message[];
  consent?: Consent;
  /** The answer to a preview; the request is kept in `requests`. */
  preview?: RenderedMessage;
  /** The answer to a send: a message (201) or any response (a problem). */
  send?: (body: Record<string, unknown>) => Message | Response;
}

/**
 * A fake API for customer 5's messaging: templates, preview, send (the sent message goes to the top of the list),
 * consent (PUT changes what is given, as set by hand), and the messages list paged by 2 when `messages` is long.
 */
export function messagingApi(options: MessagingApiOptions = {}) {
  const state = {
    messages: [...(options.messages ?? [])],
    consent: structuredClone(options.consent ?? notAsked),
  };
  const mock = mockFetch(async (request) => {
    const url = new URL(request.url);
    const path = url.pathname;
    if (path === '/api/v1/messaging/templates') return jsonResponse({ items: options.templates ?? [priceList, welcomeZh, smsReminder] });
    if (path === '/api/v1/messaging/preview') {
      return jsonResponse(options.preview ?? { subject: 'Preview subject', text: 'Preview text', html: '<p>Preview text</p>' });
    }
    if (path === '/api/v1/customers/5/messages' && request.method === 'POST') {
      const body = (await request.json()) as Record<string, unknown>;
      const answer = options.send?.(body) ?? message(100, { subject: String(body.subject ?? ''), body: String(body.body ?? '') });
      if (answer instanceof Response) return answer;
      state.messages.unshift(answer);
      return jsonResponse(answer, { status: 201 });
    }
    if (path === '/api/v1/customers/5/messages') {
      const pageSize = state.messages.length > 3 ? 2 : 20;
      const start = Number(url.searchParams.get('cursor') ?? 0);
      const items = state.messages.slice(start, start + pageSize);
      return jsonResponse({ items, nextCursor: start + pageSize < state.messages.length ? String(start + pageSize) : null });
    }
    if (path === '/api/v1/customers/5/consent' && request.method === 'PUT') {
      const body = (await request.json()) as { emailOptIn?: boolean; smsOptIn?: boolean };
      const changedAt = '2026-03-06T09:00:00Z';
      if (body.emailOptIn !== undefined) state.consent.email = { optedIn: body.emailOptIn, source: 'MANUAL', changedAt };
      if (body.smsOptIn !== undefined) state.consent.sms = { optedIn: body.smsOptIn, source: 'MANUAL', changedAt };
      return jsonResponse(state.consent);
    }
    if (path === '/api/v1/customers/5/consent') return jsonResponse(state.consent);
    return jsonResponse({ items: [], nextCursor: null });
  });
  return { ...mock, state };
}

/** The bodies of the requests to `path` with `method`, in order. */
export async function bodiesOf(requests: Request[], method: string, path: string): Promise<unknown[]> {
  const matching = requests.filter((request) => request.method === method && new URL(request.url).pathname === path);
  return Promise.all(matching.map((request) => request.clone().json() as Promise<unknown>));
}
