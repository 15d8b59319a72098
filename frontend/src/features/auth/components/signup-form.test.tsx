import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { setLocale } from '@/lib/i18n';
import { getSession } from '@/lib/session';
import { deferred } from '@/testing/deferred';
import { jsonResponse, mockFetch, problemResponse } from '@/testing/fetch-mock';
import { renderWithProviders } from '@/testing/render';
import { meQueryKey } from '../api/get-me';
import { SignupForm } from './signup-form';

const PROBLEMS = 'https://harbor-crm.dev/problems';
const user_ = { id: 'u1', name: 'Wang Wei', email: 'wang@example.com', role: 'ADMIN', active: true };
const store = { id: 's1', name: 'Ningbo Pumps', timeZone: 'Asia/Shanghai' };
const signupAnswer = { token: 'jwt-signup', expiresAt: '2099-01-01T00:00:00Z', user: user_, store };

async function fillAndSubmit(user: ReturnType<typeof renderWithProviders>['user'], password = 'long enough') {
  await user.type(screen.getByLabelText('Store name'), 'Ningbo Pumps');
  await user.type(screen.getByLabelText('Your name'), 'Wang Wei');
  await user.type(screen.getByLabelText('Email'), 'wang@example.com');
  await user.type(screen.getByLabelText('Password'), password);
  await user.click(screen.getByRole('button', { name: 'Open my store' }));
}

describe('SignupForm', () => {
  it('opens the store, shows the pending state, stores the session and who we are', async () => {
    const answer = deferred<Response>();
    const { requests } = mockFetch(() => answer.promise);
    const { user, queryClient } = renderWithProviders(<SignupForm />);

    await fillAndSubmit(user);

    expect(await screen.findByRole('button', { name: 'Opening your store…' })).toBeDisabled();
    expect(new URL(requests[0]?.url ?? '').pathname).toBe('/api/v1/auth/signup');
    expect(await requests[0]?.json()).toEqual({
      storeName: 'Ningbo Pumps',
      name: 'Wang Wei',
      email: 'wang@example.com',
      password: 'long enough',
      timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
      language: 'en',
    });

    answer.resolve(jsonResponse(signupAnswer, { status: 201 }));

    expect(await screen.findByRole('button', { name: 'Open my store' })).toBeEnabled();
    expect(getSession()?.owner).toBe('u1');
    expect(queryClient.getQueryData(meQueryKey)).toEqual({ user: user_, store });
  });

  it('opens a store read in Chinese as a Chinese store, so its default lost reasons are named in Chinese', async () => {
    setLocale('zh-CN');
    const { requests } = mockFetch(() => jsonResponse({ ...signupAnswer, store: { ...store, language: 'zh-CN' } }, { status: 201 }));
    const { user } = renderWithProviders(<SignupForm />);

    await user.type(screen.getByLabelText('店铺名称'), '宁波泵业');
    await user.type(screen.getByLabelText('您的姓名'), '王伟');
    await user.type(screen.getByLabelText('邮箱'), 'wang@example.com');
    await user.type(screen.getByLabelText('密码'), 'long enough');
    await user.click(screen.getByRole('button', { name: '开通店铺' }));

    await expect.poll(() => requests.length).toBe(1);
    expect(await requests[0]?.json()).toMatchObject({ storeName: '宁波泵业', language: 'zh-CN' });
  });

  it('shows each field error next to its field, beside the hint', async () => {
    mockFetch(() =>
      problemResponse({
        type: `${PROBLEMS}/validation`,
        title: 'Validation failed',
        status: 400,
        errors: [
          { field: 'password', message: 'size must be between 8 and 72', code: 'LENGTH', min: 8, max: 72 },
          { field: 'storeName', message: 'must not be blank', code: 'REQUIRED' },
          { field: 'timeZone', message: 'is not a known time zone', code: 'INVALID' },
        ],
      }),
    );
    const { user } = renderWithProviders(<SignupForm />);

    // What passes the form's own checks, and the server still refuses.
    await fillAndSubmit(user);

    const password = await screen.findByLabelText('Password');
    await screen.findByText('Use 8 to 72 characters.');
    expect(password).toHaveAccessibleDescription('At least 8 characters. Use 8 to 72 characters.');
    expect(password).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByLabelText('Store name')).toHaveAccessibleDescription('Required.');
    expect(screen.getByLabelText('Store name')).toHaveFocus();
    expect(screen.getByLabelText('Email')).not.toHaveAttribute('aria-invalid');
    // An error about a field the form does not show still reaches the user.
    expect(screen.getByRole('alert')).toHaveTextContent('timeZone: This value is not accepted.');
    expect(getSession()).toBeNull();
  });

  it('checks every field before asking the server, and says all that is wrong at once', async () => {
    const { requests } = mockFetch(() => jsonResponse(signupAnswer, { status: 201 }));
    const { user } = renderWithProviders(<SignupForm />);

    await user.type(screen.getByLabelText('Your name'), '   ');
    await user.type(screen.getByLabelText('Email'), 'wang@');
    await user.type(screen.getByLabelText('Password'), 'short');
    await user.click(screen.getByRole('button', { name: 'Open my store' }));

    const storeName = screen.getByLabelText('Store name');
    expect(storeName).toHaveAccessibleDescription('Required.');
    expect(screen.getByLabelText('Your name')).toHaveAccessibleDescription('Required.');
    expect(screen.getByLabelText('Email')).toHaveAccessibleDescription('Enter an e-mail address such as name@example.com.');
    expect(screen.getByLabelText('Password')).toHaveAccessibleDescription('At least 8 characters. Use 8 to 72 characters.');
    await expect.poll(() => document.activeElement).toBe(storeName);
    expect(requests).toHaveLength(0);
  });

  it('says what is wrong in Chinese, in the words the server uses', async () => {
    setLocale('zh-CN');
    mockFetch(() => jsonResponse(signupAnswer, { status: 201 }));
    const { user } = renderWithProviders(<SignupForm />);

    await user.type(screen.getByLabelText('密码'), 'x'.repeat(73));
    await user.click(screen.getByRole('button', { name: '开通店铺' }));

    expect(screen.getByLabelText('店铺名称')).toHaveAccessibleDescription('必填。');
    expect(screen.getByLabelText('密码')).toHaveAccessibleDescription(/请输入 8 到 72 个字符。$/);
  });

  it('says next to the email field when the email is taken', async () => {
    mockFetch(() => problemResponse({ type: `${PROBLEMS}/email-taken`, title: 'Email taken', status: 409 }));
    const { user } = renderWithProviders(<SignupForm />);

    await fillAndSubmit(user);

    const email = screen.getByLabelText('Email');
    await expect.poll(() => email.getAttribute('aria-invalid')).toBe('true');
    expect(email).toHaveAccessibleDescription(
      'An account with this email already exists. Log in instead, or use another email.',
    );
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('gives a reference for support when the server fails', async () => {
    mockFetch(() =>
      problemResponse({ type: `${PROBLEMS}/internal`, title: 'Internal error', status: 500, errorId: 'err-42' }),
    );
    const { user } = renderWithProviders(<SignupForm />);

    await fillAndSubmit(user);

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Something went wrong on our side.');
    expect(alert).toHaveTextContent('Reference for support: err-42');
  });
});
