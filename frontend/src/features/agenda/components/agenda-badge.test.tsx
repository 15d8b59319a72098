import { screen } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { describe, expect, it } from 'vitest';
import { setLocale } from '@/lib/i18n';
import { jsonResponse, mockFetch } from '@/testing/fetch-mock';
import { renderWithProviders } from '@/testing/render';
import { AgendaBadge } from './agenda-badge';

function renderBadge() {
  const router = createMemoryRouter(
    [
      { path: '/customers', element: <AgendaBadge /> },
      { path: '/agenda', element: <h1>Agenda page</h1> },
    ],
    { initialEntries: ['/customers'] },
  );
  return { ...renderWithProviders(<RouterProvider router={router} />), router };
}

describe('Agenda badge', () => {
  it('shows what needs doing now (overdue and today) and opens the agenda', async () => {
    const { requests } = mockFetch(() => jsonResponse({ overdue: 2, today: 1, upcoming: 5, returning: 4, repeatInquiries: 1 }));
    const { user, router } = renderBadge();

    const link = await screen.findByRole('link', { name: 'Agenda: 3 items overdue or due today' });
    expect(link).toHaveAttribute('href', '/agenda');
    // Named by its content, which starts with the visible word: an aria-label over visible "Agenda 3" is what axe
    // reports in Chromium as label-content-name-mismatch.
    expect(link).not.toHaveAttribute('aria-label');
    expect(screen.getByText('3')).toHaveClass('badge-urgent');
    expect(new URL(requests[0]!.url).pathname).toBe('/api/v1/agenda/counts');

    await user.click(link);
    expect(router.state.location.pathname).toBe('/agenda');
  });

  it('is calm when nothing is overdue, and says one item in the singular', async () => {
    mockFetch(() => jsonResponse({ overdue: 0, today: 1, upcoming: 0, returning: 3, repeatInquiries: 0 }));
    renderBadge();
    await screen.findByRole('link', { name: 'Agenda: 1 item overdue or due today' });
    expect(screen.getByText('1')).not.toHaveClass('badge-urgent');
  });

  it('speaks Chinese when chosen', async () => {
    setLocale('zh-CN');
    mockFetch(() => jsonResponse({ overdue: 1, today: 4, upcoming: 0, returning: 0, repeatInquiries: 0 }));
    renderBadge();
    expect(await screen.findByRole('link', { name: '日程：5 项逾期或今天到期' })).toHaveAttribute('href', '/agenda');
  });
});
