import { act, screen } from '@testing-library/react';
import { lazy } from 'react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { setLocale } from '@/lib/i18n';
import { renderWithProviders } from '@/testing/render';
import { RouteError } from './route-error';

function Broken(): never {
  throw new Error('Cannot read properties of undefined (reading "name")');
}

// As a browser says it when a screen's script is gone from the server after a deploy.
const Gone = lazy(() =>
  Promise.reject(new TypeError('Failed to fetch dynamically imported module: http://localhost/assets/stats-1a2b3c.js')),
);

function renderAt(path: string) {
  const router = createMemoryRouter(
    [
      { path: '/broken', element: <Broken />, errorElement: <RouteError /> },
      { path: '/gone', element: <Gone />, errorElement: <RouteError /> },
      { path: '/agenda', element: <p>agenda</p> },
    ],
    { initialEntries: [path] },
  );
  return { ...renderWithProviders(<RouterProvider router={router} />), router };
}

describe('A screen that fails', () => {
  afterEach(() => vi.restoreAllMocks());

  it('says so in words, never the error itself, and offers a reload and the way to the start page', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const { user, router } = renderAt('/broken');
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('This screen could not be shown.');
    expect(alert).not.toHaveTextContent('Cannot read properties');
    expect(screen.getByRole('button', { name: 'Reload' })).toBeInTheDocument();
    await user.click(screen.getByRole('link', { name: 'Go to the start page' }));
    expect(router.state.location.pathname).toBe('/agenda');
  });

  it('asks for a reload when the screen belongs to a newer version, in Chinese too', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    renderAt('/gone');
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Harbor CRM was updated');
    expect(alert).not.toHaveTextContent('dynamically imported');
    act(() => setLocale('zh-CN'));
    expect(screen.getByRole('alert')).toHaveTextContent('Harbor CRM 已更新');
    expect(screen.getByRole('button', { name: '刷新' })).toBeInTheDocument();
  });
});
