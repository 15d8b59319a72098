import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { setLocale } from '@/lib/i18n';
import { jsonResponse, mockFetch, problemResponse } from '@/testing/fetch-mock';
import { renderWithProviders } from '@/testing/render';
import { findToast } from '@/testing/toasts';
import type { Store } from '../api/update-store';
import { StoreSettingsScreen } from './store-settings-screen';

const PROBLEMS = 'https://harbor-crm.dev/problems';
const store: Store = { id: 1, name: 'Ningbo Pumps', timeZone: 'Asia/Shanghai', language: 'zh-CN' };

function renderScreen(onSaved = vi.fn()) {
  return { ...renderWithProviders(<StoreSettingsScreen store={store} onSaved={onSaved} />), onSaved };
}

describe('StoreSettingsScreen', () => {
  it('starts from the store as it is, with every time zone to pick from and the languages named in themselves', () => {
    mockFetch(() => jsonResponse(store));
    renderScreen();
    expect(screen.getByRole('heading', { name: 'Store settings', level: 1 })).toBeInTheDocument();
    expect(screen.getByLabelText('Store name')).toHaveValue('Ningbo Pumps');
    const zone = screen.getByLabelText('Time zone');
    expect(zone).toHaveValue('Asia/Shanghai');
    const options = [...(document.getElementById(zone.getAttribute('list') ?? '')?.querySelectorAll('option') ?? [])].map((option) => option.value);
    expect(options).toContain('Asia/Shanghai');
    expect(options).toContain('Europe/Berlin');
    const language = screen.getByLabelText('Store language');
    expect(language).toHaveValue('zh-CN');
    expect([...language.querySelectorAll('option')].map((option) => option.textContent)).toEqual(['English', '简体中文']);
    expect(language).toHaveAccessibleDescription(/default lost reasons/);
  });

  it('sends only what changed, says it is saved, and hands the store back', async () => {
    const { requests } = mockFetch(() => jsonResponse({ ...store, timeZone: 'Europe/Berlin', language: 'en' }));
    const { user, onSaved } = renderScreen();

    const zone = screen.getByLabelText('Time zone');
    await user.clear(zone);
    await user.type(zone, 'Europe/Berlin');
    await user.selectOptions(screen.getByLabelText('Store language'), 'English');
    await user.click(screen.getByRole('button', { name: 'Save settings' }));

    expect(await findToast('Store settings saved.')).toHaveClass('toast-success');
    expect(requests[0]?.method).toBe('PATCH');
    expect(new URL(requests[0]?.url ?? '').pathname).toBe('/api/v1/store');
    expect(await requests[0]?.json()).toEqual({ timeZone: 'Europe/Berlin', language: 'en' });
    expect(onSaved).toHaveBeenCalledWith({ ...store, timeZone: 'Europe/Berlin', language: 'en' });
  });

  it('asks nothing of the server when nothing changed', async () => {
    const { requests } = mockFetch(() => jsonResponse(store));
    const { user, onSaved } = renderScreen();
    await user.click(screen.getByRole('button', { name: 'Save settings' }));
    expect(await findToast('Nothing was changed, so there was nothing to save.')).toHaveClass('toast-info');
    expect(requests).toHaveLength(0);
    expect(onSaved).not.toHaveBeenCalled();
  });

  it('checks the name and time zone before asking the server, in the words it would use', async () => {
    const { requests } = mockFetch(() => jsonResponse(store));
    const { user, onSaved } = renderScreen();
    await user.clear(screen.getByLabelText('Store name'));
    await user.clear(screen.getByLabelText('Time zone'));
    await user.click(screen.getByRole('button', { name: 'Save settings' }));

    const name = screen.getByLabelText('Store name');
    expect(name).toHaveAttribute('aria-invalid', 'true');
    expect(name).toHaveAccessibleDescription('Required.');
    await waitFor(() => expect(name).toHaveFocus());
    expect(screen.getByLabelText('Time zone')).toHaveAccessibleDescription(/Choose a time zone from the list, such as Asia\/Shanghai\.$/);
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(requests).toHaveLength(0);
    expect(onSaved).not.toHaveBeenCalled();
  });

  it('shows the refused fields next to their inputs, in words', async () => {
    const { requests } = mockFetch(() =>
      problemResponse({
        type: `${PROBLEMS}/validation`,
        title: 'Validation failed',
        status: 400,
        errors: [
          { field: 'name', message: 'size must be between 1 and 120', code: 'LENGTH', min: 1, max: 120 },
          { field: 'timeZone', message: 'is not a known time zone', code: 'FORMAT' },
        ],
      }),
    );
    const { user, onSaved } = renderScreen();
    await user.clear(screen.getByLabelText('Store name'));
    await user.type(screen.getByLabelText('Store name'), 'Ningbo Pumps & Valves');
    await user.clear(screen.getByLabelText('Time zone'));
    await user.type(screen.getByLabelText('Time zone'), 'Mars/Olympus');
    await user.click(screen.getByRole('button', { name: 'Save settings' }));

    const name = screen.getByLabelText('Store name');
    await waitFor(() => expect(name).toHaveAttribute('aria-invalid', 'true'));
    expect(name).toHaveAccessibleDescription('Use 1 to 120 characters.');
    await waitFor(() => expect(name).toHaveFocus());
    expect(screen.getByLabelText('Time zone')).toHaveAccessibleDescription(/Choose a time zone from the list, such as Asia\/Shanghai\./);
    expect(screen.getByRole('alert')).toHaveTextContent('Some details need fixing');
    expect(document.body).not.toHaveTextContent(/size must|not a known/);
    expect(await requests[0]?.json()).toEqual({ name: 'Ningbo Pumps & Valves', timeZone: 'Mars/Olympus' });
    expect(onSaved).not.toHaveBeenCalled();
  });

  it('speaks Chinese', () => {
    setLocale('zh-CN');
    mockFetch(() => jsonResponse(store));
    renderScreen();
    expect(screen.getByRole('heading', { name: '店铺设置', level: 1 })).toBeInTheDocument();
    expect(screen.getByLabelText('店铺名称')).toHaveValue('Ningbo Pumps');
    expect(screen.getByLabelText('店铺语言')).toHaveAccessibleDescription(/默认的流失原因/);
    expect(screen.getByRole('button', { name: '保存设置' })).toBeInTheDocument();
  });
});
