import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { setLocale } from '@/lib/i18n';
import { jsonResponse, mockFetch, problemResponse } from '@/testing/fetch-mock';
import { renderWithProviders } from '@/testing/render';
import type { CustomField } from '../api/list-custom-fields';
import { ProfileCard } from './profile-card';
import { customer, PROBLEMS } from './test-api';

const SLOW = { timeout: 20_000 };

const customFields: CustomField[] = [
  { id: 1, key: 'volume', label: 'Yearly volume', type: 'NUMBER', options: [], required: true, version: 0 },
  { id: 2, key: 'since', label: 'Customer since', type: 'DATE', options: [], required: false, version: 0 },
];

const john = customer(5, {
  name: 'John Miller',
  email: 'john@miller.example',
  website: 'miller.example',
  imAccounts: [{ channel: 'WECHAT', handle: 'jmiller' }],
  customFields: { volume: 1200 },
  version: 3,
});

async function openEditor(answer: (request: Request) => Response | Promise<Response>, edit = 'Edit') {
  const { requests } = mockFetch(answer);
  const reload = vi.fn(async () => john);
  const rendered = renderWithProviders(<ProfileCard customer={john} customFields={customFields} reload={reload} />);
  await rendered.user.click(screen.getByRole('button', { name: edit }));
  return { ...rendered, requests, patches: () => requests.filter((request) => request.method === 'PATCH') };
}

describe('Editing the customer file', () => {
  it('checks every field before saving, and says all that is wrong at once', SLOW, async () => {
    const { user, patches } = await openEditor(() => jsonResponse({ ...john, version: 4 }));

    const name = screen.getByLabelText('Name');
    expect(name).toHaveValue('John Miller');
    expect(screen.getByLabelText('Yearly volume *')).toHaveValue(1200);
    await user.clear(name);
    await user.clear(screen.getByLabelText('Email'));
    await user.type(screen.getByLabelText('Email'), 'john at miller');
    await user.clear(screen.getByLabelText('Yearly volume *'));
    await user.type(screen.getByLabelText('Fax'), '+1 (555) FAX');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));

    expect(name).toHaveAccessibleDescription('Required.');
    expect(screen.getByLabelText('Email')).toHaveAccessibleDescription('Enter an e-mail address such as name@example.com.');
    expect(screen.getByLabelText('Fax')).toHaveAccessibleDescription('This is not in the expected form.');
    expect(screen.getByLabelText('Yearly volume *')).toHaveAccessibleDescription('Required.');
    await waitFor(() => expect(name).toHaveFocus());
    expect(patches()).toHaveLength(0);
  });

  it('says the checks in Chinese', SLOW, async () => {
    setLocale('zh-CN');
    const { user } = await openEditor(() => jsonResponse(john), '编辑');

    const name = screen.getByLabelText('姓名');
    await user.clear(name);
    await user.type(screen.getByLabelText('地址'), 'x'.repeat(501));
    await user.click(screen.getByRole('button', { name: '保存修改' }));

    expect(name).toHaveAccessibleDescription('必填。');
    expect(screen.getByLabelText('地址')).toHaveAccessibleDescription('最多 500 个字符。');
  });

  it('shows a 400 on the inputs (an IM account, a custom field), the rest in the alert, with If-Match sent', SLOW, async () => {
    const { user, patches } = await openEditor((request) =>
      request.method === 'PATCH'
        ? problemResponse({
            type: `${PROBLEMS}/validation`,
            title: 'Invalid',
            status: 400,
            errors: [
              { field: 'imAccounts[0].handle', message: 'must not be blank', code: 'REQUIRED' },
              { field: 'customFields.since', message: 'must be a date (YYYY-MM-DD)', code: 'FORMAT' },
              { field: 'customFields.gone', message: 'is not a custom field of this store', code: 'UNKNOWN' },
            ],
          })
        : jsonResponse(john),
    );

    await user.clear(screen.getByLabelText('Handle of IM account 1'));
    await user.type(screen.getByLabelText('Handle of IM account 1'), 'john.miller');
    await user.type(screen.getByLabelText('Customer since'), '2020-02-02');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));

    const handle = screen.getByLabelText('Handle of IM account 1');
    await waitFor(() => expect(handle).toHaveAccessibleDescription('Required.'));
    expect(screen.getByLabelText('Customer since')).toHaveAccessibleDescription('This is not in the expected form.');
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('Some details need fixing');
    expect(within(alert).getByRole('listitem')).toHaveTextContent('customFields.gone: Not a field this form knows.');
    await waitFor(() => expect(handle).toHaveFocus());
    expect(patches()[0]?.headers.get('If-Match')).toBe('"3"');
    expect(await patches()[0]?.json()).toEqual({
      imAccounts: [{ channel: 'WECHAT', handle: 'john.miller' }],
      customFields: { since: '2020-02-02' },
    });
    // Still editing, with what was typed.
    expect(screen.getByLabelText('Customer since')).toHaveValue('2020-02-02');
  });

  it('picks the country by typing, and shows the server’s refusal of it on the picker, focused', SLOW, async () => {
    const { user, patches } = await openEditor((request) =>
      request.method === 'PATCH'
        ? problemResponse({
            type: `${PROBLEMS}/validation`,
            title: 'Invalid',
            status: 400,
            errors: [{ field: 'country', message: 'is not a country', code: 'ONE_OF' }],
          })
        : jsonResponse(john),
    );

    const country = screen.getByRole('combobox', { name: 'Country' });
    expect(country).toHaveTextContent('(none)');
    await user.click(country);
    await user.type(screen.getByRole('combobox', { name: 'Search countries…' }), 'Germ');
    await user.keyboard('{Enter}');
    expect(country).toHaveTextContent('Germany');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));

    await waitFor(() => expect(country).toHaveAccessibleDescription('Choose one of the values offered.'));
    expect(country).toHaveAttribute('aria-invalid', 'true');
    await waitFor(() => expect(country).toHaveFocus());
    expect(await patches()[0]?.json()).toEqual({ country: 'DE' });
  });
});
