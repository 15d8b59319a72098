import { screen, waitFor, within } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { describe, expect, it } from 'vitest';
import { setLocale } from '@/lib/i18n';
import { jsonResponse, mockFetch, problemResponse } from '@/testing/fetch-mock';
import { renderWithProviders } from '@/testing/render';
import { findToast, queryToast } from '@/testing/toasts';
import type { NotificationSettings } from '../api/get-notification-settings';
import { NotificationSettingsScreen, type NotificationSettingsScreenProps } from './notification-settings-screen';

const SLOW = { timeout: 20_000 };

const settings: NotificationSettings = { digestEnabled: true, digestTime: '08:00', language: null, emailReady: true };

/** GET answers the settings as they are; PUT changes what it is given, or answers `put` when given. */
function notificationsApi(initial: NotificationSettings = settings, put?: () => Response) {
  let current = { ...initial };
  return mockFetch(async (request) => {
    if (request.method === 'PUT') {
      if (put) return put();
      current = { ...current, ...((await request.json()) as Partial<NotificationSettings>) };
    }
    return jsonResponse(current);
  });
}

function renderScreen(props: Partial<NotificationSettingsScreenProps> = {}) {
  const router = createMemoryRouter(
    [
      {
        path: '/settings/notifications',
        element: <NotificationSettingsScreen timeZone="Asia/Shanghai" storeLanguage="en" canSetUpEmail={false} {...props} />,
      },
    ],
    { initialEntries: ['/settings/notifications'] },
  );
  return renderWithProviders(<RouterProvider router={router} />);
}

describe('Notification settings', () => {
  it('shows the digest settings and saves the changes with PUT', SLOW, async () => {
    const { requests } = notificationsApi();
    const { user } = renderScreen();

    const digest = await screen.findByRole('switch', { name: 'Send me the daily digest' });
    expect(digest).toBeChecked();
    const time = screen.getByLabelText('Time of day');
    expect(time).toHaveValue('08:00');
    expect(time).toHaveAccessibleDescription('In the store’s time zone (Asia/Shanghai).');
    const language = screen.getByRole('combobox', { name: 'Language of the digest' });
    expect(language).toHaveValue('');
    expect(within(language).getAllByRole('option').map((option) => option.textContent)).toEqual([
      'The store’s language (English)',
      'English',
      '简体中文',
    ]);
    // The store can send e-mail: no warning.
    expect(screen.queryByText(/No digest can go out/)).not.toBeInTheDocument();

    await user.click(digest);
    await user.clear(time);
    await user.type(time, '07:30');
    await user.selectOptions(language, '简体中文');
    await user.click(screen.getByRole('button', { name: 'Save' }));

    expect(await findToast('Saved.')).toHaveClass('toast-success');
    const put = requests.find((request) => request.method === 'PUT');
    expect(new URL(put!.url).pathname).toBe('/api/v1/me/notification-settings');
    expect(await put!.json()).toEqual({ digestEnabled: false, digestTime: '07:30', language: 'zh-CN' });
  });

  it('goes back to the store’s language', SLOW, async () => {
    const { requests } = notificationsApi({ ...settings, language: 'zh-CN' });
    const { user } = renderScreen();

    const language = await screen.findByRole('combobox', { name: 'Language of the digest' });
    expect(language).toHaveValue('zh-CN');
    await user.selectOptions(language, 'The store’s language (English)');
    await user.click(screen.getByRole('button', { name: 'Save' }));

    expect(await findToast('Saved.')).toHaveClass('toast-success');
    expect(await requests.find((request) => request.method === 'PUT')!.json()).toEqual({
      digestEnabled: true,
      digestTime: '08:00',
      language: null,
    });
  });

  it('says no digest can go out while the store has no e-mail, and shows administrators where to set it up', async () => {
    notificationsApi({ ...settings, emailReady: false });
    renderScreen({ canSetUpEmail: true });

    expect(await screen.findByText('No digest can go out until an administrator sets up e-mail for the store.')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Set up e-mail' })).toHaveAttribute('href', '/settings/messaging');
  });

  it('tells others who can set up e-mail, without a link they could not use', async () => {
    notificationsApi({ ...settings, emailReady: false });
    renderScreen();
    expect(await screen.findByText(/until an administrator sets up e-mail/)).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Set up e-mail' })).not.toBeInTheDocument();
  });

  it('says what is wrong with a field in words, never the server’s', SLOW, async () => {
    notificationsApi(settings, () =>
      problemResponse({
        type: 'https://harbor-crm.dev/problems/validation',
        title: 'Bad Request',
        status: 400,
        errors: [{ field: 'digestTime', code: 'FORMAT', message: 'must match "^([01][0-9]|2[0-3]):[0-5][0-9]$"' }],
      }),
    );
    const { user } = renderScreen();

    await user.click(await screen.findByRole('button', { name: 'Save' }));

    const time = screen.getByLabelText('Time of day');
    expect(await screen.findByText('Enter a time such as 08:00.')).toBeInTheDocument();
    expect(time).toHaveAttribute('aria-invalid', 'true');
    expect(time).toHaveFocus();
    expect(screen.getByRole('alert')).toHaveTextContent('Some details need fixing');
    expect(document.body).not.toHaveTextContent('must match');
    expect(queryToast('Saved.')).toBeNull();
  });

  it('shows a refused language next to its choice, and the time again as typed', SLOW, async () => {
    notificationsApi(settings, () =>
      problemResponse({
        type: 'https://harbor-crm.dev/problems/validation',
        title: 'Bad Request',
        status: 400,
        errors: [{ field: 'language', code: 'ONE_OF', message: 'must be one of [en, zh-CN]' }],
      }),
    );
    const { user } = renderScreen();

    const language = await screen.findByRole('combobox', { name: 'Language of the digest' });
    await user.selectOptions(language, 'English');
    await user.click(screen.getByRole('button', { name: 'Save' }));

    await waitFor(() => expect(language).toHaveAttribute('aria-invalid', 'true'));
    expect(language).toHaveAccessibleDescription('Choose one of the values offered.');
    await waitFor(() => expect(language).toHaveFocus());
    expect(screen.getByLabelText('Time of day')).not.toHaveAttribute('aria-invalid');
    expect(document.body).not.toHaveTextContent('must be one of');
  });

  it('does not send a time that is not one', SLOW, async () => {
    const { requests } = notificationsApi();
    const { user } = renderScreen();

    const time = await screen.findByLabelText('Time of day');
    await user.clear(time);
    await user.click(screen.getByRole('button', { name: 'Save' }));

    expect(await screen.findByText('Enter a time such as 08:00.')).toBeInTheDocument();
    expect(time).toHaveAccessibleDescription('In the store’s time zone (Asia/Shanghai). Enter a time such as 08:00.');
    await waitFor(() => expect(time).toHaveFocus());
    expect(requests.filter((request) => request.method === 'PUT')).toEqual([]);
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('speaks Chinese when chosen', async () => {
    setLocale('zh-CN');
    notificationsApi({ ...settings, emailReady: false });
    renderScreen({ storeLanguage: 'zh-CN' });

    expect(await screen.findByRole('switch', { name: '每天给我发送日程摘要' })).toBeChecked();
    expect(screen.getByRole('heading', { name: '通知', level: 1 })).toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: '摘要语言' })).toHaveDisplayValue('店铺语言（简体中文）');
    expect(screen.getByText('管理员为店铺设置好邮件之前，无法发送摘要。')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '保存' })).toBeInTheDocument();
    // Only the language names, each in itself, and the time zone remain in Latin letters.
    const text = (document.body.textContent ?? '').replace(/English|Asia\/Shanghai/g, '');
    expect(text).not.toMatch(/[A-Za-z]{3,}/);
  });
});
