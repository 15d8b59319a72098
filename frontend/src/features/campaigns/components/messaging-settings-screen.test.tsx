import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { setLocale } from '@/lib/i18n';
import { jsonResponse, mockFetch, problemResponse } from '@/testing/fetch-mock';
import { renderWithProviders } from '@/testing/render';
import { findToast, queryToast } from '@/testing/toasts';
import type { MessagingSettings } from '../api/get-messaging-settings';
import type { UpdateMessagingSettingsBody } from '../api/update-messaging-settings';
import { MessagingSettingsScreen } from './messaging-settings-screen';

const PROBLEMS = 'https://harbor-crm.dev/problems';

const stored: MessagingSettings = {
  email: {
    enabled: true,
    host: 'smtp.example.com',
    port: 587,
    security: 'STARTTLS',
    username: 'sales@example.com',
    passwordSet: true,
    fromAddress: 'sales@example.com',
    fromName: 'Ningbo Pumps',
    replyTo: null,
  },
  sms: { enabled: false, baseUrl: 'https://api.twilio.com', accountId: 'AC123', tokenSet: true, fromNumber: '+8613800000000' },
  dailyEmailCap: 2000,
  dailySmsCap: 200,
  campaignRatePerMinute: 60,
  inbound: {
    emailEventsUrl: 'https://crm.example.com/api/v1/messaging/inbound/0123456789abcdef0123456789abcdef/email',
    smsCallbackUrl: 'https://crm.example.com/api/v1/messaging/inbound/0123456789abcdef0123456789abcdef/sms',
    emailSecretSet: false,
  },
  secretsStorable: true,
  version: 7,
};

function pathOf(request: Request) {
  return new URL(request.url).pathname;
}

/** The messaging settings API in memory; `override` answers first when it returns a response. */
function fakeSettingsApi(initial: MessagingSettings = stored, override?: (request: Request) => Response | Promise<Response> | undefined) {
  let settings = structuredClone(initial);
  const mock = mockFetch(async (request) => {
    const overridden = await override?.(request);
    if (overridden) return overridden;
    const path = pathOf(request);
    if (path === '/api/v1/messaging/settings' && request.method === 'GET') {
      return jsonResponse(settings, { headers: { ETag: `"${settings.version}"` } });
    }
    if (path === '/api/v1/messaging/settings' && request.method === 'PUT') {
      const body = (await request.json()) as UpdateMessagingSettingsBody;
      settings = {
        ...settings,
        email: {
          ...settings.email,
          ...body.email,
          security: body.email.security ?? 'STARTTLS',
          passwordSet: body.email.password === undefined ? settings.email.passwordSet : body.email.password !== '',
        },
        sms: { ...settings.sms, ...body.sms, tokenSet: body.sms.token === undefined ? settings.sms.tokenSet : body.sms.token !== '' },
        dailyEmailCap: body.dailyEmailCap,
        dailySmsCap: body.dailySmsCap,
        campaignRatePerMinute: body.campaignRatePerMinute,
        version: settings.version + 1,
      };
      return jsonResponse(settings, { headers: { ETag: `"${settings.version}"` } });
    }
    if (path === '/api/v1/messaging/settings/test' && request.method === 'POST') {
      const body = (await request.json()) as { channel: string; to: string };
      return jsonResponse({ channel: body.channel, to: body.to, providerId: 'abc' });
    }
    if (path === '/api/v1/messaging/settings/inbound-secret' && request.method === 'POST') {
      settings = { ...settings, inbound: { ...settings.inbound, emailSecretSet: true }, version: settings.version + 1 };
      return jsonResponse({ secret: 'whsec_inbound_9f8e7d6c5b4a', emailEventsUrl: settings.inbound.emailEventsUrl });
    }
    return problemResponse({ type: `${PROBLEMS}/not-found`, title: 'Not found', status: 404 });
  });
  const puts = () => mock.requests.filter((request) => request.method === 'PUT');
  return { ...mock, puts };
}

async function renderScreen() {
  const result = renderWithProviders(<MessagingSettingsScreen />);
  await screen.findByLabelText('SMTP server');
  return result;
}

describe('MessagingSettingsScreen', () => {
  it('shows the settings, with stored secrets said rather than shown', async () => {
    fakeSettingsApi();
    await renderScreen();
    expect(screen.getByRole('heading', { name: 'Messaging', level: 1 })).toBeInTheDocument();
    expect(screen.getByRole('switch', { name: 'Send e-mail from Harbor' })).toBeChecked();
    expect(screen.getByRole('switch', { name: 'Send SMS from Harbor' })).not.toBeChecked();
    expect(screen.getByLabelText('SMTP server')).toHaveValue('smtp.example.com');
    expect(screen.getByLabelText('Port')).toHaveValue(587);
    expect(screen.getByRole('radio', { name: 'STARTTLS' })).toBeChecked();
    expect(screen.getByText('A password is stored.')).toBeInTheDocument();
    expect(screen.getByText('A token is stored.')).toBeInTheDocument();
    expect(screen.queryByLabelText('Password', { selector: 'input' })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Change password' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Remove password' })).toHaveClass('danger');
    expect(screen.getByLabelText('E-mails per day')).toHaveValue(2000);
    expect(screen.queryByText(/HARBOR_MESSAGING_ENCRYPTION_KEY/)).not.toBeInTheDocument();
  });

  it('saves with If-Match and leaves the stored password and token out when they were not changed', async () => {
    const { puts } = fakeSettingsApi();
    const { user } = await renderScreen();
    await user.clear(screen.getByLabelText('From name'));
    await user.type(screen.getByLabelText('From name'), 'Harbor Sales');
    await user.click(screen.getByRole('radio', { name: 'TLS (SSL)' }));
    await user.clear(screen.getByLabelText('Port'));
    await user.type(screen.getByLabelText('Port'), '465');
    await user.click(screen.getByRole('button', { name: 'Save settings' }));

    expect(await findToast('Messaging settings saved.')).toHaveClass('toast-success');
    const put = puts()[0];
    expect(put?.headers.get('If-Match')).toBe('"7"');
    const body = (await put?.json()) as UpdateMessagingSettingsBody;
    expect(body).toEqual({
      email: {
        enabled: true,
        host: 'smtp.example.com',
        port: 465,
        security: 'TLS',
        username: 'sales@example.com',
        fromAddress: 'sales@example.com',
        fromName: 'Harbor Sales',
        replyTo: null,
      },
      sms: { enabled: false, baseUrl: 'https://api.twilio.com', accountId: 'AC123', fromNumber: '+8613800000000' },
      dailyEmailCap: 2000,
      dailySmsCap: 200,
      campaignRatePerMinute: 60,
    });
    expect(body.email).not.toHaveProperty('password');
    expect(body.sms).not.toHaveProperty('token');

    // the next save carries the new version
    await user.click(screen.getByRole('button', { name: 'Save settings' }));
    await waitFor(() => expect(puts()).toHaveLength(2));
    expect(puts()[1]?.headers.get('If-Match')).toBe('"8"');
  });

  it('sends a new password only once one is typed, and "" to remove the token', async () => {
    const { puts } = fakeSettingsApi();
    const { user } = await renderScreen();
    await user.click(screen.getByRole('button', { name: 'Change password' }));
    const password = screen.getByLabelText('Password', { selector: 'input' });
    expect(password).toHaveFocus();
    expect(password).toHaveAttribute('type', 'password');
    await user.type(password, 'n3w-s3cret');
    await user.click(screen.getByRole('button', { name: 'Remove token' }));
    expect(screen.getByText('The stored token will be removed when you save.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Save settings' }));

    expect(await findToast('Messaging settings saved.')).toHaveClass('toast-success');
    const body = (await puts()[0]?.json()) as UpdateMessagingSettingsBody;
    expect(body.email.password).toBe('n3w-s3cret');
    expect(body.sms.token).toBe('');
    // after the save: stored again, the typed value gone from the page
    expect(await screen.findByText('A password is stored.')).toBeInTheDocument();
    // none stored now: a field to type one in
    expect(screen.getByLabelText('Token', { selector: 'input' })).toHaveValue('');
    expect(screen.getByLabelText('Token', { selector: 'input' })).toHaveAccessibleDescription(/^No token is stored\./);
    expect(screen.queryByDisplayValue('n3w-s3cret')).not.toBeInTheDocument();
  });

  it('keeps the stored password when "Change" is undone or left empty', async () => {
    const { puts } = fakeSettingsApi();
    const { user } = await renderScreen();
    await user.click(screen.getByRole('button', { name: 'Change password' }));
    await user.click(screen.getByRole('button', { name: 'Keep the stored password' }));
    expect(screen.getByText('A password is stored.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Change token' }));
    await user.click(screen.getByRole('button', { name: 'Save settings' }));
    await findToast('Messaging settings saved.');
    const body = (await puts()[0]?.json()) as UpdateMessagingSettingsBody;
    expect(body.email).not.toHaveProperty('password');
    expect(body.sms).not.toHaveProperty('token');
  });

  it('shows every refusal of the server next to its field at once', async () => {
    fakeSettingsApi(stored, (request) =>
      request.method === 'PUT'
        ? problemResponse({
            type: `${PROBLEMS}/validation`,
            title: 'Invalid',
            status: 400,
            errors: [
              { field: 'email.host', message: 'must not be blank', code: 'REQUIRED' },
              { field: 'email.security', message: 'must be one of', code: 'ONE_OF' },
              { field: 'sms.token', message: 'must not be blank', code: 'REQUIRED' },
              { field: 'sms.baseUrl', message: 'must be an https:// URL', code: 'FORMAT' },
              { field: 'campaignRatePerMinute', message: 'must be at least 1', code: 'RANGE', min: 1, max: 100000 },
            ],
          })
        : undefined,
    );
    const { user } = await renderScreen();
    await user.click(screen.getByRole('button', { name: 'Save settings' }));

    const host = await screen.findByLabelText('SMTP server');
    await waitFor(() => expect(host).toHaveAttribute('aria-invalid', 'true'));
    expect(host).toHaveAccessibleDescription('Required.');
    expect(host).toHaveFocus();
    expect(screen.getByText('Choose STARTTLS or TLS: this server doesn’t allow unencrypted connections.')).toBeInTheDocument();
    expect(screen.getByLabelText('Provider address')).toHaveAccessibleDescription('Enter an https:// address.');
    expect(screen.getByLabelText('Campaign messages per minute')).toHaveAccessibleDescription(/Enter a number from 1 to 100000\./);
    const tokenGroup = screen.getByRole('group', { name: 'Token' });
    expect(tokenGroup.parentElement).toHaveTextContent('Required.');
    expect(screen.getByRole('alert')).toHaveTextContent('Some details need fixing');
    // the server's English is not shown
    expect(document.body).not.toHaveTextContent('must not be blank');
  });

  it('refuses a daily cap that is not a whole number without asking the server', async () => {
    const { puts } = fakeSettingsApi();
    const { user } = await renderScreen();
    await user.clear(screen.getByLabelText('SMS per day'));
    await user.click(screen.getByRole('button', { name: 'Save settings' }));
    expect(await screen.findByText('Enter a whole number.')).toBeInTheDocument();
    expect(screen.getByLabelText('SMS per day')).toHaveFocus();
    expect(puts()).toHaveLength(0);
  });

  it('says what an enabled channel still needs, and every other mistake, by its field before saving', async () => {
    const { puts } = fakeSettingsApi();
    const { user } = await renderScreen();
    await user.clear(screen.getByLabelText('SMTP server'));
    await user.clear(screen.getByLabelText('Port'));
    await user.type(screen.getByLabelText('Port'), '70000');
    await user.clear(screen.getByLabelText('From address'));
    await user.type(screen.getByLabelText('From address'), 'sales');
    await user.click(screen.getByRole('switch', { name: 'Send SMS from Harbor' }));
    await user.click(screen.getByRole('button', { name: 'Remove token' }));
    await user.clear(screen.getByLabelText('Account id'));
    await user.type(screen.getByLabelText('Account id'), 'AC 123');
    await user.clear(screen.getByLabelText('Campaign messages per minute'));
    await user.type(screen.getByLabelText('Campaign messages per minute'), '0');
    await user.click(screen.getByRole('button', { name: 'Save settings' }));

    const host = screen.getByLabelText('SMTP server');
    await waitFor(() => expect(host).toHaveAccessibleDescription('Required.'));
    expect(host).toHaveFocus();
    expect(screen.getByLabelText('Port')).toHaveAccessibleDescription(/Enter a number from 1 to 65535\./);
    expect(screen.getByLabelText('From address')).toHaveAccessibleDescription('Enter an e-mail address such as name@example.com.');
    expect(screen.getByLabelText('Account id')).toHaveAccessibleDescription('This is not in the expected form.');
    // Removed while SMS is on: the channel would have none.
    expect(screen.getByRole('group', { name: 'Token' }).parentElement).toHaveTextContent('Required.');
    expect(screen.getByLabelText('Campaign messages per minute')).toHaveAccessibleDescription(/Enter a number from 1 to 100000\./);
    expect(screen.getByLabelText('Provider address')).not.toHaveAttribute('aria-invalid');
    expect(puts()).toHaveLength(0);

    // Checked again as it is typed.
    await user.type(host, 'smtp.example.com');
    expect(host).not.toHaveAttribute('aria-invalid');
  });

  it('puts the server’s word on a typed token by the token’s input', async () => {
    fakeSettingsApi({ ...stored, sms: { ...stored.sms, tokenSet: false } }, (request) =>
      request.method === 'PUT'
        ? problemResponse({
            type: `${PROBLEMS}/validation`,
            title: 'Invalid',
            status: 400,
            errors: [{ field: 'sms.token', message: 'size must be between 0 and 200', code: 'LENGTH', min: 0, max: 200 }],
          })
        : undefined,
    );
    const { user } = await renderScreen();
    const token = screen.getByLabelText('Token', { selector: 'input' });
    await user.type(token, 'tok-123');
    await user.click(screen.getByRole('button', { name: 'Save settings' }));

    await waitFor(() => expect(token).toHaveAttribute('aria-invalid', 'true'));
    expect(token).toHaveAccessibleDescription(expect.stringContaining('At most 200 characters.'));
    expect(token).toHaveFocus();
    expect(screen.getByRole('alert')).toHaveTextContent('Some details need fixing');
  });

  it('says when someone else changed the settings meanwhile, and loads them', async () => {
    let refuse = true;
    fakeSettingsApi(stored, (request) => {
      if (request.method === 'PUT' && refuse) {
        refuse = false;
        return problemResponse({ type: `${PROBLEMS}/precondition-failed`, title: 'Stale', status: 412 });
      }
      return undefined;
    });
    const { user } = await renderScreen();
    await user.click(screen.getByRole('button', { name: 'Save settings' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Someone else changed these settings');
    await user.click(screen.getByRole('button', { name: 'Load the current settings' }));
    await waitFor(() => expect(screen.queryByRole('alert')).not.toBeInTheDocument());
  });

  it('warns when the server cannot store passwords', async () => {
    fakeSettingsApi({ ...stored, secretsStorable: false, email: { ...stored.email, passwordSet: false } });
    await renderScreen();
    expect(screen.getByRole('note')).toHaveTextContent(
      'Passwords and tokens can’t be saved yet: the server operator must set HARBOR_MESSAGING_ENCRYPTION_KEY first.',
    );
    expect(screen.getByLabelText('Password', { selector: 'input' })).toBeDisabled();
  });

  it('sends a test e-mail and says to check the inbox', async () => {
    const { requests } = fakeSettingsApi();
    const { user } = await renderScreen();
    const box = screen.getByRole('form', { name: 'Test e-mail' });
    await user.type(within(box).getByLabelText('Send to (e-mail address)'), 'me@example.com');
    await user.click(within(box).getByRole('button', { name: 'Send test e-mail' }));
    expect(await findToast('Sent — check the inbox.')).toHaveClass('toast-success');
    const test = requests.find((request) => pathOf(request) === '/api/v1/messaging/settings/test');
    expect(await test?.json()).toEqual({ channel: 'EMAIL', to: 'me@example.com' });
  });

  it('says in a sentence that the mail server refused the test, with its answer as details', async () => {
    fakeSettingsApi(stored, (request) =>
      pathOf(request) === '/api/v1/messaging/settings/test'
        ? problemResponse({
            type: `${PROBLEMS}/delivery-failed`,
            title: 'The mail server or SMS provider did not take the message',
            status: 502,
            detail: '535 5.7.8 Authentication credentials invalid',
          })
        : undefined,
    );
    const { user } = await renderScreen();
    const box = screen.getByRole('form', { name: 'Test e-mail' });
    await user.type(within(box).getByLabelText('Send to (e-mail address)'), 'me@example.com');
    await user.click(within(box).getByRole('button', { name: 'Send test e-mail' }));
    const alert = await within(box).findByRole('alert');
    expect(alert).toHaveTextContent('The mail server did not accept the test e-mail. Check the server, port, encryption, user name and password.');
    expect(within(alert).getByText('Details: 535 5.7.8 Authentication credentials invalid')).toHaveClass('muted', 'small');
    expect(queryToast(/^Sent/)).toBeNull();
    expect(document.body).not.toHaveTextContent('did not take the message');
  });

  it('says the SMS channel is off when a test finds it so', async () => {
    fakeSettingsApi(stored, (request) =>
      pathOf(request) === '/api/v1/messaging/settings/test'
        ? problemResponse({ type: `${PROBLEMS}/messaging-channel-off`, title: 'Off', status: 409 })
        : undefined,
    );
    const { user } = await renderScreen();
    const box = screen.getByRole('form', { name: 'Test SMS' });
    await user.type(within(box).getByLabelText('Send to (phone number)'), '+8613900000000');
    await user.click(within(box).getByRole('button', { name: 'Send test SMS' }));
    expect(await within(box).findByRole('alert')).toHaveTextContent('SMS is turned off or not complete.');
  });

  it('shows the inbound addresses and a new signing secret once', async () => {
    const { requests } = fakeSettingsApi();
    const { user } = await renderScreen();
    const inbound = screen.getByRole('region', { name: 'Delivery reports and replies' });
    expect(within(inbound).getByLabelText('E-mail events URL')).toHaveValue(stored.inbound.emailEventsUrl);
    expect(within(inbound).getByLabelText('SMS callback URL')).toHaveValue(stored.inbound.smsCallbackUrl);
    expect(within(inbound).getByRole('button', { name: 'Copy the e-mail events URL' })).toBeInTheDocument();
    expect(within(inbound).getByText(/There is no signing secret for e-mail events yet/)).toBeInTheDocument();

    await user.click(within(inbound).getByRole('button', { name: 'Create signing secret' }));
    const secret = await within(inbound).findByLabelText('Signing secret');
    expect(secret).toHaveValue('whsec_inbound_9f8e7d6c5b4a');
    expect(secret).toHaveFocus();
    expect(within(inbound).getByText(/it is shown only this once/)).toBeInTheDocument();
    expect(requests.some((request) => pathOf(request) === '/api/v1/messaging/settings/inbound-secret')).toBe(true);

    await user.click(within(inbound).getByRole('button', { name: 'Copy the signing secret' }));
    expect(await within(inbound).findByText('Copied.')).toBeInTheDocument();

    await user.click(within(inbound).getByRole('button', { name: 'Done' }));
    expect(within(inbound).queryByDisplayValue('whsec_inbound_9f8e7d6c5b4a')).not.toBeInTheDocument();
    // a secret exists now: replacing it asks first, in red
    await user.click(await within(inbound).findByRole('button', { name: 'Replace signing secret' }));
    const confirm = within(inbound).getByRole('alertdialog', { name: 'Replace the signing secret?' });
    expect(within(confirm).getByRole('button', { name: 'Replace signing secret' })).toHaveClass('button-danger');
  });

  it('speaks Chinese', async () => {
    setLocale('zh-CN');
    fakeSettingsApi();
    renderWithProviders(<MessagingSettingsScreen />);
    expect(await screen.findByLabelText('SMTP 服务器')).toHaveValue('smtp.example.com');
    expect(screen.getByRole('heading', { name: '消息设置', level: 1 })).toBeInTheDocument();
    expect(screen.getByText('已保存密码。')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '保存设置' })).toBeInTheDocument();
  });
});
