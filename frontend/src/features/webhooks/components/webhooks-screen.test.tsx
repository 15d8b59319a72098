import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { setLocale } from '@/lib/i18n';
import { jsonResponse, mockFetch, problemResponse } from '@/testing/fetch-mock';
import { renderWithProviders } from '@/testing/render';
import { findToast } from '@/testing/toasts';
import type { CreateWebhookInput } from '../api/create-webhook';
import type { WebhookDeliveryDetail } from '../api/get-webhook-delivery';
import type { WebhookDelivery } from '../api/list-webhook-deliveries';
import type { Webhook } from '../api/list-webhooks';
import type { UpdateWebhookInput } from '../api/update-webhook';
import { WebhooksScreen } from './webhooks-screen';

const PROBLEMS = 'https://harbor-crm.dev/problems';
const SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
const ERP_URL = 'https://erp.example.com/integrations/harbor/webhooks/inbound';
const OLD_URL = 'https://old.example.net/webhook';

const erp: Webhook = {
  id: 2,
  url: ERP_URL,
  description: 'ERP sync',
  eventTypes: ['customer.created', 'order.paid'],
  enabled: true,
  disabledReason: null,
  disabledAt: null,
  failingSince: null,
  pendingDeliveries: 3,
  createdAt: '2025-03-05T08:00:00Z',
  createdByName: 'Wang Wei',
  updatedAt: '2025-03-05T08:00:00Z',
};
const flaky: Webhook = {
  ...erp,
  id: 3,
  url: 'https://crm-bridge.example.org/in',
  description: 'Bridge',
  eventTypes: ['inquiry.received'],
  failingSince: '2025-03-06T09:30:00Z',
  pendingDeliveries: 12,
};
const old: Webhook = {
  ...erp,
  id: 1,
  url: OLD_URL,
  description: null,
  eventTypes: ['customer.claimed'],
  enabled: false,
  disabledReason: 'Every delivery failed since 2025-03-01 08:00 UTC; last: HTTP 500',
  disabledAt: '2025-03-04T08:00:00Z',
  failingSince: '2025-03-01T08:00:00Z',
  pendingDeliveries: 0,
  createdAt: '2025-02-01T08:00:00Z',
  createdByName: 'Li Na',
};

const delivered: WebhookDelivery = {
  id: 11,
  messageId: 'msg_11',
  eventType: 'customer.created',
  customerId: 40,
  status: 'DELIVERED',
  attempts: 1,
  nextAttemptAt: null,
  lastAttemptAt: '2025-03-07T10:00:01Z',
  lastStatusCode: 200,
  lastError: null,
  deliveredAt: '2025-03-07T10:00:01Z',
  occurredAt: '2025-03-07T10:00:00Z',
  createdAt: '2025-03-07T10:00:00Z',
};
const failed: WebhookDelivery = {
  ...delivered,
  id: 12,
  messageId: 'msg_2b9d0f5c7a1e4c3f8e6d5b4a39281706',
  eventType: 'order.paid',
  status: 'FAILED',
  attempts: 2,
  lastStatusCode: 500,
  lastError: 'HTTP 500 from the receiver',
  deliveredAt: null,
  lastAttemptAt: '2025-03-08T10:00:00Z',
};
const pending: WebhookDelivery = {
  ...delivered,
  id: 13,
  messageId: 'msg_13',
  eventType: 'webhook.test',
  customerId: null,
  status: 'PENDING',
  attempts: 1,
  lastStatusCode: null,
  lastError: 'Connection refused',
  deliveredAt: null,
  nextAttemptAt: '2025-03-09T10:05:00Z',
};
const failedDetail: WebhookDeliveryDetail = {
  delivery: failed,
  payload: { type: 'order.paid', timestamp: '2025-03-07T10:00:00Z', data: { orderId: 7, number: 'SO-2025-0007' } },
  attempts: [
    {
      attempt: 1,
      at: '2025-03-07T10:00:01Z',
      statusCode: 500,
      durationMs: 1234,
      error: 'HTTP 500 from the receiver',
      responseBody: '{"error":"database is down"}',
    },
    { attempt: 2, at: '2025-03-08T10:00:00Z', statusCode: null, durationMs: 10000, error: 'Timed out after 10 s', responseBody: null },
  ],
};

function pathOf(request: Request) {
  return new URL(request.url).pathname;
}

/** A small in-memory /webhooks API; `override` answers a request first when it returns a response. */
function fakeWebhooksApi(
  initial: Webhook[],
  {
    deliveries = [delivered, failed, pending],
    pageSize = 50,
    override,
  }: { deliveries?: WebhookDelivery[]; pageSize?: number; override?: (request: Request) => Response | undefined } = {},
) {
  const webhooks = initial.map((webhook) => ({ ...webhook }));
  const mock = mockFetch(async (request) => {
    const overridden = override?.(request);
    if (overridden) return overridden;
    const url = new URL(request.url);
    const path = url.pathname;
    if (request.method === 'GET' && path === '/api/v1/webhooks') return jsonResponse({ items: webhooks, nextCursor: null });
    if (request.method === 'POST' && path === '/api/v1/webhooks') {
      const body = (await request.json()) as CreateWebhookInput;
      const created: Webhook = {
        ...erp,
        id: Math.max(0, ...webhooks.map((webhook) => webhook.id)) + 1,
        url: body.url,
        description: body.description ?? null,
        eventTypes: body.eventTypes,
        pendingDeliveries: 0,
        createdAt: '2025-04-01T08:00:00Z',
      };
      webhooks.unshift(created);
      return jsonResponse({ webhook: created, secret: SECRET }, { status: 201 });
    }
    const match = /^\/api\/v1\/webhooks\/(\d+)(\/.*)?$/.exec(path);
    const webhook = webhooks.find((candidate) => candidate.id === Number(match?.[1]));
    const rest = match?.[2] ?? '';
    if (webhook && rest === '' && request.method === 'PATCH') {
      const body = (await request.json()) as UpdateWebhookInput;
      if (body.enabled === false) Object.assign(webhook, { enabled: false, disabledReason: 'Disabled by Wang Wei', disabledAt: '2025-04-02T08:00:00Z' });
      if (body.enabled === true) Object.assign(webhook, { enabled: true, disabledReason: null, disabledAt: null, failingSince: null });
      return jsonResponse(webhook);
    }
    if (webhook && rest === '' && request.method === 'DELETE') {
      webhooks.splice(webhooks.indexOf(webhook), 1);
      return new Response(null, { status: 204 });
    }
    if (webhook && rest === '/test' && request.method === 'POST') {
      webhook.pendingDeliveries += 1;
      return jsonResponse({ ...pending, id: 99 }, { status: 202 });
    }
    if (webhook && rest === '/deliveries' && request.method === 'GET') {
      const status = url.searchParams.get('status');
      const matching = deliveries.filter((delivery) => !status || delivery.status === status);
      const start = Number(url.searchParams.get('cursor') ?? 0);
      const end = start + pageSize;
      return jsonResponse({ items: matching.slice(start, end), nextCursor: end < matching.length ? String(end) : null });
    }
    if (webhook && rest === '/deliveries/12' && request.method === 'GET') return jsonResponse(failedDetail);
    if (webhook && rest === '/deliveries/12/redeliver' && request.method === 'POST') {
      return jsonResponse({ ...failed, status: 'PENDING' }, { status: 202 });
    }
    return problemResponse({ type: `${PROBLEMS}/not-found`, title: 'Not found', status: 404 });
  });
  const calls = () => mock.requests.map((request) => `${request.method} ${pathOf(request)}`);
  return { ...mock, webhooks, calls };
}

function renderScreen() {
  return renderWithProviders(<WebhooksScreen />);
}

async function findRow(url: string) {
  const table = await screen.findByRole('table', { name: 'All webhooks' });
  const header = await within(table).findByRole('rowheader', { name: url });
  return header.closest('tr') as HTMLElement;
}

async function openLog(name: string) {
  const { user } = renderScreen();
  await user.click(await screen.findByRole('button', { name: `Deliveries of ${name}` }));
  const log = await screen.findByRole('region', { name: `Deliveries to “${name}”` });
  return { user, log };
}

describe('WebhooksScreen', () => {
  it('lists the subscriptions with their address, events, status, pending count and creator', async () => {
    fakeWebhooksApi([flaky, erp, old]);
    renderScreen();

    expect(screen.getByRole('heading', { name: 'Webhooks', level: 1 })).toBeInTheDocument();
    const table = await screen.findByRole('table', { name: 'All webhooks' });
    expect(within(table).getAllByRole('columnheader').map((cell) => cell.textContent)).toEqual([
      'Endpoint URL',
      'Description',
      'Events',
      'Status',
      'Pending deliveries',
      'Created',
      'Actions',
    ]);

    const row = await findRow(ERP_URL);
    // the whole address is there (cut short on screen only), and in its title
    expect(within(row).getByText(ERP_URL)).toHaveAttribute('title', ERP_URL);
    expect(row).toHaveTextContent('ERP sync');
    const chips = within(row).getAllByRole('listitem');
    expect(chips.map((chip) => chip.textContent)).toEqual(['customer.created', 'order.paid']);
    expect(chips[1]).toHaveAttribute('title', 'Order paid');
    expect(within(row).getByText('Active')).toHaveClass('webhook-status-active');
    expect(within(row).queryByText(/Failing since/)).not.toBeInTheDocument();
    expect(row).toHaveTextContent('3');
    expect(within(row).getByText('Mar 5, 2025')).toHaveAttribute('datetime', '2025-03-05T08:00:00Z');
    expect(within(row).getByText('by Wang Wei')).toBeInTheDocument();
    for (const name of ['Send test event to ERP sync', 'Pause ERP sync', 'Deliveries of ERP sync', 'Delete ERP sync']) {
      expect(within(row).getByRole('button', { name })).toBeInTheDocument();
    }

    // still enabled, but its endpoint has failed since the 6th: said in words, not by colour only
    const bridge = await findRow('https://crm-bridge.example.org/in');
    expect(within(bridge).getByText('Active')).toBeInTheDocument();
    expect(within(bridge).getByText(/^Failing since Mar 6, 2025/)).toHaveClass('webhook-status-failing');
    expect(within(bridge).getByText(/^Failing since/)).toHaveAttribute('datetime', '2025-03-06T09:30:00Z');

    // disabled, with the server's account of why; no test event for it, and it can be enabled again
    const disabled = await findRow(OLD_URL);
    expect(within(disabled).getByText('Disabled')).toHaveClass('webhook-status-disabled');
    expect(disabled).toHaveTextContent('Reason: Every delivery failed since 2025-03-01 08:00 UTC; last: HTTP 500');
    expect(disabled).toHaveTextContent('since Mar 4, 2025');
    expect(within(disabled).queryByRole('button', { name: /Send test event/ })).not.toBeInTheDocument();
    // without a description, a subscription goes by its address
    expect(within(disabled).getByRole('button', { name: `Enable ${OLD_URL}` })).toBeInTheDocument();
  });

  it('explains what webhooks are for when there are none', async () => {
    fakeWebhooksApi([]);
    renderScreen();
    expect(await screen.findByText('No webhooks yet.')).toBeInTheDocument();
    expect(screen.getByText(/^Add one to send this store’s events.*Each event arrives as a signed POST request/)).toBeInTheDocument();
  });

  it('adds a webhook, shows its signing secret once with how to verify it, and forgets it when done', async () => {
    const { requests } = fakeWebhooksApi([old]);
    const { user } = renderScreen();
    await findRow(OLD_URL);

    await user.type(screen.getByLabelText('Endpoint URL'), '  https://erp.example.com/hooks  ');
    await user.type(screen.getByLabelText('Description (optional)'), 'ERP sync');
    const events = screen.getByRole('group', { name: 'Events to send' });
    expect(within(events).getAllByRole('checkbox')).toHaveLength(12);
    await user.click(within(events).getByRole('button', { name: 'Select all customer events' }));
    expect(within(events).getByRole('checkbox', { name: /^Customer claimed from the pool/ })).toBeChecked();
    expect(within(events).getByRole('checkbox', { name: /^Inquiry received/ })).not.toBeChecked();
    await user.click(within(events).getByRole('checkbox', { name: /^Customer deleted/ }));
    await user.click(within(events).getByRole('checkbox', { name: 'Order paid order.paid' }));
    await user.click(screen.getByRole('button', { name: 'Add webhook' }));

    const panel = await screen.findByRole('region', { name: 'Signing secret of “ERP sync”' });
    const secret = within(panel).getByRole('textbox', { name: 'Signing secret' });
    expect(secret).toHaveValue(SECRET);
    expect(secret).toHaveAttribute('readonly');
    expect(secret).toHaveFocus();
    expect(secret).toHaveAccessibleDescription(/it will not be shown again.*webhook-id, webhook-timestamp and webhook-signature/);
    // no second webhook while this secret is on screen
    expect(screen.queryByRole('button', { name: 'Add webhook' })).not.toBeInTheDocument();

    expect(await requests.find((request) => request.method === 'POST')?.json()).toEqual({
      url: 'https://erp.example.com/hooks',
      description: 'ERP sync',
      eventTypes: [
        'customer.created',
        'customer.updated',
        'customer.claimed',
        'customer.assigned',
        'customer.released',
        'customer.returned',
        'order.paid',
      ],
    });

    await user.click(within(panel).getByRole('button', { name: 'Copy' }));
    expect(within(panel).getByRole('status')).toHaveTextContent('Copied.');
    expect(await navigator.clipboard.readText()).toBe(SECRET);

    // the list shows the new webhook, never its secret
    expect(await findRow('https://erp.example.com/hooks')).not.toHaveTextContent(SECRET);

    await user.click(within(panel).getByRole('button', { name: 'Done' }));
    expect(panel).not.toBeInTheDocument();
    expect(document.body).not.toHaveTextContent(SECRET);
    expect(screen.getByLabelText('Endpoint URL')).toHaveValue('');
    expect(screen.getByLabelText('Endpoint URL')).toHaveFocus();
  });

  it('shows the refused fields next to them, in words of its own rather than the server’s', async () => {
    fakeWebhooksApi([], {
      override: (request) =>
        request.method === 'POST'
          ? problemResponse({
              type: `${PROBLEMS}/validation`,
              title: 'Validation failed',
              status: 400,
              errors: [
                { field: 'url', message: 'resolves to a private address (10.0.0.5), which Harbor does not call', code: 'FORMAT' },
                { field: 'description', message: 'size must be between 0 and 200', code: 'LENGTH', min: 0, max: 200 },
                { field: 'eventTypes[0]', message: 'must be one of: customer.created, customer.updated', code: 'ONE_OF' },
              ],
            })
          : undefined,
    });
    const { user } = renderScreen();
    await screen.findByText('No webhooks yet.');
    await user.type(screen.getByLabelText('Endpoint URL'), 'https://10.0.0.5/hook');
    await user.click(screen.getByRole('checkbox', { name: /^Import finished/ }));
    await user.click(screen.getByRole('button', { name: 'Add webhook' }));

    const url = screen.getByLabelText('Endpoint URL');
    await waitFor(() => expect(url).toHaveAttribute('aria-invalid', 'true'));
    expect(url).toHaveAccessibleDescription(/Enter an https:\/\/ address on the public internet\.$/);
    expect(url).toHaveFocus();
    expect(screen.getByLabelText('Description (optional)')).toHaveAccessibleDescription(/At most 200 characters\.$/);
    expect(screen.getByRole('group', { name: 'Events to send' })).toHaveAccessibleDescription(
      'Only the events ticked here are sent to the endpoint. Choose only events from this list.',
    );
    expect(screen.getByRole('alert')).toHaveTextContent('Some details need fixing');
    // the server's own words are never shown
    expect(document.body).not.toHaveTextContent(/private address|size must|must be one of/);
  });

  it('asks for an address when none was given, and for at least one event', async () => {
    const { calls } = fakeWebhooksApi([], {
      override: (request) =>
        request.method === 'POST'
          ? problemResponse({
              type: `${PROBLEMS}/validation`,
              title: 'Validation failed',
              status: 400,
              errors: [
                { field: 'url', message: 'must not be blank', code: 'REQUIRED' },
                { field: 'eventTypes', message: 'size must be between 1 and 20', code: 'LENGTH', min: 1, max: 20 },
              ],
            })
          : undefined,
    });
    const { user } = renderScreen();
    await screen.findByText('No webhooks yet.');
    await user.click(screen.getByRole('button', { name: 'Add webhook' }));

    const url = screen.getByLabelText('Endpoint URL');
    await waitFor(() => expect(url).toHaveAccessibleDescription(/Enter the https:\/\/ address to send the events to\.$/));
    expect(screen.getByRole('group', { name: 'Events to send' })).toHaveAccessibleDescription(/Choose at least one event\.$/);
    // The form's own checks, in the server's words: nothing was sent.
    expect(calls()).not.toContain('POST /api/v1/webhooks');
  });

  it('says what is wrong with an address before sending it, and checks the events again as they change', async () => {
    const { calls } = fakeWebhooksApi([]);
    const { user } = renderScreen();
    await screen.findByText('No webhooks yet.');
    await user.type(screen.getByLabelText('Endpoint URL'), 'ftp://erp.example.com/hooks');
    await user.click(screen.getByRole('button', { name: 'Add webhook' }));

    const url = screen.getByLabelText('Endpoint URL');
    expect(url).toHaveAccessibleDescription(/Enter an https:\/\/ address on the public internet\.$/);
    await waitFor(() => expect(url).toHaveFocus());
    const events = screen.getByRole('group', { name: 'Events to send' });
    expect(events).toHaveAccessibleDescription(/Choose at least one event\.$/);
    expect(calls()).not.toContain('POST /api/v1/webhooks');

    await user.click(within(events).getByRole('button', { name: 'Select all customer events' }));
    expect(events).toHaveAccessibleDescription('Only the events ticked here are sent to the endpoint.');
    await user.clear(url);
    await user.type(url, 'https://user:secret@erp.example.com/hooks');
    expect(url).toHaveAccessibleDescription(/Enter an https:\/\/ address on the public internet\.$/);
    await user.clear(url);
    await user.type(url, 'https://erp.example.com/hooks');
    expect(url).not.toHaveAttribute('aria-invalid');
  });

  it('explains that the store holds as many webhooks as it may', async () => {
    fakeWebhooksApi([erp], {
      override: (request) =>
        request.method === 'POST' && pathOf(request) === '/api/v1/webhooks'
          ? problemResponse({ type: `${PROBLEMS}/conflict`, title: 'Conflict', status: 409, detail: 'At most 10 webhooks' })
          : undefined,
    });
    const { user } = renderScreen();
    await findRow(ERP_URL);
    await user.type(screen.getByLabelText('Endpoint URL'), 'https://one-too-many.example.com');
    await user.click(screen.getByRole('checkbox', { name: /^Order paid/ }));
    await user.click(screen.getByRole('button', { name: 'Add webhook' }));

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'The store already has as many webhooks as it may hold. Delete one it no longer needs first.',
    );
    expect(document.body).not.toHaveTextContent('At most 10 webhooks');
  });

  it('sends a test event to the subscription and says it is queued', async () => {
    const { calls } = fakeWebhooksApi([erp, old]);
    const { user } = renderScreen();
    const row = await findRow(ERP_URL);

    await user.click(within(row).getByRole('button', { name: 'Send test event to ERP sync' }));

    expect(await findToast(/^Test event queued for “ERP sync”/)).toHaveClass('toast-success');
    expect(calls()).toContain('POST /api/v1/webhooks/2/test');
    // one more pending delivery, as the server counts them
    await waitFor(() => expect(row).toHaveTextContent('4'));
  });

  it('says in its own words that a disabled subscription takes no test event', async () => {
    fakeWebhooksApi([erp], {
      override: (request) =>
        pathOf(request).endsWith('/test')
          ? problemResponse({ type: `${PROBLEMS}/conflict`, title: 'Conflict', status: 409, detail: 'This webhook is disabled' })
          : undefined,
    });
    const { user } = renderScreen();
    const row = await findRow(ERP_URL);
    await user.click(within(row).getByRole('button', { name: 'Send test event to ERP sync' }));
    expect(await findToast('“ERP sync” is disabled: enable it first, then send a test event.')).toHaveClass('toast-error');
  });

  it('pauses a subscription and enables it again', async () => {
    const { requests } = fakeWebhooksApi([erp]);
    const { user } = renderScreen();
    const row = await findRow(ERP_URL);

    const pause = within(row).getByRole('button', { name: 'Pause ERP sync' });
    await user.click(pause);
    expect(await findToast(/^“ERP sync” is paused/)).toHaveClass('toast-success');
    const patch = requests.find((request) => request.method === 'PATCH');
    expect(pathOf(patch as Request)).toBe('/api/v1/webhooks/2');
    expect(await patch?.json()).toEqual({ enabled: false });
    expect(within(row).getByText('Disabled')).toBeInTheDocument();
    expect(row).toHaveTextContent('Reason: Disabled by Wang Wei');
    expect(within(row).queryByRole('button', { name: /Send test event/ })).not.toBeInTheDocument();
    // the same button, now the other way round: focus stays on it
    const enable = within(row).getByRole('button', { name: 'Enable ERP sync' });
    expect(enable).toBe(pause);

    await user.click(enable);
    expect(await findToast(/^“ERP sync” is enabled again/)).toHaveClass('toast-success');
    expect(await requests.filter((request) => request.method === 'PATCH')[1]?.json()).toEqual({ enabled: true });
    expect(within(row).getByText('Active')).toBeInTheDocument();
  });

  it('deletes a subscription only after a danger confirmation', async () => {
    const { calls } = fakeWebhooksApi([erp, old]);
    const { user } = renderScreen();
    const row = await findRow(ERP_URL);

    await user.click(within(row).getByRole('button', { name: 'Delete ERP sync' }));
    const dialog = screen.getByRole('alertdialog', { name: 'Delete the webhook “ERP sync”?' });
    expect(dialog).toHaveAccessibleDescription(/pending deliveries are dropped.*cannot be undone/);
    expect(within(dialog).getByRole('button', { name: 'Cancel' })).toHaveFocus();
    expect(within(dialog).getByRole('button', { name: 'Delete' })).toHaveClass('button-danger');

    await user.keyboard('{Escape}');
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
    expect(within(row).getByRole('button', { name: 'Delete ERP sync' })).toHaveFocus();
    expect(calls()).not.toContain('DELETE /api/v1/webhooks/2');

    await user.click(within(row).getByRole('button', { name: 'Delete ERP sync' }));
    await user.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Delete' }));

    expect(await findToast('“ERP sync” is deleted.')).toHaveClass('toast-success');
    expect(calls()).toContain('DELETE /api/v1/webhooks/2');
    expect(row).not.toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'All webhooks' })).toHaveFocus();
    expect(await findRow(OLD_URL)).toBeInTheDocument();
  });

  it('shows the delivery log with status, attempts, last answer and time, filtered by status', async () => {
    const { requests } = fakeWebhooksApi([erp]);
    const { user, log } = await openLog('ERP sync');

    expect(screen.getByRole('button', { name: 'Deliveries of ERP sync' })).toHaveAttribute('aria-expanded', 'true');
    expect(within(log).getByRole('heading', { name: 'Deliveries to “ERP sync”' })).toHaveFocus();
    const table = await within(log).findByRole('table', { name: 'Deliveries to “ERP sync”' });
    expect(within(table).getAllByRole('columnheader').map((cell) => cell.textContent)).toEqual([
      'Event',
      'Status',
      'Attempts',
      'Last answer',
      'When',
      'Actions',
    ]);

    const deliveredRow = within(table).getByRole('rowheader', { name: /^Customer created/ }).closest('tr') as HTMLElement;
    expect(within(deliveredRow).getByText('Delivered', { selector: '.status-chip' })).toHaveClass('webhook-delivery-delivered');
    expect(deliveredRow).toHaveTextContent('HTTP 200');
    const when = within(deliveredRow).getByText('Delivered', { selector: 'td[data-label="When"] div' });
    expect(within(when).getByRole('time')).toHaveAttribute('datetime', '2025-03-07T10:00:01Z');

    const failedRow = within(table).getByRole('rowheader', { name: /^Order paid/ }).closest('tr') as HTMLElement;
    expect(within(failedRow).getByText('Failed')).toHaveClass('webhook-delivery-failed');
    expect(failedRow).toHaveTextContent('HTTP 500');
    expect(failedRow).toHaveTextContent('HTTP 500 from the receiver');
    expect(failedRow).toHaveTextContent('Given up');

    const pendingRow = within(table).getByRole('rowheader', { name: /^Test event/ }).closest('tr') as HTMLElement;
    expect(within(pendingRow).getByText('Pending')).toHaveClass('webhook-delivery-pending');
    expect(pendingRow).toHaveTextContent('No answer');
    // the endpoint's own failure, shown as logged: diagnostics, not a message of the app's
    expect(pendingRow).toHaveTextContent('Connection refused');
    expect(within(pendingRow).getByText(/Next attempt/).querySelector('time')).toHaveAttribute('datetime', '2025-03-09T10:05:00Z');

    await user.selectOptions(within(log).getByLabelText('Status'), 'Failed');
    await waitFor(() => expect(within(log).queryByRole('rowheader', { name: /^Customer created/ })).not.toBeInTheDocument());
    expect(within(log).getByRole('rowheader', { name: /^Order paid/ })).toBeInTheDocument();
    const last = new URL(requests.at(-1)?.url ?? '');
    expect(last.pathname).toBe('/api/v1/webhooks/2/deliveries');
    expect(last.searchParams.get('status')).toBe('FAILED');

    await user.click(within(log).getByRole('button', { name: 'Close the delivery log' }));
    expect(log).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Deliveries of ERP sync' })).toHaveFocus();
  });

  it('loads more of the log with the cursor the server gave', async () => {
    const { requests } = fakeWebhooksApi([erp], { pageSize: 2 });
    const { user, log } = await openLog('ERP sync');
    await within(log).findByRole('rowheader', { name: /^Order paid/ });
    expect(within(log).queryByRole('rowheader', { name: /^Test event/ })).not.toBeInTheDocument();

    await user.click(within(log).getByRole('button', { name: 'Load more' }));
    expect(await within(log).findByRole('rowheader', { name: /^Test event/ })).toBeInTheDocument();
    expect(new URL(requests.at(-1)?.url ?? '').searchParams.get('cursor')).toBe('2');
  });

  it('says when nothing was sent yet', async () => {
    fakeWebhooksApi([erp], { deliveries: [] });
    const { log } = await openLog('ERP sync');
    expect(await within(log).findByText('Nothing was sent to this endpoint yet.')).toBeInTheDocument();
  });

  it('shows a delivery’s payload and attempts, and redelivers it', async () => {
    const { calls } = fakeWebhooksApi([erp]);
    const { user, log } = await openLog('ERP sync');
    const failedRow = (await within(log).findByRole('rowheader', { name: /^Order paid/ })).closest('tr') as HTMLElement;

    await user.click(within(failedRow).getByRole('button', { name: /^Details of Order paid, / }));
    const detail = await within(log).findByRole('region', { name: 'Delivery: Order paid' });
    expect(within(detail).getByRole('heading', { name: 'Delivery: Order paid' })).toHaveFocus();
    expect(calls()).toContain('GET /api/v1/webhooks/2/deliveries/12');
    expect(detail).toHaveTextContent('msg_2b9d0f5c7a1e4c3f8e6d5b4a39281706');

    // the exact body, pretty-printed
    const payload = within(detail).getByRole('group', { name: 'Payload sent' });
    expect(payload.querySelector('pre')?.textContent).toBe(JSON.stringify(failedDetail.payload, null, 2));

    const attempts = within(detail).getByRole('table', { name: 'Attempts' });
    expect(within(attempts).getAllByRole('columnheader').map((cell) => cell.textContent)).toEqual([
      'Attempt',
      'Time',
      'HTTP status',
      'Duration',
      'Error',
      'Response (start)',
    ]);
    const first = within(attempts).getByRole('rowheader', { name: 'Attempt 1' }).closest('tr') as HTMLElement;
    expect(first).toHaveTextContent('500');
    expect(first).toHaveTextContent('1,234 ms');
    expect(first).toHaveTextContent('HTTP 500 from the receiver');
    expect(first).toHaveTextContent('{"error":"database is down"}');
    const second = within(attempts).getByRole('rowheader', { name: 'Attempt 2' }).closest('tr') as HTMLElement;
    expect(second).toHaveTextContent('No answer');
    expect(second).toHaveTextContent('10,000 ms');
    expect(second).toHaveTextContent('Timed out after 10 s');

    await user.click(within(detail).getByRole('button', { name: 'Redeliver' }));
    expect(await findToast(/^Queued again as the same message/)).toHaveClass('toast-success');
    expect(calls()).toContain('POST /api/v1/webhooks/2/deliveries/12/redeliver');

    await user.click(within(detail).getByRole('button', { name: 'Close the details' }));
    expect(detail).not.toBeInTheDocument();
    expect(within(failedRow).getByRole('button', { name: /^Details of Order paid/ })).toHaveFocus();
  });

  it('says in its own words why a redelivery was refused', async () => {
    fakeWebhooksApi([erp], {
      override: (request) =>
        pathOf(request).endsWith('/redeliver')
          ? problemResponse({ type: `${PROBLEMS}/conflict`, title: 'Conflict', status: 409, detail: 'The webhook is disabled' })
          : undefined,
    });
    const { user, log } = await openLog('ERP sync');
    await user.click(await within(log).findByRole('button', { name: /^Details of Order paid/ }));
    const detail = await within(log).findByRole('region', { name: 'Delivery: Order paid' });
    await user.click(within(detail).getByRole('button', { name: 'Redeliver' }));
    expect(await findToast('This webhook is disabled: enable it first, then redeliver.')).toHaveClass('toast-error');
    expect(document.body).not.toHaveTextContent('The webhook is disabled');
  });

  it('speaks Chinese', async () => {
    setLocale('zh-CN');
    fakeWebhooksApi([erp, old]);
    const { user } = renderScreen();

    expect(screen.getByRole('heading', { name: 'Webhook', level: 1 })).toBeInTheDocument();
    const table = await screen.findByRole('table', { name: '全部 Webhook' });
    expect(within(table).getByText('启用中')).toBeInTheDocument();
    expect(within(table).getByText('已停用')).toBeInTheDocument();
    expect(within(table).getByRole('button', { name: '发送测试事件到 ERP sync' })).toBeInTheDocument();
    expect(screen.getByRole('group', { name: '要发送的事件' })).toBeInTheDocument();
    expect(screen.getByRole('checkbox', { name: /^从公海领取客户/ })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '添加 Webhook' })).toBeInTheDocument();

    await user.click(within(table).getByRole('button', { name: '投递记录：ERP sync' }));
    const log = await screen.findByRole('region', { name: '发往“ERP sync”的投递记录' });
    const deliveries = await within(log).findByRole('table', { name: '发往“ERP sync”的投递记录' });
    expect(within(deliveries).getByText('已送达', { selector: '.status-chip' })).toBeInTheDocument();
    expect(within(deliveries).getByText('失败', { selector: '.status-chip' })).toBeInTheDocument();
    expect(within(log).getByRole('combobox', { name: '状态' })).toBeInTheDocument();
  });
});
