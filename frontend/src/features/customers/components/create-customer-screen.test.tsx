import { screen, waitFor, within } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { describe, expect, it } from 'vitest';
import { setLocale } from '@/lib/i18n';

// Many interactions per test, on a shared 2-core machine.
const SLOW = { timeout: 20_000 };
import { jsonResponse, problemResponse } from '@/testing/fetch-mock';
import { renderWithProviders } from '@/testing/render';
import { CreateCustomerScreen } from './create-customer-screen';
import { customer, fakeApi, PROBLEMS } from './test-api';

function renderScreen() {
  const router = createMemoryRouter(
    [
      { path: '/customers/new', element: <CreateCustomerScreen /> },
      { path: '/customers/:id', element: <p>Customer page</p> },
    ],
    { initialEntries: ['/customers/new'] },
  );
  return { ...renderWithProviders(<RouterProvider router={router} />), router };
}

const posts = (requests: Request[]) => requests.filter((request) => request.method === 'POST');

describe('Create customer', () => {
  it('shows field errors next to their fields', SLOW, async () => {
    fakeApi((request) =>
      request.method === 'POST'
        ? problemResponse({
            type: `${PROBLEMS}/validation`,
            title: 'Invalid',
            status: 400,
            errors: [
              { field: 'name', message: 'must not be blank', code: 'REQUIRED' },
              { field: 'customFields.incoterm', message: 'is not one of the choices', code: 'ONE_OF' },
            ],
          })
        : undefined,
    );
    const { user } = renderScreen();

    // Something that passes the form's own checks, which the server still refuses.
    await user.type(await screen.findByLabelText('Name'), 'John Miller');
    await user.click(screen.getByRole('button', { name: 'Create customer' }));

    const name = screen.getByLabelText('Name');
    await waitFor(() => expect(name).toHaveAccessibleDescription('Required.'));
    expect(name).toHaveFocus();
    expect(screen.getByLabelText('Incoterm')).toHaveAccessibleDescription('Choose one of the values offered.');
  });

  it('checks every field before creating, custom ones too, and says all that is wrong at once', SLOW, async () => {
    const { requests } = fakeApi((request, url) => {
      if (url.pathname === '/api/v1/custom-fields') {
        return jsonResponse({
          items: [
            { id: 1, key: 'incoterm', label: 'Incoterm', type: 'SELECT', options: ['FOB', 'CIF'], required: true, version: 0 },
            { id: 2, key: 'markets', label: 'Markets', type: 'MULTI_SELECT', options: ['EU', 'US'], required: true, version: 0 },
          ],
        });
      }
      return request.method === 'POST' ? jsonResponse(customer(42), { status: 201 }) : undefined;
    });
    const { user, router } = renderScreen();

    await user.type(await screen.findByLabelText('Email'), 'john@miller');
    await user.type(screen.getByLabelText('Telephone'), 'call me');
    await user.type(screen.getByLabelText('Postcode'), '1'.repeat(21));
    await user.click(screen.getByRole('button', { name: 'Create customer' }));

    const name = screen.getByLabelText('Name');
    expect(name).toHaveAccessibleDescription('Required.');
    expect(screen.getByLabelText('Email')).toHaveAccessibleDescription('Enter an e-mail address such as name@example.com.');
    expect(screen.getByLabelText('Telephone')).toHaveAccessibleDescription('This is not in the expected form.');
    expect(screen.getByLabelText('Postcode')).toHaveAccessibleDescription('At most 20 characters.');
    expect(screen.getByLabelText('Incoterm *')).toHaveAccessibleDescription('Required.');
    expect(screen.getByRole('group', { name: 'Markets *' })).toHaveAccessibleDescription('Required.');
    await waitFor(() => expect(name).toHaveFocus());
    expect(posts(requests)).toHaveLength(0);

    await user.type(name, 'John Miller');
    expect(name).not.toHaveAttribute('aria-invalid');
    await user.clear(screen.getByLabelText('Email'));
    await user.clear(screen.getByLabelText('Telephone'));
    await user.clear(screen.getByLabelText('Postcode'));
    await user.selectOptions(screen.getByLabelText('Incoterm *'), 'CIF');
    await user.click(screen.getByRole('checkbox', { name: 'US' }));
    await user.click(screen.getByRole('button', { name: 'Create customer' }));

    await waitFor(() => expect(router.state.location.pathname).toBe('/customers/42'));
    expect(await posts(requests)[0]?.json()).toMatchObject({ name: 'John Miller', customFields: { incoterm: 'CIF', markets: ['US'] } });
  });

  it('shows a 400 on the inputs: an IM account on its own row, a category on the categories, the rest in the alert', SLOW, async () => {
    fakeApi((request) =>
      request.method === 'POST'
        ? problemResponse({
            type: `${PROBLEMS}/validation`,
            title: 'Invalid',
            status: 400,
            errors: [
              { field: 'imAccounts[0].handle', message: 'size must be between 0 and 200', code: 'LENGTH', min: 0, max: 200 },
              { field: 'purchaseCategories[0]', message: 'size must be between 0 and 100', code: 'LENGTH', max: 100 },
              { field: 'assignee', message: 'is not a known field', code: 'UNKNOWN' },
            ],
          })
        : undefined,
    );
    const { user } = renderScreen();

    await user.type(await screen.findByLabelText('Name'), 'John Miller');
    // The first row has no handle: it is not sent, so the server's first account is the second row.
    await user.click(screen.getByRole('button', { name: 'Add IM account' }));
    await user.click(screen.getByRole('button', { name: 'Add IM account' }));
    await user.type(screen.getByLabelText('Handle of IM account 2'), 'jmiller');
    await user.type(screen.getByLabelText('New purchase category'), 'Hinges{Enter}');
    await user.click(screen.getByRole('button', { name: 'Create customer' }));

    const handle = screen.getByLabelText('Handle of IM account 2');
    await waitFor(() => expect(handle).toHaveAccessibleDescription('At most 200 characters.'));
    expect(screen.getByLabelText('Handle of IM account 1')).not.toHaveAttribute('aria-invalid');
    expect(screen.getByRole('group', { name: 'Purchase categories' })).toHaveAccessibleDescription('At most 100 characters.');
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('Some details need fixing');
    expect(alert).toHaveTextContent('assignee: Not a field this form knows.');
    await waitFor(() => expect(handle).toHaveFocus());
  });

  it('shows the duplicates a 409 names, with links, and creates anyway when asked', SLOW, async () => {
    const { requests } = fakeApi((request, url) => {
      if (request.method !== 'POST') return undefined;
      if (url.searchParams.get('allowDuplicate') === 'true') return jsonResponse(customer(42, { name: 'John Miller' }), { status: 201 });
      return problemResponse({
        type: `${PROBLEMS}/duplicate-customer`,
        title: 'Duplicate',
        status: 409,
        matches: [
          { id: 11, name: 'John M.', companyName: 'Miller Hardware', ownerName: 'Li Na', matchedOn: ['email'] },
          { id: 12, name: 'J. Miller', ownerName: null, matchedOn: ['phone', 'mobile'] },
        ],
      });
    });
    const { user, router } = renderScreen();

    await user.type(await screen.findByLabelText('Name'), 'John Miller');
    await user.type(screen.getByLabelText('Company'), 'Miller Hardware Imports');
    await user.type(screen.getByLabelText('Email'), 'john@millerhardware.com');
    await user.click(screen.getByRole('combobox', { name: 'Country' }));
    await user.type(screen.getByRole('combobox', { name: 'Search countries…' }), 'us');
    await user.keyboard('{Enter}');
    expect(screen.getByRole('combobox', { name: 'Country' })).toHaveTextContent('United States');
    await user.selectOptions(screen.getByLabelText('Stage'), 'Inquiry');
    await user.selectOptions(screen.getByLabelText('Incoterm'), 'FOB');
    await user.click(screen.getByRole('button', { name: 'Add IM account' }));
    await user.selectOptions(screen.getByLabelText('Channel of IM account 1'), 'WeChat');
    await user.type(screen.getByLabelText('Handle of IM account 1'), 'jmiller');
    await user.click(screen.getByRole('button', { name: 'Create customer' }));

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('This looks like a customer you already have (2 found).');
    const items = within(alert).getAllByRole('listitem');
    expect(items[0]).toHaveTextContent('John M. · Miller Hardware · owned by Li Na · same email');
    expect(items[1]).toHaveTextContent('J. Miller · in the pool · same telephone, mobile');
    expect(within(alert).getByRole('link', { name: 'John M.' })).toHaveAttribute('href', '/customers/11');
    expect(await posts(requests)[0]?.json()).toEqual({
      name: 'John Miller',
      companyName: 'Miller Hardware Imports',
      email: 'john@millerhardware.com',
      country: 'US',
      source: 'MANUAL',
      stage: 'INQUIRY',
      stars: 0,
      imAccounts: [{ channel: 'WECHAT', handle: 'jmiller' }],
      customFields: { incoterm: 'FOB' },
    });

    await user.click(within(alert).getByRole('button', { name: 'Create anyway' }));

    await waitFor(() => expect(router.state.location.pathname).toBe('/customers/42'));
    expect(new URL(posts(requests)[1]?.url ?? '').searchParams.get('allowDuplicate')).toBe('true');
  });

  it('sends region, postcode, business type, size, purchase amount and purchase categories', SLOW, async () => {
    const { requests } = fakeApi((request) =>
      request.method === 'POST' ? jsonResponse(customer(42, { name: 'John Miller' }), { status: 201 }) : undefined,
    );
    const { user, router } = renderScreen();

    await user.type(await screen.findByLabelText('Name'), 'John Miller');
    await user.type(screen.getByLabelText('Region / province'), 'Illinois');
    await user.type(screen.getByLabelText('Postcode'), '60601');
    await user.type(screen.getByLabelText('Business type'), 'Wholesaler');
    await user.type(screen.getByLabelText('Company size'), '51-200 employees');
    await user.type(screen.getByLabelText('Annual purchase amount'), 'US$1M-2.5M');
    const categories = screen.getByRole('group', { name: 'Purchase categories' });
    const category = within(categories).getByLabelText('New purchase category');
    // Enter adds one (without submitting the form), a comma too; a repeat, in any case, is dropped.
    await user.type(category, 'Hinges{Enter}');
    await user.type(category, 'Handles,Locks,hinges , Hinges{Enter}');
    expect(posts(requests)).toHaveLength(0);
    await user.click(within(categories).getByRole('button', { name: 'Remove purchase category Locks' }));
    // Typed but not added yet: still sent.
    await user.type(category, 'Brackets');
    await user.click(screen.getByRole('button', { name: 'Create customer' }));

    await waitFor(() => expect(router.state.location.pathname).toBe('/customers/42'));
    expect(await posts(requests)[0]?.json()).toMatchObject({
      name: 'John Miller',
      region: 'Illinois',
      postcode: '60601',
      businessType: 'Wholesaler',
      companySize: '51-200 employees',
      annualPurchaseAmount: 'US$1M-2.5M',
      purchaseCategories: ['Hinges', 'Handles', 'Brackets'],
    });
  });

  it('names the new fields in Chinese', SLOW, async () => {
    setLocale('zh-CN');
    fakeApi(() => undefined);
    renderScreen();

    for (const label of ['地区 / 省份', '邮编', '企业类型', '公司规模', '年采购额', '新采购品类']) {
      expect(await screen.findByLabelText(label)).toBeInTheDocument();
    }
    const categories = screen.getByRole('group', { name: '采购品类' });
    expect(within(categories).getByRole('button', { name: '添加' })).toBeInTheDocument();
    expect(categories).toHaveTextContent('输入一个品类后按回车（或逗号）添加。');
  });
});
