import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { jsonResponse, mockFetch } from '@/testing/fetch-mock';
import { renderWithProviders } from '@/testing/render';
import { findToast } from '@/testing/toasts';
import type { CustomField } from '../api/list-custom-fields';
import { CustomFieldsScreen } from './custom-fields-screen';

const SLOW = { timeout: 20_000 };

describe('Settings → Custom fields', () => {
  it('adds a choice field, edits and deletes one', SLOW, async () => {
    const fields: CustomField[] = [
      { id: 1, key: 'size', label: 'Company size', type: 'TEXT', options: [], required: false, version: 1 },
    ];
    const { requests } = mockFetch(async (request) => {
      const url = new URL(request.url);
      if (request.method === 'GET') return jsonResponse({ items: fields });
      if (request.method === 'POST') {
        const body = (await request.json()) as CustomField;
        const created: CustomField = { ...body, options: body.options ?? [], required: body.required ?? false, id: 2, version: 0 };
        fields.push(created);
        return jsonResponse(created, { status: 201 });
      }
      const field = fields.find((candidate) => url.pathname.endsWith(`/${candidate.id}`));
      if (request.method === 'PATCH' && field) {
        Object.assign(field, await request.json(), { version: field.version + 1 });
        return jsonResponse(field);
      }
      if (request.method === 'DELETE') {
        fields.splice(fields.indexOf(field as CustomField), 1);
        return new Response(null, { status: 204 });
      }
      return jsonResponse({});
    });
    const { user } = renderWithProviders(<CustomFieldsScreen />);

    await screen.findByRole('rowheader', { name: 'Company size' });
    await user.type(screen.getByLabelText('Label'), 'Incoterm');
    await user.type(screen.getByLabelText('Key'), 'incoterm');
    await user.selectOptions(screen.getByLabelText('Type'), 'Single choice');
    await user.type(screen.getByLabelText('Choices'), 'FOB{Enter}CIF');
    await user.click(screen.getByRole('checkbox', { name: 'Required' }));
    await user.click(screen.getByRole('button', { name: 'Add field' }));

    expect(await findToast('Added the field “Incoterm”.')).toHaveClass('toast-success');
    expect(await requests.find((request) => request.method === 'POST')?.json()).toEqual({
      key: 'incoterm',
      label: 'Incoterm',
      type: 'SELECT',
      required: true,
      options: ['FOB', 'CIF'],
    });

    await user.click(await screen.findByRole('button', { name: 'Edit the field Company size' }));
    const form = screen.getByRole('form', { name: 'Edit the field Company size' });
    await user.clear(within(form).getByLabelText('Label'));
    await user.type(within(form).getByLabelText('Label'), 'Size');
    await user.click(within(form).getByRole('button', { name: 'Save field' }));
    expect(await findToast('Saved the field “Size”.')).toHaveClass('toast-success');
    expect(requests.find((request) => request.method === 'PATCH')?.headers.get('If-Match')).toBe('"1"');

    await user.click(await screen.findByRole('button', { name: 'Delete the field Size' }));
    await user.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Delete' }));
    expect(await findToast('Deleted the field “Size”.')).toHaveClass('toast-success');
    expect(screen.queryByRole('rowheader', { name: 'Size' })).not.toBeInTheDocument();
  });
});
