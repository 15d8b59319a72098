import { act, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { setLocale } from '@/lib/i18n';
import { jsonResponse, mockFetch, problemResponse } from '@/testing/fetch-mock';
import { renderWithProviders } from '@/testing/render';
import { findToast } from '@/testing/toasts';
import type { Tag } from '../api/list-tags';
import { TagsScreen } from './tags-screen';

const SLOW = { timeout: 20_000 };

function tagsApi(initial: Tag[]) {
  const tags = initial.map((tag) => ({ ...tag }));
  const mock = mockFetch(async (request) => {
    const url = new URL(request.url);
    if (url.pathname === '/api/v1/tags' && request.method === 'GET') return jsonResponse({ items: tags, nextCursor: null });
    if (url.pathname === '/api/v1/tags' && request.method === 'POST') {
      const body = (await request.json()) as Tag;
      if (tags.some((tag) => tag.name.toLowerCase() === body.name.toLowerCase())) {
        return problemResponse({ type: 'https://harbor-crm.dev/problems/tag-name-taken', title: 'Taken', status: 409 });
      }
      const created = { ...body, id: tags.length + 10, group: body.group ?? null, customerCount: 0, version: 0 };
      tags.push(created);
      return jsonResponse(created, { status: 201 });
    }
    const id = Number(/\/tags\/(\d+)$/.exec(url.pathname)?.[1]);
    const index = tags.findIndex((tag) => tag.id === id);
    if (request.method === 'PATCH') {
      Object.assign(tags[index] ?? {}, await request.json());
      return jsonResponse(tags[index]);
    }
    if (request.method === 'DELETE') {
      tags.splice(index, 1);
      return new Response(null, { status: 204 });
    }
    return jsonResponse({});
  });
  return { ...mock, tags };
}

const keyAccount: Tag = { id: 1, name: 'Key account', color: '#E53935', group: null, customerCount: 4, version: 2 };

describe('Settings → Tags', () => {
  it('adds a tag, and says when the name is taken', SLOW, async () => {
    const { requests } = tagsApi([keyAccount]);
    const { user } = renderWithProviders(<TagsScreen />);

    expect(await screen.findByText('Key account')).toBeInTheDocument();
    await user.type(screen.getByLabelText('Tag name'), 'key ACCOUNT');
    await user.click(screen.getByRole('button', { name: 'Add tag' }));
    await waitFor(() =>
      expect(screen.getByLabelText('Tag name')).toHaveAccessibleDescription('A tag with this name already exists.'),
    );

    await user.clear(screen.getByLabelText('Tag name'));
    await user.type(screen.getByLabelText('Tag name'), 'Hinges');
    await user.type(screen.getByLabelText('Group'), 'Purchase category');
    await user.click(screen.getByRole('button', { name: 'Add tag' }));

    expect(await findToast('Added the tag “Hinges”.')).toHaveClass('toast-success');
    expect(await requests.filter((request) => request.method === 'POST')[1]?.json()).toEqual({
      name: 'Hinges',
      color: '#1e88e5',
      group: 'Purchase category',
    });
  });

  it('edits with If-Match and deletes after confirmation', SLOW, async () => {
    const { requests } = tagsApi([keyAccount]);
    const { user } = renderWithProviders(<TagsScreen />);

    await user.click(await screen.findByRole('button', { name: 'Edit the tag Key account' }));
    const form = screen.getByRole('form', { name: 'Edit the tag Key account' });
    await user.clear(within(form).getByLabelText('Tag name'));
    await user.type(within(form).getByLabelText('Tag name'), 'VIP');
    await user.click(within(form).getByRole('button', { name: 'Save tag' }));
    expect(await findToast('Saved the tag “VIP”.')).toHaveClass('toast-success');
    const patch = requests.find((request) => request.method === 'PATCH');
    expect(patch?.headers.get('If-Match')).toBe('"2"');

    await user.click(await screen.findByRole('button', { name: 'Delete the tag VIP' }));
    const dialog = screen.getByRole('alertdialog', { name: 'Delete the tag “VIP”?' });
    expect(dialog).toHaveAccessibleDescription('It is removed from 4 customers.');
    expect(within(dialog).getByRole('button', { name: 'Delete' })).toHaveClass('button-danger');
    await user.click(within(dialog).getByRole('button', { name: 'Delete' }));
    expect(await screen.findByText('No tags yet.')).toBeInTheDocument();
  });

  it('checks a tag before sending it, in the words the server would use', SLOW, async () => {
    const { requests } = tagsApi([keyAccount]);
    const { user } = renderWithProviders(<TagsScreen />);
    await screen.findByText('Key account');

    await user.type(screen.getByLabelText('Tag name'), '   ');
    await user.click(screen.getByRole('button', { name: 'Add tag' }));

    const name = screen.getByLabelText('Tag name');
    expect(name).toHaveAccessibleDescription('Required.');
    await waitFor(() => expect(name).toHaveFocus());
    expect(requests.filter((request) => request.method === 'POST')).toEqual([]);

    // The same check when editing, in Chinese when chosen.
    act(() => setLocale('zh-CN'));
    await user.click(screen.getByRole('button', { name: '编辑标签 Key account' }));
    const form = screen.getByRole('form', { name: '编辑标签 Key account' });
    await user.clear(within(form).getByLabelText('标签名称'));
    await user.click(within(form).getByRole('button', { name: '保存标签' }));
    expect(within(form).getByLabelText('标签名称')).toHaveAccessibleDescription('必填。');
    expect(requests.filter((request) => request.method === 'PATCH')).toEqual([]);
  });

  it('shows the server’s field errors next to their inputs', SLOW, async () => {
    const { requests } = mockFetch((request) =>
      request.method === 'POST'
        ? problemResponse({
            type: 'https://harbor-crm.dev/problems/validation',
            title: 'Validation failed',
            status: 400,
            errors: [
              { field: 'group', message: 'size must be between 0 and 60', code: 'LENGTH', min: 0, max: 60 },
              { field: 'color', message: 'must be a colour such as #E53935', code: 'FORMAT' },
            ],
          })
        : jsonResponse({ items: [], nextCursor: null }),
    );
    const { user } = renderWithProviders(<TagsScreen />);
    await screen.findByText('No tags yet.');

    await user.type(screen.getByLabelText('Tag name'), 'Hinges');
    await user.type(screen.getByLabelText('Group'), 'Purchase category');
    await user.click(screen.getByRole('button', { name: 'Add tag' }));

    const color = screen.getByLabelText('Colour');
    await waitFor(() => expect(color).toHaveAccessibleDescription('This is not in the expected form.'));
    expect(screen.getByLabelText('Group')).toHaveAccessibleDescription('Optional, e.g. Purchase category. At most 60 characters.');
    await waitFor(() => expect(color).toHaveFocus());
    expect(screen.getByRole('alert')).toHaveTextContent('Some details need fixing');
    expect(document.body).not.toHaveTextContent(/size must|must be a colour/);
    expect(requests.filter((request) => request.method === 'POST')).toHaveLength(1);
  });
});
