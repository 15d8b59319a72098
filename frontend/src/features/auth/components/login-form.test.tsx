import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { getSession } from '@/lib/session';
import { deferred } from '@/testing/deferred';
import { jsonResponse, mockFetch, problemResponse } from '@/testing/fetch-mock';
import { renderWithProviders } from '@/testing/render';
import { LoginForm } from './login-form';

const PROBLEMS = 'https://harbor-crm.dev/problems';
const expiresAt = '2099-01-01T00:00:00Z';
const loginAnswer = {
  token: 'jwt-login',
  expiresAt,
  user: { id: 'u1', name: 'Li Na', email: 'li@example.com', role: 'REP', active: true },
};

async function fillAndSubmit(user: ReturnType<typeof renderWithProviders>['user']) {
  await user.type(screen.getByLabelText('Email'), 'li@example.com');
  await user.type(screen.getByLabelText('Password'), 'correct horse');
  await user.click(screen.getByRole('button', { name: 'Log in' }));
}

describe('LoginForm', () => {
  it('logs in, shows the pending state, and stores the session', async () => {
    const answer = deferred<Response>();
    const { requests } = mockFetch(() => answer.promise);
    const { user } = renderWithProviders(<LoginForm />);

    await fillAndSubmit(user);

    expect(await screen.findByRole('button', { name: 'Logging in…' })).toBeDisabled();
    expect(requests[0]?.method).toBe('POST');
    expect(new URL(requests[0]?.url ?? '').pathname).toBe('/api/v1/auth/login');
    expect(await requests[0]?.json()).toEqual({ email: 'li@example.com', password: 'correct horse' });

    answer.resolve(jsonResponse(loginAnswer));

    expect(await screen.findByRole('button', { name: 'Log in' })).toBeEnabled();
    expect(getSession()).toEqual({ owner: 'u1', expiresAt });
  });

  it('shows field errors next to their fields', async () => {
    mockFetch(() =>
      problemResponse({
        type: `${PROBLEMS}/validation`,
        title: 'Validation failed',
        status: 400,
        errors: [{ field: 'email', message: 'must be a well-formed email address', code: 'EMAIL' }],
      }),
    );
    const { user } = renderWithProviders(<LoginForm />);

    await fillAndSubmit(user);

    const email = screen.getByLabelText('Email');
    expect(await screen.findByText('Enter an e-mail address such as name@example.com.')).toBeInTheDocument();
    expect(email).toHaveAttribute('aria-invalid', 'true');
    expect(email).toHaveAccessibleDescription('Enter an e-mail address such as name@example.com.');
    expect(email).toHaveFocus();
    expect(screen.getByLabelText('Password')).not.toHaveAttribute('aria-invalid');
    expect(screen.getByRole('alert')).toHaveTextContent('Some details need fixing');
    expect(getSession()).toBeNull();
  });

  it('checks every field before asking the server, and says all that is wrong at once', async () => {
    const { requests } = mockFetch(() => jsonResponse(loginAnswer));
    const { user } = renderWithProviders(<LoginForm />);

    await user.type(screen.getByLabelText('Email'), 'li.example.com');
    await user.click(screen.getByRole('button', { name: 'Log in' }));

    const email = screen.getByLabelText('Email');
    expect(email).toHaveAccessibleDescription('Enter an e-mail address such as name@example.com.');
    expect(screen.getByLabelText('Password')).toHaveAccessibleDescription('Required.');
    await expect.poll(() => document.activeElement).toBe(email);
    expect(requests).toHaveLength(0);
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();

    // Fixed, it goes.
    await user.clear(email);
    await user.type(email, 'li@example.com');
    expect(email).not.toHaveAttribute('aria-invalid');
    await user.type(screen.getByLabelText('Password'), 'correct horse');
    await user.click(screen.getByRole('button', { name: 'Log in' }));
    await expect.poll(() => requests.length).toBe(1);
  });

  it('says the credentials are wrong without blaming a field', async () => {
    mockFetch(() =>
      problemResponse({ type: `${PROBLEMS}/invalid-credentials`, title: 'Invalid credentials', status: 401 }),
    );
    const { user } = renderWithProviders(<LoginForm />);

    await fillAndSubmit(user);

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The email or password is not right.');
    expect(alert).toHaveFocus();
  });

  it('tells how long to wait after too many attempts', async () => {
    mockFetch(() =>
      problemResponse(
        { type: `${PROBLEMS}/too-many-attempts`, title: 'Too many attempts', status: 429 },
        { 'Retry-After': '600' },
      ),
    );
    const { user } = renderWithProviders(<LoginForm />);

    await fillAndSubmit(user);

    expect(await screen.findByRole('alert')).toHaveTextContent('Too many attempts, try again in 10 minutes.');
  });

  it('explains a network failure', async () => {
    mockFetch(() => Promise.reject(new TypeError('Failed to fetch')));
    const { user } = renderWithProviders(<LoginForm />);

    await fillAndSubmit(user);

    expect(await screen.findByRole('alert')).toHaveTextContent('Cannot reach Harbor CRM.');
  });

  it('can be filled and submitted with the keyboard alone', async () => {
    mockFetch(() => jsonResponse(loginAnswer));
    const { user } = renderWithProviders(<LoginForm />);

    await user.tab();
    expect(screen.getByLabelText('Email')).toHaveFocus();
    await user.keyboard('li@example.com');
    await user.tab();
    await user.keyboard('correct horse{Enter}');

    await screen.findByRole('button', { name: 'Log in' });
    await expect.poll(() => getSession()?.owner).toBe('u1');
  });
});
