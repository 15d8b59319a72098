import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import type { ReactElement } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { setLocale } from '@/lib/i18n';
import { findToast, queryToast, toastRegion } from '@/testing/toasts';
import { ToastProvider, toastDuration, useNotify, type ToastOptions } from './toast';

function Trigger({ toast, label = 'Do it' }: { toast: ToastOptions; label?: string }) {
  const notify = useNotify();
  return (
    <button type="button" onClick={() => notify(toast)}>
      {label}
    </button>
  );
}

function renderToasts(ui: ReactElement) {
  const user = userEvent.setup();
  return { user, ...render(<ToastProvider>{ui}</ToastProvider>) };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('toasts', () => {
  it('shows the message in a region named with its hotkey, and announces it politely', async () => {
    const { user } = renderToasts(<Trigger toast={{ message: 'Saved “VIP”.', tone: 'success' }} />);
    expect(toastRegion()).toHaveAccessibleName('Notifications (F8)');
    expect(queryToast('Saved “VIP”.')).toBeNull();

    await user.click(screen.getByRole('button', { name: 'Do it' }));

    const toast = await findToast('Saved “VIP”.');
    expect(toast).toHaveClass('toast-success');
    // The tone is said in words too, not only by colour and icon.
    expect(toast).toHaveTextContent('Success: Saved “VIP”.');
    // Radix says it once, in a live region of its own: polite for success.
    const announcement = await screen.findByText(/Notification\s+Success: Saved “VIP”\./);
    expect(announcement).toHaveAttribute('role', 'status');
    expect(announcement).toHaveAttribute('aria-live', 'polite');
  });

  it('announces an error assertively', async () => {
    const { user } = renderToasts(<Trigger toast={{ message: 'Could not revoke “CI”.', tone: 'error' }} />);
    await user.click(screen.getByRole('button', { name: 'Do it' }));

    expect(await findToast('Could not revoke “CI”.')).toHaveClass('toast-error');
    const announcement = await screen.findByText(/Notification\s+Error: Could not revoke “CI”\./);
    expect(announcement).toHaveAttribute('aria-live', 'assertive');
  });

  it('is dismissed by its close button, whose name is translated', async () => {
    const { user } = renderToasts(<Trigger toast={{ message: 'Key revoked.', tone: 'success' }} />);
    await user.click(screen.getByRole('button', { name: 'Do it' }));
    const toast = await findToast('Key revoked.');

    await user.click(within(toast).getByRole('button', { name: 'Dismiss notification' }));

    await waitFor(() => expect(queryToast('Key revoked.')).toBeNull());
  });

  it('speaks Chinese when the reader does', async () => {
    setLocale('zh-CN');
    const { user } = renderToasts(<Trigger toast={{ message: '已保存。', tone: 'success' }} />);
    expect(toastRegion()).toHaveAccessibleName('通知（F8）');
    await user.click(screen.getByRole('button', { name: 'Do it' }));

    const toast = await findToast('已保存。');
    expect(toast).toHaveTextContent('成功：');
    expect(within(toast).getByRole('button', { name: '关闭通知' })).toBeInTheDocument();
  });

  it('closes a success after its time, and waits while hovered', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    renderToasts(<Trigger toast={{ message: 'Claimed 3 customers.', tone: 'success' }} />);
    fireEvent.click(screen.getByRole('button', { name: 'Do it' }));
    const toast = await findToast('Claimed 3 customers.');

    // Hovered: it stays past its time.
    fireEvent.pointerMove(toast);
    act(() => vi.advanceTimersByTime(12_000));
    expect(queryToast('Claimed 3 customers.')).not.toBeNull();

    // Left: it goes once its (remaining) time is over, and not before 5 s.
    fireEvent.pointerLeave(toastRegion());
    act(() => vi.advanceTimersByTime(4_900));
    expect(queryToast('Claimed 3 customers.')).not.toBeNull();
    act(() => vi.advanceTimersByTime(5_200));
    expect(queryToast('Claimed 3 customers.')).toBeNull();
  });

  it('keeps success at least 5 s and errors 10 s', () => {
    expect(toastDuration('success', 'Saved.')).toBeGreaterThanOrEqual(5_000);
    expect(toastDuration('info', 'x'.repeat(400))).toBeLessThanOrEqual(10_000);
    expect(toastDuration('error', 'Failed.')).toBe(10_000);
  });

  it('shows three at most: the oldest leaves', async () => {
    function Many() {
      const notify = useNotify();
      return (
        <button type="button" onClick={() => [1, 2, 3, 4].forEach((n) => notify({ message: `Toast ${n}`, tone: 'info' }))}>
          Many
        </button>
      );
    }
    const { user } = renderToasts(<Many />);
    await user.click(screen.getByRole('button', { name: 'Many' }));

    await findToast('Toast 4');
    await waitFor(() => expect(queryToast('Toast 1')).toBeNull());
    expect(within(toastRegion()).getAllByRole('listitem')).toHaveLength(3);
  });

  it('offers an action, which runs and closes the toast', async () => {
    const onSelect = vi.fn();
    const { user } = renderToasts(
      <Trigger
        toast={{
          message: 'Claimed 1 customer.',
          tone: 'success',
          action: { label: 'Open My customers', altText: 'My customers is in the menu.', href: '/customers', onSelect },
        }}
      />,
    );
    await user.click(screen.getByRole('button', { name: 'Do it' }));
    const toast = await findToast('Claimed 1 customer.');
    const link = within(toast).getByRole('link', { name: 'Open My customers' });
    expect(link).toHaveAttribute('href', '/customers');
    expect(link).not.toHaveAttribute('type');

    await user.click(link);

    expect(onSelect).toHaveBeenCalledOnce();
    await waitFor(() => expect(queryToast('Claimed 1 customer.')).toBeNull());
  });

  it('does nothing, with a warning, outside the provider', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const user = userEvent.setup();
    render(<Trigger toast={{ message: 'Lost.', tone: 'info' }} />);
    await user.click(screen.getByRole('button', { name: 'Do it' }));
    expect(screen.queryByText('Lost.')).not.toBeInTheDocument();
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('useNotify() outside <ToastProvider>'));
    warn.mockRestore();
  });

  it('has no serious accessibility problems with a toast shown', async () => {
    const { user, container } = renderToasts(
      <main>
        <Trigger toast={{ message: 'Saved.', tone: 'success' }} />
      </main>,
    );
    await user.click(screen.getByRole('button', { name: 'Do it' }));
    await findToast('Saved.');

    const results = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
    const serious = results.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
    expect(serious).toEqual([]);
  });
});
