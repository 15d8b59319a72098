import { screen, waitFor, within } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { describe, expect, it } from 'vitest';
import { setLocale } from '@/lib/i18n';
import { problemResponse } from '@/testing/fetch-mock';
import { renderWithProviders } from '@/testing/render';
import { findToast, queryToast } from '@/testing/toasts';
import { CustomerMessaging, type CustomerMessagingProps } from './customer-messaging';
import { bodiesOf, message, messagingApi, PROBLEMS, priceList, smsReminder } from './test-api';

// Many interactions per test, on a shared 2-core machine.
const SLOW = { timeout: 20_000 };

const john = { id: 5, email: 'john@miller.example', mobile: '+1 555 0100' };

function renderMessaging(props: Partial<CustomerMessagingProps> = {}) {
  const router = createMemoryRouter(
    [
      {
        path: '/customers/:id',
        element: <CustomerMessaging customer={john} readOnly={false} canSetUp={false} {...props} />,
      },
      { path: '/settings/messaging', element: <h1>Messaging settings</h1> },
    ],
    { initialEntries: ['/customers/5'] },
  );
  return { ...renderWithProviders(<RouterProvider router={router} />), router };
}

describe('Compose box', () => {
  it('fills subject and body from a template, previews the text, sends it and says it became a follow-up', SLOW, async () => {
    const { requests } = messagingApi({
      preview: {
        subject: 'Price list for Miller Hardware',
        text: 'Hello John,\nplease find our new prices attached. See you soon.',
        html: '<p>Hello John,<br>please find our new prices attached. See you soon.</p>',
      },
    });
    const { user, queryClient } = renderMessaging();
    // What the customer page shows, which a message taken by the server changes.
    for (const key of [['customers', 'timeline', 5], ['customers', 'follow-ups', 5], ['customers', 'detail', 5]]) {
      queryClient.setQueryData(key, {});
    }

    const box = await screen.findByRole('region', { name: 'Send an e-mail or SMS' });
    expect(within(box).getByRole('radio', { name: 'E-mail' })).toBeChecked();
    const template = within(box).getByRole('combobox', { name: 'Template' });
    // The e-mail templates only, each with its language.
    await waitFor(() => expect(within(template).getAllByRole('option')).toHaveLength(3));
    expect(within(template).getAllByRole('option').map((option) => option.textContent)).toEqual([
      'No template: write the message here',
      'Price list (English)',
      '欢迎 (Chinese)',
    ]);
    await user.selectOptions(template, 'Price list (English)');
    const subject = within(box).getByRole('textbox', { name: 'Subject' });
    const body = within(box).getByRole('textbox', { name: 'Message' });
    expect(subject).toHaveValue(priceList.subject);
    expect(body).toHaveValue(priceList.body);
    await user.type(body, ' See you soon.');

    await user.click(within(box).getByRole('button', { name: 'Preview' }));
    const preview = await within(box).findByRole('region', { name: 'Preview' });
    expect(within(preview).getByText('Price list for Miller Hardware')).toBeInTheDocument();
    const frame = within(preview).getByTitle('E-mail preview');
    // Sandboxed without any permission: the e-mail's HTML can run nothing.
    expect(frame).toHaveAttribute('sandbox', '');
    expect(frame.getAttribute('srcdoc')).toContain('<p>Hello John,<br>please find our new prices attached. See you soon.</p>');
    expect(await bodiesOf(requests, 'POST', '/api/v1/messaging/preview')).toEqual([
      { channel: 'EMAIL', subject: priceList.subject, body: `${priceList.body} See you soon.`, customerId: 5 },
    ]);

    await user.click(within(box).getByRole('button', { name: 'Send e-mail' }));
    expect(await findToast('Sent — saved as a follow-up.')).toHaveClass('toast-success');
    expect(await bodiesOf(requests, 'POST', '/api/v1/customers/5/messages')).toEqual([
      { channel: 'EMAIL', templateId: 3, subject: priceList.subject, body: `${priceList.body} See you soon.` },
    ]);
    // A fresh box for the next message; the preview of the one sent is gone.
    expect(subject).toHaveValue('');
    expect(body).toHaveValue('');
    expect(within(box).queryByRole('region', { name: 'Preview' })).not.toBeInTheDocument();
    // The follow-up it became shows on the timeline, and the message in the list.
    for (const key of [['customers', 'timeline', 5], ['customers', 'follow-ups', 5], ['customers', 'detail', 5]]) {
      expect(queryClient.getQueryState(key)?.isInvalidated).toBe(true);
    }
    const list = await screen.findByRole('list', { name: 'E-mails & SMS' });
    expect(await within(list).findByText(priceList.subject ?? '')).toBeInTheDocument();
  });

  it('says in a sentence that e-mail is not set up, and shows an admin the way to set it up', SLOW, async () => {
    messagingApi({
      send: () =>
        problemResponse({
          type: `${PROBLEMS}/messaging-channel-off`,
          title: 'Channel not configured',
          status: 409,
          detail: 'E-mail is not set up for this store: an admin sets it up under Settings → Messaging',
        }),
    });
    const { user, router } = renderMessaging({ canSetUp: true });

    const box = await screen.findByRole('region', { name: 'Send an e-mail or SMS' });
    await user.type(within(box).getByRole('textbox', { name: 'Subject' }), 'Samples');
    await user.type(within(box).getByRole('textbox', { name: 'Message' }), 'Your samples are ready.');
    await user.click(within(box).getByRole('button', { name: 'Send e-mail' }));

    const alert = await within(box).findByRole('alert');
    expect(alert).toHaveTextContent('E-mail isn’t set up yet — an admin can set it up in Settings → Messaging.');
    expect(alert).not.toHaveTextContent('Someone else changed this');
    // What was written stays, to be sent once e-mail is set up.
    expect(within(box).getByRole('textbox', { name: 'Message' })).toHaveValue('Your samples are ready.');
    await user.click(within(alert).getByRole('link', { name: 'Set it up in Settings → Messaging' }));
    expect(router.state.location.pathname).toBe('/settings/messaging');
  });

  it('gives a rep the same sentence without the link, and words the daily limit', SLOW, async () => {
    let answer = 0;
    messagingApi({
      send: () =>
        answer++ === 0
          ? problemResponse({ type: `${PROBLEMS}/messaging-channel-off`, title: 'Channel not configured', status: 409 })
          : problemResponse({ type: `${PROBLEMS}/daily-send-limit`, title: 'Daily limit', status: 429 }),
    });
    const { user } = renderMessaging({ canSetUp: false });

    const box = await screen.findByRole('region', { name: 'Send an e-mail or SMS' });
    await user.click(within(box).getByRole('radio', { name: 'SMS' }));
    await user.type(within(box).getByRole('textbox', { name: 'Message' }), 'Samples ship today.');
    await user.click(within(box).getByRole('button', { name: 'Send SMS' }));
    const alert = await within(box).findByRole('alert');
    expect(alert).toHaveTextContent('SMS isn’t set up yet — an admin can set it up in Settings → Messaging.');
    expect(within(alert).queryByRole('link')).not.toBeInTheDocument();

    await user.click(within(box).getByRole('button', { name: 'Send SMS' }));
    await waitFor(() =>
      expect(within(box).getByRole('alert')).toHaveTextContent(
        'The store has sent all the SMS it may send today. Try again tomorrow, or ask an admin to raise the daily limit.',
      ),
    );
    // Not the login wording a 429 has elsewhere.
    expect(within(box).getByRole('alert')).not.toHaveTextContent('attempts');
  });

  it('names the placeholders the server knows next to the text that used an unknown one', SLOW, async () => {
    messagingApi({
      send: () =>
        problemResponse({
          type: `${PROBLEMS}/validation`,
          title: 'Some fields are not valid',
          status: 400,
          errors: [
            { field: 'body', code: 'UNKNOWN', message: 'unknown placeholder {{nmae}}', allowed: ['name', 'companyName', 'owner.name'] },
            { field: 'subject', code: 'FORMAT', message: 'must be one line (no line breaks)' },
          ],
        }),
    });
    const { user } = renderMessaging();

    const box = await screen.findByRole('region', { name: 'Send an e-mail or SMS' });
    await user.type(within(box).getByRole('textbox', { name: 'Subject' }), 'Samples');
    await user.click(within(box).getByRole('textbox', { name: 'Message' }));
    await user.paste('Hello {{nmae}}');
    await user.click(within(box).getByRole('button', { name: 'Send e-mail' }));

    const body = within(box).getByRole('textbox', { name: 'Message' });
    await waitFor(() => expect(body).toHaveAttribute('aria-invalid', 'true'));
    expect(body).toHaveAccessibleDescription(expect.stringContaining('Unknown placeholder — use one of: {{name}}, {{companyName}}, {{owner.name}}'));
    const subject = within(box).getByRole('textbox', { name: 'Subject' });
    expect(subject).toHaveAccessibleDescription('This is not in the expected form.');
    // The first field the server refused has the focus.
    expect(subject).toHaveFocus();
    expect(within(box).getByRole('alert')).toHaveTextContent('Some details need fixing');
    expect(box).not.toHaveTextContent('must be one line');

    // Edited: what the server said about the text no longer holds.
    await user.type(body, '!');
    expect(body).not.toHaveAttribute('aria-invalid');
    expect(subject).not.toHaveAttribute('aria-invalid');
    expect(within(box).queryByRole('alert')).not.toBeInTheDocument();
  });

  it('says an e-mail needs a subject and a text, by each field, without asking the server', SLOW, async () => {
    const { requests } = messagingApi();
    const { user } = renderMessaging();

    const box = await screen.findByRole('region', { name: 'Send an e-mail or SMS' });
    await user.click(within(box).getByRole('button', { name: 'Send e-mail' }));

    const subject = within(box).getByRole('textbox', { name: 'Subject' });
    await waitFor(() => expect(subject).toHaveAccessibleDescription('Required.'));
    expect(within(box).getByRole('textbox', { name: 'Message' })).toHaveAccessibleDescription(expect.stringContaining('Required.'));
    expect(subject).toHaveFocus();
    // A preview needs a text, not a subject.
    await user.type(subject, 'Samples');
    await user.click(within(box).getByRole('button', { name: 'Preview' }));
    expect(subject).not.toHaveAttribute('aria-invalid');
    expect(within(box).getByRole('textbox', { name: 'Message' })).toHaveAttribute('aria-invalid', 'true');
    expect(requests.filter((request) => request.method === 'POST')).toHaveLength(0);
  });

  it('says why a message could not be sent, in a sentence and without the server’s stack trace', SLOW, async () => {
    messagingApi({
      send: (body) =>
        message(101, {
          status: 'FAILED',
          subject: String(body.subject),
          error: '535 5.7.8 Authentication failed.\n\tat jakarta.mail.Transport.send(Transport.java:123)',
        }),
    });
    const { user } = renderMessaging();

    const box = await screen.findByRole('region', { name: 'Send an e-mail or SMS' });
    await user.type(within(box).getByRole('textbox', { name: 'Subject' }), 'Samples');
    await user.type(within(box).getByRole('textbox', { name: 'Message' }), 'Your samples are ready.');
    await user.click(within(box).getByRole('button', { name: 'Send e-mail' }));

    const alert = await within(box).findByRole('alert');
    expect(within(alert).getByText('The e-mail could not be sent.')).toBeInTheDocument();
    expect(within(alert).getByText('The mail server said: “535 5.7.8 Authentication failed”.')).toBeInTheDocument();
    expect(alert).not.toHaveTextContent('Transport.java');
    expect(queryToast('Sent — saved as a follow-up.')).toBeNull();
    // Kept, to send again once the cause is fixed.
    expect(within(box).getByRole('textbox', { name: 'Message' })).toHaveValue('Your samples are ready.');
  });

  it('offers SMS only for a customer without an e-mail address, and sends it without a subject', SLOW, async () => {
    const { requests } = messagingApi();
    const { user } = renderMessaging({ customer: { id: 5, email: null, mobile: '+1 555 0100' } });

    const box = await screen.findByRole('region', { name: 'Send an e-mail or SMS' });
    const email = within(box).getByRole('radio', { name: 'E-mail' });
    expect(email).toBeDisabled();
    expect(within(box).getByRole('radio', { name: 'SMS' })).toBeChecked();
    expect(within(box).getByRole('group', { name: 'Send as' })).toHaveAccessibleDescription(
      'No e-mail address on file: add one in the customer file to send e-mails.',
    );
    expect(within(box).queryByRole('textbox', { name: 'Subject' })).not.toBeInTheDocument();
    const template = within(box).getByRole('combobox', { name: 'Template' });
    await waitFor(() => expect(within(template).getAllByRole('option')).toHaveLength(2));
    await user.selectOptions(template, 'Sample reminder (English)');
    expect(within(box).getByRole('textbox', { name: 'Message' })).toHaveValue(smsReminder.body);
    expect(within(box).getByText(new RegExp(`${smsReminder.body.length} characters of 1,600`))).toHaveTextContent(
      'goes out as one text message',
    );
    await user.click(within(box).getByRole('button', { name: 'Send SMS' }));

    await findToast('Sent — saved as a follow-up.');
    expect(await bodiesOf(requests, 'POST', '/api/v1/customers/5/messages')).toEqual([
      { channel: 'SMS', templateId: 5, body: smsReminder.body },
    ]);
  });

  it('shows no compose box and read-only consent to someone who may not change the customer', SLOW, async () => {
    messagingApi();
    renderMessaging({ readOnly: true });

    const consent = await screen.findByRole('checkbox', { name: 'Agrees to marketing e-mail' });
    expect(consent).toBeDisabled();
    expect(screen.getByRole('checkbox', { name: 'Agrees to marketing SMS' })).toBeDisabled();
    expect(screen.queryByRole('region', { name: 'Send an e-mail or SMS' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Send/ })).not.toBeInTheDocument();
  });
});

describe('Consent', () => {
  it('shows whether and how the customer answered, and records a change by hand', SLOW, async () => {
    const { requests } = messagingApi({
      consent: {
        email: { optedIn: false, source: 'UNSUBSCRIBE_LINK', changedAt: '2025-12-03T10:00:00Z' },
        sms: { optedIn: null, source: null, changedAt: null },
      },
    });
    const { user } = renderMessaging();

    const email = await screen.findByRole('checkbox', { name: 'Agrees to marketing e-mail' });
    expect(email).not.toBeChecked();
    expect(email).toHaveAccessibleDescription('Unsubscribed via link on Dec 3, 2025');
    const sms = screen.getByRole('checkbox', { name: 'Agrees to marketing SMS' });
    expect(sms).not.toBeChecked();
    expect(sms).toHaveAccessibleDescription('Not asked yet');

    await user.click(sms);
    await waitFor(() => expect(sms).toHaveAccessibleDescription('Agreed, recorded by hand on Mar 6, 2026'));
    expect(sms).toBeChecked();
    expect(await bodiesOf(requests, 'PUT', '/api/v1/customers/5/consent')).toEqual([{ smsOptIn: true }]);

    await user.click(sms);
    await waitFor(() => expect(sms).not.toBeChecked());
    expect(sms).toHaveAccessibleDescription('Declined, recorded by hand on Mar 6, 2026');
    expect(await bodiesOf(requests, 'PUT', '/api/v1/customers/5/consent')).toEqual([{ smsOptIn: true }, { smsOptIn: false }]);
    // The e-mail answer was not touched.
    expect(email).not.toBeChecked();
  });

  it('says why a change was refused and shows the consent as it is', SLOW, async () => {
    const { fetchMock } = messagingApi();
    const { user } = renderMessaging();
    const email = await screen.findByRole('checkbox', { name: 'Agrees to marketing e-mail' });
    fetchMock.mockImplementationOnce(async () =>
      problemResponse({ type: `${PROBLEMS}/forbidden`, title: 'Forbidden', status: 403 }),
    );
    await user.click(email);
    expect(await screen.findByText('Your role does not allow this. Ask your store administrator if you need it.')).toHaveRole('alert');
    await waitFor(() => expect(email).not.toBeChecked());
  });
});

describe('Messages list', () => {
  it('lists the messages newest first with channel, direction, status, sender and date, and loads more', SLOW, async () => {
    messagingApi({
      messages: [
        message(6, { channel: 'SMS', direction: 'IN', status: 'RECEIVED', subject: null, body: 'STOP\nsent from my phone', senderId: null, senderName: null }),
        message(5, { status: 'BOUNCED', subject: 'Catalogue', error: '550 5.1.1 User unknown\nstack…' }),
        message(4, { status: 'SKIPPED', skipReason: 'UNSUBSCRIBED', subject: null, body: null, campaignId: 9, senderName: null }),
        message(3, { status: 'QUEUED', subject: 'Quotation' }),
        message(2, { status: 'DELIVERED', subject: 'Welcome' }),
      ],
    });
    const { user } = renderMessaging({ readOnly: true });

    const list = await screen.findByRole('list', { name: 'E-mails & SMS' });
    let rows = within(list).getAllByRole('listitem');
    expect(rows).toHaveLength(2);
    expect(rows[0]).toHaveTextContent('SMS');
    expect(rows[0]).toHaveTextContent('Received from the customer');
    expect(rows[0]).toHaveTextContent('Received');
    // The first line of an SMS stands for it.
    expect(within(rows[0]!).getByText('STOP')).toBeInTheDocument();
    expect(rows[0]).not.toHaveTextContent('sent from my phone');
    expect(rows[1]).toHaveTextContent('E-mail');
    expect(rows[1]).toHaveTextContent('Sent to the customer');
    expect(rows[1]).toHaveTextContent('Bounced');
    expect(rows[1]).toHaveTextContent('Reason: 550 5.1.1 User unknown');
    expect(rows[1]).not.toHaveTextContent('stack');
    expect(rows[1]).toHaveTextContent('Li Na ·');
    expect(within(rows[1]!).getByRole('time')).toHaveAttribute('datetime', '2026-03-05T10:00:01Z');

    await user.click(screen.getByRole('button', { name: 'Load more' }));
    await waitFor(() => expect(within(list).getAllByRole('listitem')).toHaveLength(4));
    rows = within(list).getAllByRole('listitem');
    expect(rows[2]).toHaveTextContent('Skipped');
    expect(rows[2]).toHaveTextContent('Campaign message');
    expect(rows[2]).toHaveTextContent('Reason: the customer unsubscribed');
    expect(rows[3]).toHaveTextContent('Waiting');
    await user.click(screen.getByRole('button', { name: 'Load more' }));
    await waitFor(() => expect(within(list).getAllByRole('listitem')).toHaveLength(5));
    expect(within(list).getAllByRole('listitem')[4]).toHaveTextContent('Delivered');
    expect(screen.queryByRole('button', { name: 'Load more' })).not.toBeInTheDocument();
  });

  it('says the statuses in Chinese', SLOW, async () => {
    setLocale('zh-CN');
    messagingApi({ messages: [message(2, { status: 'FAILED', channel: 'SMS', error: 'Invalid number' }), message(1)] });
    renderMessaging({ readOnly: true });

    const list = await screen.findByRole('list', { name: '邮件与短信' });
    const rows = within(list).getAllByRole('listitem');
    expect(rows[0]).toHaveTextContent('短信');
    expect(rows[0]).toHaveTextContent('发送失败');
    expect(rows[1]).toHaveTextContent('邮件');
    expect(rows[1]).toHaveTextContent('已发送');
  });

  it('says so when there are none', SLOW, async () => {
    messagingApi();
    renderMessaging();
    expect(await screen.findByText('No e-mails or SMS with this customer yet.')).toBeInTheDocument();
  });

  it('offers to try again when the list cannot be read', SLOW, async () => {
    const { fetchMock } = messagingApi({ messages: [message(1)] });
    const fallback = fetchMock.getMockImplementation()!;
    fetchMock.mockImplementation(async (input, init) => {
      const request = new Request(input, init);
      if (new URL(request.url).pathname === '/api/v1/customers/5/messages') {
        return problemResponse({ type: `${PROBLEMS}/internal`, title: 'Internal', status: 500, errorId: 'e-1' });
      }
      return fallback(input, init);
    });
    const { user } = renderMessaging({ readOnly: true });
    const retry = await screen.findByRole('button', { name: 'Try again' });
    fetchMock.mockImplementation(fallback);
    await user.click(retry);
    expect(await screen.findByRole('list', { name: 'E-mails & SMS' })).toBeInTheDocument();
  });
});
