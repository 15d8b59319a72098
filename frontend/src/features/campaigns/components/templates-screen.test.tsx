import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { setLocale } from '@/lib/i18n';
import { jsonResponse, mockFetch, problemResponse } from '@/testing/fetch-mock';
import { renderWithProviders } from '@/testing/render';
import { findToast } from '@/testing/toasts';
import type { MessageTemplate, MessageTemplateInput } from '../api/list-message-templates';
import { TemplatesScreen } from './templates-screen';

const PROBLEMS = 'https://harbor-crm.dev/problems';

const spring: MessageTemplate = {
  id: 3,
  name: 'Spring offer',
  channel: 'EMAIL',
  language: 'en',
  subject: 'New pumps for {{companyName}}',
  body: 'Dear {{name|there}},\n\nour spring catalogue is out.',
  createdAt: '2025-03-01T08:00:00Z',
  updatedAt: '2025-03-01T08:00:00Z',
  version: 4,
};
const reminder: MessageTemplate = {
  id: 5,
  name: '展会提醒',
  channel: 'SMS',
  language: 'zh-CN',
  subject: null,
  body: '{{name}}，展会明天开始。',
  createdAt: '2025-03-02T08:00:00Z',
  updatedAt: '2025-03-02T08:00:00Z',
  version: 1,
};

const placeholders = [
  { key: 'name', description: "The contact's name" },
  { key: 'companyName', description: "The company's name" },
  { key: 'unsubscribeUrl', description: 'Unsubscribe link' },
  { key: 'cf.vat', description: 'Custom field: VAT number' },
];

function pathOf(request: Request) {
  return new URL(request.url).pathname;
}

/** The server refuses a placeholder of `field`, naming those it allows. */
function unknownPlaceholder(field: string, allowed = placeholders.map((item) => item.key)) {
  return problemResponse({
    type: `${PROBLEMS}/validation`,
    title: 'Invalid',
    status: 400,
    errors: [{ field, message: 'is not a placeholder', code: 'UNKNOWN', allowed }],
  });
}

function fakeTemplatesApi(initial: MessageTemplate[] = [spring, reminder], override?: (request: Request) => Response | undefined) {
  const templates = initial.map((template) => ({ ...template }));
  const mock = mockFetch(async (request) => {
    const overridden = override?.(request);
    if (overridden) return overridden;
    const path = pathOf(request);
    if (path === '/api/v1/messaging/templates' && request.method === 'GET') return jsonResponse({ items: templates });
    if (path === '/api/v1/messaging/templates' && request.method === 'POST') {
      const body = (await request.json()) as MessageTemplateInput;
      const created: MessageTemplate = { ...spring, ...body, subject: body.subject ?? null, id: 9, version: 0 };
      templates.push(created);
      return jsonResponse(created, { status: 201 });
    }
    const match = /^\/api\/v1\/messaging\/templates\/(\d+)$/.exec(path);
    const template = templates.find((candidate) => candidate.id === Number(match?.[1]));
    if (template && request.method === 'PUT') {
      Object.assign(template, (await request.json()) as MessageTemplateInput, { version: template.version + 1 });
      return jsonResponse(template);
    }
    if (template && request.method === 'DELETE') {
      templates.splice(templates.indexOf(template), 1);
      return new Response(null, { status: 204 });
    }
    if (path === '/api/v1/messaging/placeholders') return jsonResponse({ items: placeholders });
    if (path === '/api/v1/customers') {
      return jsonResponse({
        items: [
          { id: 40, name: 'Anna Schmidt', companyName: 'Schmidt GmbH', email: 'anna@schmidt.de' },
          { id: 41, name: 'Bo Chen', companyName: null, email: null },
        ],
        nextCursor: null,
      });
    }
    if (path === '/api/v1/messaging/preview') {
      return jsonResponse({
        subject: 'New pumps for Schmidt GmbH',
        text: 'Dear Anna Schmidt,\n\nour spring catalogue is out.',
        html: '<p>Dear Anna Schmidt,</p><p>our spring catalogue is out.</p>',
      });
    }
    return problemResponse({ type: `${PROBLEMS}/not-found`, title: 'Not found', status: 404 });
  });
  const last = (method: string, path: string) => mock.requests.filter((request) => request.method === method && pathOf(request) === path).at(-1);
  return { ...mock, templates, last };
}

function renderScreen() {
  return renderWithProviders(<TemplatesScreen />);
}

async function openNewForm() {
  const result = renderScreen();
  await result.user.click(screen.getByRole('button', { name: 'New template' }));
  const form = await screen.findByRole('region', { name: 'New template' });
  // the placeholders are there to pick from
  await within(form).findByRole('button', { name: /^Insert \{\{name\}\}/ });
  return { ...result, form };
}

describe('TemplatesScreen', () => {
  it('lists the templates with their channel, language and subject', async () => {
    fakeTemplatesApi();
    renderScreen();
    const table = await screen.findByRole('table', { name: 'All templates' });
    expect(within(table).getAllByRole('columnheader').map((cell) => cell.textContent)).toEqual([
      'Name',
      'Channel',
      'Language',
      'Subject',
      'Actions',
    ]);
    const springRow = within(table).getByRole('rowheader', { name: 'Spring offer' }).closest('tr') as HTMLElement;
    expect(springRow).toHaveTextContent('E-mail');
    expect(springRow).toHaveTextContent('English');
    expect(springRow).toHaveTextContent('New pumps for {{companyName}}');
    const smsRow = within(table).getByRole('rowheader', { name: '展会提醒' }).closest('tr') as HTMLElement;
    expect(smsRow).toHaveTextContent('SMS');
    expect(smsRow).toHaveTextContent('简体中文');
  });

  it('adds an e-mail template, inserting placeholders where the cursor is', async () => {
    const { last } = fakeTemplatesApi();
    const { user, form } = await openNewForm();
    expect(within(form).getByLabelText('Name')).toHaveFocus();
    await user.type(within(form).getByLabelText('Name'), 'Welcome');
    const subject = within(form).getByLabelText('Subject');
    await user.click(subject);
    await user.paste('Welcome, ');
    await user.click(within(form).getByRole('button', { name: /^Insert \{\{companyName\}\}/ }));
    expect(subject).toHaveValue('Welcome, {{companyName}}');

    const body = within(form).getByLabelText('Text') as HTMLTextAreaElement;
    await user.click(body);
    await user.paste('Dear ,\nthanks for visiting.');
    // the cursor after "Dear "
    body.setSelectionRange(5, 5);
    await user.click(within(form).getByRole('button', { name: /^Insert \{\{name\}\}/ }));
    expect(body).toHaveValue('Dear {{name}},\nthanks for visiting.');
    expect(body).toHaveFocus();
    expect(body.selectionStart).toBe(13);

    await user.click(within(form).getByRole('button', { name: 'Add template' }));
    expect(await findToast('Template “Welcome” added.')).toHaveClass('toast-success');
    expect(await last('POST', '/api/v1/messaging/templates')?.json()).toEqual({
      name: 'Welcome',
      channel: 'EMAIL',
      language: 'en',
      subject: 'Welcome, {{companyName}}',
      body: 'Dear {{name}},\nthanks for visiting.',
    });
    expect(screen.queryByRole('region', { name: 'New template' })).not.toBeInTheDocument();
  });

  it('names an unknown placeholder by its field without asking the server', async () => {
    const { last } = fakeTemplatesApi();
    const { user, form } = await openNewForm();
    await user.type(within(form).getByLabelText('Name'), 'Typo');
    await user.type(within(form).getByLabelText('Subject'), 'Hello');
    await user.click(within(form).getByLabelText('Text'));
    await user.paste('Hello {{nmae}}, and {{name}}');
    await user.click(within(form).getByRole('button', { name: 'Add template' }));

    const body = within(form).getByLabelText('Text');
    await waitFor(() => expect(body).toHaveAttribute('aria-invalid', 'true'));
    expect(body).toHaveAccessibleDescription(expect.stringContaining('{{nmae}} is not a placeholder: pick one from the list below.'));
    expect(body).toHaveFocus();
    expect(within(form).getByLabelText('Subject')).not.toHaveAttribute('aria-invalid');
    expect(last('POST', '/api/v1/messaging/templates')).toBeUndefined();

    // Fixed: checked again as it is typed.
    await user.clear(body);
    await user.paste('Hello {{name}}');
    expect(body).not.toHaveAttribute('aria-invalid');
  });

  it('says the whole e-mail needs a subject and a text, by each field, before sending', async () => {
    const { last } = fakeTemplatesApi();
    const { user, form } = await openNewForm();
    await user.type(within(form).getByLabelText('Name'), 'Empty');
    await user.click(within(form).getByRole('button', { name: 'Add template' }));

    const subject = within(form).getByLabelText('Subject');
    await waitFor(() => expect(subject).toHaveAccessibleDescription('Required.'));
    expect(within(form).getByLabelText('Text')).toHaveAccessibleDescription(expect.stringContaining('Required.'));
    expect(subject).toHaveFocus();
    expect(last('POST', '/api/v1/messaging/templates')).toBeUndefined();
  });

  it('names a placeholder the server refused next to its field (a custom field deleted meanwhile)', async () => {
    const { last } = fakeTemplatesApi([spring], (request) =>
      request.method === 'POST' && pathOf(request) === '/api/v1/messaging/templates'
        ? unknownPlaceholder('subject', ['name', 'companyName', 'unsubscribeUrl'])
        : undefined,
    );
    const { user, form } = await openNewForm();
    await user.type(within(form).getByLabelText('Name'), 'VAT');
    await user.click(within(form).getByLabelText('Subject'));
    await user.paste('Your VAT number {{cf.vat}}');
    await user.type(within(form).getByLabelText('Text'), 'Hello');
    await user.click(within(form).getByRole('button', { name: 'Add template' }));

    const subject = within(form).getByLabelText('Subject');
    await waitFor(() => expect(subject).toHaveAttribute('aria-invalid', 'true'));
    expect(subject).toHaveAccessibleDescription('{{cf.vat}} is not a placeholder: pick one from the list below.');
    expect(subject).toHaveFocus();
    expect(within(form).getByLabelText('Text')).not.toHaveAttribute('aria-invalid');
    expect(((await last('POST', '/api/v1/messaging/templates')?.json()) as MessageTemplateInput).subject).toBe('Your VAT number {{cf.vat}}');
    expect(screen.queryByText('Not a field this form knows.')).not.toBeInTheDocument();
    expect(within(form).getByRole('alert')).toHaveTextContent('Some details need fixing');
  });

  it('counts an SMS’s characters and the messages it goes out as', async () => {
    fakeTemplatesApi();
    const { user, form } = await openNewForm();
    await user.click(within(form).getByRole('radio', { name: 'SMS' }));
    expect(within(form).queryByLabelText('Subject')).not.toBeInTheDocument();
    const body = within(form).getByLabelText('Text');
    expect(body).toHaveAccessibleDescription(expect.stringContaining('0 of 1,600 characters · no message yet'));
    await user.click(body);
    await user.paste('x'.repeat(170));
    expect(within(form).getByText(/^170 of 1,600 characters/)).toHaveTextContent('170 of 1,600 characters · 2 messages of up to 153 characters');
    await user.paste('y'.repeat(1500));
    expect(within(form).getByText(/^1,670 of 1,600 characters/)).toHaveTextContent('70 characters too many.');
    expect(within(form).getByText(/^1,670 of 1,600 characters/)).toHaveClass('field-error');
  });

  it('previews the text as typed for one of the first customers', async () => {
    const { last } = fakeTemplatesApi();
    const { user } = renderScreen();
    await user.click(await screen.findByRole('button', { name: 'Edit Spring offer' }));
    const form = await screen.findByRole('region', { name: 'Edit “Spring offer”' });
    const preview = within(form).getByRole('region', { name: 'Preview' });
    const customer = await within(preview).findByLabelText('As this customer would get it');
    expect(within(customer).getAllByRole('option').map((option) => option.textContent)).toEqual(['Anna Schmidt — Schmidt GmbH', 'Bo Chen']);
    await user.click(within(preview).getByRole('button', { name: 'Show preview' }));

    const result = await within(preview).findByRole('region', { name: 'How it reads' });
    expect(result).toHaveTextContent('New pumps for Schmidt GmbH');
    expect(result).toHaveTextContent('our spring catalogue is out.');
    const frame = within(result).getByTitle('The e-mail as HTML');
    expect(frame).toHaveAttribute('sandbox', '');
    expect(frame).toHaveAttribute('srcdoc', '<p>Dear Anna Schmidt,</p><p>our spring catalogue is out.</p>');
    expect(await last('POST', '/api/v1/messaging/preview')?.json()).toEqual({
      channel: 'EMAIL',
      subject: spring.subject,
      body: spring.body,
      customerId: 40,
    });
  });

  it('saves a change with the version it was read at', async () => {
    const { last } = fakeTemplatesApi();
    const { user } = renderScreen();
    await user.click(await screen.findByRole('button', { name: 'Edit Spring offer' }));
    const form = await screen.findByRole('region', { name: 'Edit “Spring offer”' });
    await user.selectOptions(within(form).getByLabelText('Language'), '简体中文');
    await user.click(within(form).getByRole('button', { name: 'Save template' }));
    expect(await findToast('Template “Spring offer” saved.')).toHaveClass('toast-success');
    const put = last('PUT', '/api/v1/messaging/templates/3');
    expect(put?.headers.get('If-Match')).toBe('"4"');
    expect(await put?.json()).toMatchObject({ name: 'Spring offer', language: 'zh-CN', subject: spring.subject, body: spring.body });
  });

  it('deletes a template after a confirmation in red', async () => {
    const { calls } = (() => {
      const api = fakeTemplatesApi();
      return { calls: () => api.requests.map((request) => `${request.method} ${pathOf(request)}`) };
    })();
    const { user } = renderScreen();
    await user.click(await screen.findByRole('button', { name: 'Delete Spring offer' }));
    const confirm = screen.getByRole('alertdialog', { name: 'Delete the template “Spring offer”?' });
    expect(within(confirm).getByRole('button', { name: 'Cancel' })).toHaveFocus();
    const button = within(confirm).getByRole('button', { name: 'Delete' });
    expect(button).toHaveClass('button-danger');
    await user.click(button);
    expect(await findToast('Template “Spring offer” deleted.')).toHaveClass('toast-success');
    expect(calls()).toContain('DELETE /api/v1/messaging/templates/3');
    await waitFor(() => expect(screen.queryByRole('rowheader', { name: 'Spring offer' })).not.toBeInTheDocument());
  });

  it('explains that a template campaigns use cannot be deleted', async () => {
    fakeTemplatesApi([spring], (request) =>
      request.method === 'DELETE'
        ? problemResponse({ type: `${PROBLEMS}/template-in-use`, title: 'In use', status: 409, detail: 'Campaigns use it' })
        : undefined,
    );
    const { user } = renderScreen();
    await user.click(await screen.findByRole('button', { name: 'Delete Spring offer' }));
    await user.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Delete' }));
    expect(
      await findToast('Template “Spring offer” can’t be deleted: campaigns use it. It stays as long as a campaign refers to it.'),
    ).toHaveClass('toast-error');
    expect(screen.getByRole('rowheader', { name: 'Spring offer' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Delete Spring offer' })).toHaveFocus();
  });

  it('speaks Chinese', async () => {
    setLocale('zh-CN');
    fakeTemplatesApi();
    renderScreen();
    expect(screen.getByRole('heading', { name: '消息模板', level: 1 })).toBeInTheDocument();
    const table = await screen.findByRole('table', { name: '全部模板' });
    expect(within(table).getByText('邮件')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '新建模板' })).toBeInTheDocument();
  });
});
