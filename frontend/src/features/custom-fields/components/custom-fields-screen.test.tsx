import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { jsonResponse, mockFetch, problemResponse } from '@/testing/fetch-mock';
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

  it('checks a new field before sending it, naming every mistake in the server’s words', SLOW, async () => {
    const { requests } = mockFetch(() => jsonResponse({ items: [] }));
    const { user } = renderWithProviders(<CustomFieldsScreen />);
    await screen.findByText('No custom fields yet.');

    await user.type(screen.getByLabelText('Key'), 'Incoterm');
    await user.selectOptions(screen.getByLabelText('Type'), 'Single choice');
    await user.click(screen.getByRole('button', { name: 'Add field' }));

    const label = screen.getByLabelText('Label');
    expect(label).toHaveAccessibleDescription('Required.');
    await waitFor(() => expect(label).toHaveFocus());
    expect(screen.getByLabelText('Key')).toHaveAccessibleDescription(
      'Lower-case letters, digits and _; cannot change later. This is not in the expected form.',
    );
    const choices = screen.getByLabelText('Choices');
    expect(choices).toHaveAccessibleDescription('One per line. Required.');

    await user.type(choices, 'FOB{Enter}CIF{Enter} FOB ');
    expect(choices).toHaveAccessibleDescription('One per line. “FOB” is listed twice: list each choice once.');
    // A type without choices sends none, so they are not checked.
    await user.selectOptions(screen.getByLabelText('Type'), 'Text');
    expect(screen.queryByLabelText('Choices')).not.toBeInTheDocument();
    expect(requests.filter((request) => request.method === 'POST')).toEqual([]);
  });

  it('shows the server’s field errors next to their inputs, a refused choice by the list', SLOW, async () => {
    mockFetch((request) =>
      request.method === 'POST'
        ? problemResponse({
            type: 'https://harbor-crm.dev/problems/validation',
            title: 'Validation failed',
            status: 400,
            errors: [
              { field: 'key', message: 'is already used', code: 'TAKEN' },
              { field: 'options[1]', message: 'size must be between 0 and 80', code: 'LENGTH', min: 0, max: 80 },
            ],
          })
        : jsonResponse({ items: [] }),
    );
    const { user } = renderWithProviders(<CustomFieldsScreen />);
    await screen.findByText('No custom fields yet.');

    await user.type(screen.getByLabelText('Label'), 'Incoterm');
    await user.type(screen.getByLabelText('Key'), 'incoterm');
    await user.selectOptions(screen.getByLabelText('Type'), 'Multiple choice');
    await user.type(screen.getByLabelText('Choices'), 'FOB{Enter}CIF');
    await user.click(screen.getByRole('button', { name: 'Add field' }));

    const key = screen.getByLabelText('Key');
    await waitFor(() => expect(key).toHaveAttribute('aria-invalid', 'true'));
    expect(key).toHaveAccessibleDescription('Lower-case letters, digits and _; cannot change later. Already in use: choose another.');
    await waitFor(() => expect(key).toHaveFocus());
    expect(screen.getByLabelText('Choices')).toHaveAccessibleDescription('One per line. Each choice can have at most 80 characters.');
    expect(screen.getByRole('alert')).toHaveTextContent('Some details need fixing');
    expect(document.body).not.toHaveTextContent(/already used|size must/);
  });

  it('checks a change before sending it', SLOW, async () => {
    const field: CustomField = { id: 1, key: 'incoterm', label: 'Incoterm', type: 'SELECT', options: ['FOB'], required: false, version: 1 };
    const { requests } = mockFetch(() => jsonResponse({ items: [field] }));
    const { user } = renderWithProviders(<CustomFieldsScreen />);

    await user.click(await screen.findByRole('button', { name: 'Edit the field Incoterm' }));
    const form = screen.getByRole('form', { name: 'Edit the field Incoterm' });
    await user.clear(within(form).getByLabelText('Choices'));
    await user.click(within(form).getByRole('button', { name: 'Save field' }));

    const choices = within(form).getByLabelText('Choices');
    expect(choices).toHaveAccessibleDescription('One per line. Required.');
    await waitFor(() => expect(choices).toHaveFocus());
    expect(requests.filter((request) => request.method === 'PATCH')).toEqual([]);
  });
});
