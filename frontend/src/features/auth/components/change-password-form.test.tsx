import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { setLocale } from '@/lib/i18n';
import { getSession, saveSession } from '@/lib/session';
import { jsonResponse, mockFetch, problemResponse } from '@/testing/fetch-mock';
import { renderWithProviders } from '@/testing/render';
import { findToast } from '@/testing/toasts';
import { ChangePasswordForm } from './change-password-form';

const PROBLEMS = 'https://harbor-crm.dev/problems';

function signedIn() {
  saveSession({ owner: 'jwt-old', expiresAt: '2099-01-01T00:00:00Z' });
}

async function fill(user: ReturnType<typeof renderWithProviders>['user'], current: string, next: string, again = next) {
  if (current) await user.type(screen.getByLabelText('Current password'), current);
  if (next) await user.type(screen.getByLabelText('New password'), next);
  if (again) await user.type(screen.getByLabelText('New password again'), again);
  await user.click(screen.getByRole('button', { name: 'Change password' }));
}

describe('ChangePasswordForm', () => {
  it('changes the password, keeps this session with the new token, and says every other one ended', async () => {
    signedIn();
    const { requests } = mockFetch(() => jsonResponse({ token: 'jwt-new', expiresAt: '2099-02-01T00:00:00Z' }));
    const { user } = renderWithProviders(<ChangePasswordForm />);

    await fill(user, 'old secret', 'new secret 42');

    expect(await findToast('Password changed. You were signed out everywhere else.')).toHaveClass('toast-success');
    const request = requests[0];
    expect(request?.method).toBe('POST');
    expect(new URL(request?.url ?? '').pathname).toBe('/api/v1/me/password');
    expect(request?.headers.get('X-Requested-By')).toBe('harbor-web');
    expect(await request?.json()).toEqual({ currentPassword: 'old secret', newPassword: 'new secret 42' });
    expect(getSession()).toEqual({ owner: 'jwt-old', expiresAt: '2099-02-01T00:00:00Z' });
    // Nothing of the passwords stays on the screen.
    expect(screen.getByLabelText('Current password')).toHaveValue('');
    expect(screen.getByLabelText('New password')).toHaveValue('');
  });

  it('checks the new password twice and its length before asking the server', async () => {
    signedIn();
    const { requests } = mockFetch(() => jsonResponse({ token: 'jwt-new', expiresAt: '2099-02-01T00:00:00Z' }));
    const { user } = renderWithProviders(<ChangePasswordForm />);

    await fill(user, 'old secret', 'new secret 42', 'new secret 43');
    const again = screen.getByLabelText('New password again');
    expect(again).toHaveAccessibleDescription('The two new passwords are not the same.');
    expect(again).toHaveFocus();

    await user.clear(screen.getByLabelText('New password'));
    await user.clear(again);
    await fill(user, '', 'short');
    expect(screen.getByLabelText('New password')).toHaveAccessibleDescription('8 to 72 characters. Use 8 to 72 characters.');
    expect(screen.getByLabelText('New password')).toHaveAttribute('aria-invalid', 'true');
    expect(again).not.toHaveAttribute('aria-invalid');

    await user.clear(screen.getByLabelText('New password'));
    await user.clear(again);
    await fill(user, '', 'x'.repeat(73));
    expect(screen.getByLabelText('New password')).toHaveAttribute('aria-invalid', 'true');
    expect(requests).toHaveLength(0);
    expect(getSession()?.expiresAt).toBe('2099-01-01T00:00:00Z');
  });

  it('says next to the field when the current password is wrong', async () => {
    signedIn();
    mockFetch(() =>
      problemResponse({
        type: `${PROBLEMS}/validation`,
        title: 'Validation failed',
        status: 400,
        errors: [{ field: 'currentPassword', message: 'is not your current password', code: 'INVALID' }],
      }),
    );
    const { user } = renderWithProviders(<ChangePasswordForm />);

    await fill(user, 'wrong', 'new secret 42');

    const current = screen.getByLabelText('Current password');
    await waitFor(() => expect(current).toHaveAttribute('aria-invalid', 'true'));
    expect(current).toHaveAccessibleDescription('That is not your current password.');
    expect(current).toHaveFocus();
    expect(screen.queryByText('is not your current password')).not.toBeInTheDocument();
    expect(getSession()?.expiresAt).toBe('2099-01-01T00:00:00Z');
  });

  it('asks for the current password before asking the server, and checks the second one again as the first changes', async () => {
    signedIn();
    const { requests } = mockFetch(() => jsonResponse({ token: 'jwt-new', expiresAt: '2099-02-01T00:00:00Z' }));
    const { user } = renderWithProviders(<ChangePasswordForm />);

    await fill(user, '', 'new secret 42', 'new secret 4');

    const current = screen.getByLabelText('Current password');
    expect(current).toHaveAccessibleDescription('Required.');
    await waitFor(() => expect(current).toHaveFocus());
    const again = screen.getByLabelText('New password again');
    expect(again).toHaveAccessibleDescription('The two new passwords are not the same.');
    expect(requests).toHaveLength(0);

    // The first one changed to match the second: the second is right now.
    await user.type(screen.getByLabelText('New password'), '{Backspace}');
    expect(again).not.toHaveAttribute('aria-invalid');
  });

  it('shows the server’s refusal of the new password next to it', async () => {
    signedIn();
    mockFetch(() =>
      problemResponse({
        type: `${PROBLEMS}/validation`,
        title: 'Validation failed',
        status: 400,
        errors: [{ field: 'newPassword', message: 'size must be between 8 and 72', code: 'LENGTH', min: 8, max: 72 }],
      }),
    );
    const { user } = renderWithProviders(<ChangePasswordForm />);

    await fill(user, 'old secret', 'new secret 42');

    const next = screen.getByLabelText('New password');
    await waitFor(() => expect(next).toHaveAttribute('aria-invalid', 'true'));
    expect(next).toHaveAccessibleDescription('8 to 72 characters. Use 8 to 72 characters.');
    await waitFor(() => expect(next).toHaveFocus());
    expect(screen.getByRole('alert')).toHaveTextContent('Some details need fixing');
    expect(screen.queryByText(/size must/)).not.toBeInTheDocument();
  });

  it('says when to try again after too many wrong passwords', async () => {
    signedIn();
    mockFetch(() =>
      problemResponse({ type: `${PROBLEMS}/too-many-attempts`, title: 'Too many attempts', status: 429 }, { 'Retry-After': '300' }),
    );
    const { user } = renderWithProviders(<ChangePasswordForm />);

    await fill(user, 'wrong', 'new secret 42');

    expect(await screen.findByRole('alert')).toHaveTextContent('Too many attempts, try again in 5 minutes.');
  });

  it('speaks Chinese', async () => {
    setLocale('zh-CN');
    signedIn();
    mockFetch(() => jsonResponse({ token: 'jwt-new', expiresAt: '2099-02-01T00:00:00Z' }));
    const { user } = renderWithProviders(<ChangePasswordForm />);
    expect(screen.getByRole('heading', { name: '修改密码' })).toBeInTheDocument();
    await user.type(screen.getByLabelText('当前密码'), 'old secret');
    await user.type(screen.getByLabelText('新密码'), 'new secret 42');
    await user.type(screen.getByLabelText('再次输入新密码'), 'new secret 4');
    await user.click(screen.getByRole('button', { name: '修改密码' }));
    expect(screen.getByLabelText('再次输入新密码')).toHaveAccessibleDescription('两次输入的新密码不一致。');
    expect(document.body.textContent?.match(/[A-Za-z]{2,}/g)).toBeNull();
  });
});
