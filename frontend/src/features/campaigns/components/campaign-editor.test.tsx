import { screen, waitFor, within } from '@testing-library/react';
import { createMemoryRouter, RouterProvider, useParams } from 'react-router';
import { describe, expect, it } from 'vitest';
import { jsonResponse, mockFetch, problemResponse } from '@/testing/fetch-mock';
import { renderWithProviders } from '@/testing/render';
import type { CampaignDryRun } from '../api/dry-run-campaign';
import type { Campaign, CampaignInput } from '../api/list-campaigns';
import { CampaignEditor } from './campaign-editor';
import { draft, dryRunResult, emailTemplate, PROBLEMS, sending, smsTemplate } from './campaign-test-data';

function pathOf(request: Request) {
  return new URL(request.url).pathname;
}

function fakeApi({ dryRun = dryRunResult, override }: { dryRun?: CampaignDryRun; override?: (request: Request) => Response | undefined } = {}) {
  let saved: Campaign | null = null;
  const mock = mockFetch(async (request) => {
    const overridden = override?.(request);
    if (overridden) return overridden;
    const path = pathOf(request);
    if (path === '/api/v1/messaging/templates') return jsonResponse({ items: [emailTemplate, smsTemplate] });
    if (path === '/api/v1/views') {
      return jsonResponse({
        items: [
          { id: 12, name: 'Hot German leads', filter: { country: ['DE'] }, sort: '-score', version: 1 },
          { id: 13, name: 'Exhibition 2025', filter: {}, sort: '-createdAt', version: 1 },
        ],
        nextCursor: null,
      });
    }
    if (path === '/api/v1/tags') {
      return jsonResponse({ items: [{ id: 8, name: 'VIP', color: '#f00', group: null, customerCount: 4, version: 1 }] });
    }
    if (path === '/api/v1/campaigns/dry-run') return jsonResponse(dryRun);
    if (path === '/api/v1/campaigns' && request.method === 'POST') {
      const body = (await request.json()) as CampaignInput;
      saved = { ...draft, name: body.name, segment: body.segment, keepPoolTimers: body.keepPoolTimers ?? false, scheduledAt: body.scheduledAt ?? null };
      return jsonResponse(saved, { status: 201, headers: { ETag: '"0"' } });
    }
    if (path === '/api/v1/campaigns/77' && request.method === 'PUT') {
      const body = (await request.json()) as CampaignInput;
      saved = { ...(saved ?? draft), name: body.name, segment: body.segment, version: (saved ?? draft).version + 1 };
      return jsonResponse(saved);
    }
    if (path === '/api/v1/campaigns/77/send') {
      return jsonResponse(saved?.scheduledAt ? { ...sending, status: 'SCHEDULED', scheduledAt: saved.scheduledAt } : sending);
    }
    if (path === '/api/v1/campaigns/77') return jsonResponse(saved ?? draft);
    return problemResponse({ type: `${PROBLEMS}/not-found`, title: 'Not found', status: 404 });
  });
  const find = (method: string, path: string) => mock.requests.filter((request) => request.method === method && pathOf(request) === path);
  return { ...mock, find };
}

function Detail() {
  return <p>Campaign page {useParams().id}</p>;
}

function renderEditor(campaign: Campaign | null = null, timeZone?: string) {
  const router = createMemoryRouter(
    [
      { path: '/campaigns/new', element: <CampaignEditor campaign={campaign} timeZone={timeZone} /> },
      { path: '/campaigns/:id', element: <Detail /> },
    ],
    { initialEntries: ['/campaigns/new'] },
  );
  return { ...renderWithProviders(<RouterProvider router={router} />), router };
}

async function fillBasics(user: ReturnType<typeof renderEditor>['user'], name = 'Spring push') {
  await user.type(screen.getByLabelText('Campaign name'), name);
  const template = await screen.findByLabelText('Template');
  await user.selectOptions(template, 'Spring offer (E-mail, English)');
}

describe('CampaignEditor', () => {
  it('runs a dry run with the filters and shows the counts, the reasons and the sample', async () => {
    const { find } = fakeApi();
    const { user } = renderEditor();
    await fillBasics(user);
    expect(screen.getByText('Sent by E-mail, as the template says.')).toBeInTheDocument();
    const segment = screen.getByRole('group', { name: 'Who it goes to' });
    expect(within(segment).getByRole('radio', { name: 'Customers matching filters' })).toBeChecked();
    await user.click(within(segment).getByRole('checkbox', { name: 'Sample order' }));
    await user.click(within(segment).getByRole('checkbox', { name: 'Inquiry' }));
    // Any of several countries: picked by code and by name.
    await user.click(within(segment).getByRole('combobox', { name: 'Country' }));
    const countrySearch = screen.getByRole('combobox', { name: 'Search countries…' });
    await user.type(countrySearch, 'de');
    await user.keyboard('{Enter}');
    await user.type(countrySearch, 'France');
    await user.keyboard('{Enter}{Escape}');
    expect(within(segment).getByRole('button', { name: 'Remove Germany' })).toBeInTheDocument();
    expect(within(segment).getByRole('button', { name: 'Remove France' })).toBeInTheDocument();
    await user.click(within(segment).getByRole('combobox', { name: 'Tag' }));
    await user.click(await screen.findByRole('option', { name: 'VIP' }));
    await user.keyboard('{Escape}');
    await user.click(within(segment).getByRole('checkbox', { name: 'Only customers with an e-mail address' }));
    await user.click(screen.getByRole('checkbox', { name: 'Keep pool timers' }));
    expect(screen.getByRole('checkbox', { name: 'Keep pool timers' })).toHaveAccessibleDescription(
      'Mass e-mail doesn’t count as a follow-up for the pool timer: with this ticked, customers keep their return dates.',
    );
    await user.click(screen.getByRole('button', { name: 'Dry run' }));

    const result = await screen.findByRole('region', { name: 'Dry run' });
    expect(await find('POST', '/api/v1/campaigns/dry-run')[0]?.json()).toEqual({
      name: 'Spring push',
      templateId: 3,
      // stages in their order, whatever order they were ticked in
      segment: { filter: { stage: ['INQUIRY', 'SAMPLE_ORDER'], country: ['DE', 'FR'], tag: [8], hasEmail: true } },
      scheduledAt: null,
      keepPoolTimers: true,
    });
    expect(within(result).getByText('Would receive it').nextElementSibling).toHaveTextContent('1,234');
    expect(within(result).getByText('Left out').nextElementSibling).toHaveTextContent('38');
    expect(result).toHaveTextContent('1,234 customers would get it now; 38 are left out:');
    const reasons = within(result).getByRole('table', { name: 'Left out, by reason' });
    expect(within(reasons).getAllByRole('row').map((row) => row.textContent)).toEqual([
      'No address for this channel30',
      'No consent to marketing messages5',
      'Unsubscribed2',
      'Address shared with another recipient1',
    ]);
    const sample = within(result).getByRole('region', { name: 'Sample: as customer 40 would get it' });
    expect(sample).toHaveTextContent('New pumps for Schmidt GmbH');
    expect(sample).toHaveTextContent('our spring catalogue is out.');
    const frame = within(sample).getByTitle('The e-mail as HTML');
    expect(frame).toHaveAttribute('sandbox', '');
    expect(frame).toHaveAttribute('srcdoc', dryRunResult.sample?.html);
    expect(find('POST', '/api/v1/campaigns')).toHaveLength(0);

    // changed since: the result says it is out of date
    await user.click(within(segment).getByRole('checkbox', { name: 'Inquiry' }));
    expect(within(result).getByText(/You changed the campaign since this dry run/)).toBeInTheDocument();
  });

  it('reopens a saved filter with every country and tag it has', async () => {
    fakeApi();
    renderEditor({ ...draft, segment: { filter: { country: ['DE', 'FR'], tag: [8] } } });
    const segment = screen.getByRole('group', { name: 'Who it goes to' });
    expect(within(segment).getByRole('radio', { name: 'Customers matching filters' })).toBeChecked();
    expect(within(segment).getByRole('button', { name: 'Remove Germany' })).toBeInTheDocument();
    expect(within(segment).getByRole('button', { name: 'Remove France' })).toBeInTheDocument();
    expect(await within(segment).findByRole('button', { name: 'Remove VIP' })).toBeInTheDocument();
  });

  it('needs no name for a dry run', async () => {
    const { find } = fakeApi();
    const { user } = renderEditor();
    await user.selectOptions(await screen.findByLabelText('Template'), 'Spring offer (E-mail, English)');
    await user.click(screen.getByRole('button', { name: 'Dry run' }));
    await screen.findByRole('region', { name: 'Dry run' });
    expect(((await find('POST', '/api/v1/campaigns/dry-run')[0]?.json()) as CampaignInput).name).toBe('Untitled campaign');
  });

  it('asks before sending, saying to how many customers, then drafts and sends it with its version', async () => {
    const { find } = fakeApi();
    const { user, router } = renderEditor();
    await fillBasics(user);
    const segment = screen.getByRole('group', { name: 'Who it goes to' });
    await user.click(within(segment).getByRole('radio', { name: 'A saved view' }));
    await user.selectOptions(await within(segment).findByLabelText('Saved view'), 'Hot German leads');
    await user.click(screen.getByRole('button', { name: 'Send now' }));

    const confirm = await screen.findByRole('alertdialog', { name: 'Send “Spring push” to 1,234 customers now?' });
    expect(confirm).toHaveAccessibleDescription(/^38 customers are left out \(see the dry run\)\./);
    expect(within(confirm).getByRole('button', { name: 'Cancel' })).toHaveFocus();
    // nothing saved or sent yet
    expect(find('POST', '/api/v1/campaigns')).toHaveLength(0);
    expect(find('POST', '/api/v1/campaigns/77/send')).toHaveLength(0);

    await user.click(within(confirm).getByRole('button', { name: 'Send to 1,234 customers' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/campaigns/77'));
    expect(await find('POST', '/api/v1/campaigns')[0]?.json()).toEqual({
      name: 'Spring push',
      templateId: 3,
      segment: { viewId: 12 },
      scheduledAt: null,
      keepPoolTimers: false,
    });
    const send = find('POST', '/api/v1/campaigns/77/send')[0];
    expect(send?.headers.get('If-Match')).toBe('"0"');
  });

  it('schedules it for a local time, sent as an instant', async () => {
    const { find } = fakeApi();
    const { user, router } = renderEditor();
    await fillBasics(user);
    const segment = screen.getByRole('group', { name: 'Who it goes to' });
    await user.click(within(segment).getByRole('radio', { name: 'A list of customer numbers' }));
    await user.type(within(segment).getByLabelText('Customer numbers'), '40, 41 41\n42');
    await user.type(screen.getByLabelText('Send later (optional)'), '2030-05-01T09:30');
    await user.click(screen.getByRole('button', { name: 'Schedule' }));
    const confirm = await screen.findByRole('alertdialog', { name: /^Schedule “Spring push” for .*\? As of now it would go to 1,234 customers\.$/ });
    await user.click(within(confirm).getByRole('button', { name: 'Schedule' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/campaigns/77'));
    expect(await find('POST', '/api/v1/campaigns')[0]?.json()).toMatchObject({
      segment: { customerIds: [40, 41, 42] },
      scheduledAt: new Date('2030-05-01T09:30').toISOString(),
    });
  });

  it('reads the schedule in the store’s time zone and says so', async () => {
    const { find } = fakeApi();
    const { user } = renderEditor(null, 'Asia/Shanghai');
    await fillBasics(user);
    const segment = screen.getByRole('group', { name: 'Who it goes to' });
    await user.click(within(segment).getByRole('radio', { name: 'A list of customer numbers' }));
    await user.type(within(segment).getByLabelText('Customer numbers'), '40');
    const when = screen.getByLabelText('Send later (optional)');
    expect(when).toHaveAccessibleDescription(expect.stringContaining('In the store’s time zone (Asia/Shanghai)'));
    await user.type(when, '2030-05-01T09:30');
    await user.click(screen.getByRole('button', { name: 'Schedule' }));
    const confirm = await screen.findByRole('alertdialog');
    await user.click(within(confirm).getByRole('button', { name: 'Schedule' }));
    await waitFor(() => expect(find('POST', '/api/v1/campaigns')).toHaveLength(1));
    expect(await find('POST', '/api/v1/campaigns')[0]?.json()).toMatchObject({ scheduledAt: '2030-05-01T01:30:00.000Z' });
  });

  it('does not offer to send when nobody would get it', async () => {
    const { find } = fakeApi({ dryRun: { recipients: 0, skipped: { NO_CONSENT: 4 }, sampleCustomerId: null, sample: null } });
    const { user } = renderEditor();
    await fillBasics(user);
    await user.click(screen.getByRole('button', { name: 'Send now' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Nobody would receive this campaign now.');
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'Dry run' })).toHaveTextContent('No sample: nobody would get this campaign.');
    expect(find('POST', '/api/v1/campaigns')).toHaveLength(0);
  });

  it('says what is wrong with pasted customer numbers without asking the server', async () => {
    const { find } = fakeApi();
    const { user } = renderEditor();
    await fillBasics(user);
    const segment = screen.getByRole('group', { name: 'Who it goes to' });
    await user.click(within(segment).getByRole('radio', { name: 'A list of customer numbers' }));
    const ids = within(segment).getByLabelText('Customer numbers');
    await user.type(ids, '40, abc, 4.5');
    await user.click(screen.getByRole('button', { name: 'Dry run' }));
    await waitFor(() => expect(ids).toHaveAttribute('aria-invalid', 'true'));
    expect(ids).toHaveAccessibleDescription(expect.stringContaining('Not customer numbers: abc, 4.5. Use whole numbers only.'));
    expect(find('POST', '/api/v1/campaigns/dry-run')).toHaveLength(0);
  });

  it('says when the channel is not set up, in its own words', async () => {
    fakeApi({
      override: (request) =>
        pathOf(request) === '/api/v1/campaigns/77/send'
          ? problemResponse({ type: `${PROBLEMS}/messaging-channel-off`, title: 'Off', status: 409 })
          : undefined,
    });
    const { user, router } = renderEditor();
    await fillBasics(user);
    await user.click(screen.getByRole('button', { name: 'Send now' }));
    await user.click(within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Send to 1,234 customers' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('E-mail isn’t set up for this store yet.');
    expect(router.state.location.pathname).toBe('/campaigns/new');
  });

  it('shows the server’s field errors next to the fields', async () => {
    fakeApi({
      override: (request) =>
        request.method === 'POST' && pathOf(request) === '/api/v1/campaigns'
          ? problemResponse({
              type: `${PROBLEMS}/validation`,
              title: 'Invalid',
              status: 400,
              errors: [
                { field: 'name', message: 'size must be between 0 and 120', code: 'LENGTH', min: 0, max: 120 },
                { field: 'segment.viewId', message: 'is not one of your saved views', code: 'INVALID' },
              ],
            })
          : undefined,
    });
    const { user } = renderEditor();
    await fillBasics(user, 'x');
    const segment = screen.getByRole('group', { name: 'Who it goes to' });
    await user.click(within(segment).getByRole('radio', { name: 'A saved view' }));
    await user.selectOptions(await within(segment).findByLabelText('Saved view'), 'Exhibition 2025');
    await user.click(screen.getByRole('button', { name: 'Save draft' }));
    const name = screen.getByLabelText('Campaign name');
    await waitFor(() => expect(name).toHaveAccessibleDescription('At most 120 characters.'));
    expect(within(segment).getByLabelText('Saved view')).toHaveAccessibleDescription('This value is not accepted.');
  });

  it('changes a draft with its version rather than adding another', async () => {
    const { find } = fakeApi();
    const { user, router } = renderEditor(draft);
    expect(screen.getByLabelText('Campaign name')).toHaveValue('Spring push');
    expect(await screen.findByLabelText('Template')).toHaveValue('3');
    expect(screen.getByRole('radio', { name: 'A saved view' })).toBeChecked();
    await user.clear(screen.getByLabelText('Campaign name'));
    await user.type(screen.getByLabelText('Campaign name'), 'Spring push 2');
    await user.click(screen.getByRole('button', { name: 'Save draft' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/campaigns/77'));
    const put = find('PUT', '/api/v1/campaigns/77')[0];
    expect(put?.headers.get('If-Match')).toBe('"0"');
    expect(await put?.json()).toMatchObject({ name: 'Spring push 2', segment: { viewId: 12 } });
    expect(find('POST', '/api/v1/campaigns')).toHaveLength(0);
  });

  it('names every missing part by its field before saving, and asks the server nothing', async () => {
    const { find } = fakeApi();
    const { user } = renderEditor();
    await screen.findByLabelText('Template');
    const segment = screen.getByRole('group', { name: 'Who it goes to' });
    await user.click(within(segment).getByRole('radio', { name: 'A saved view' }));
    await within(segment).findByLabelText('Saved view');
    await user.click(screen.getByRole('button', { name: 'Save draft' }));

    const name = screen.getByLabelText('Campaign name');
    await waitFor(() => expect(name).toHaveAccessibleDescription('Required.'));
    expect(name).toHaveFocus();
    expect(screen.getByLabelText('Template')).toHaveAccessibleDescription(expect.stringContaining('Choose a template.'));
    expect(within(segment).getByLabelText('Saved view')).toHaveAccessibleDescription('Choose a saved view.');
    expect(find('POST', '/api/v1/campaigns')).toHaveLength(0);

    // Checked again as it is typed.
    await user.type(name, 'Spring push');
    expect(name).not.toHaveAttribute('aria-invalid');
  });

  it('puts the server’s word on pasted customer numbers by the box they were pasted in', async () => {
    fakeApi({
      override: (request) =>
        request.method === 'POST' && pathOf(request) === '/api/v1/campaigns'
          ? problemResponse({
              type: `${PROBLEMS}/validation`,
              title: 'Invalid',
              status: 400,
              errors: [{ field: 'segment.customerIds[0]', message: 'is not a customer of this store', code: 'INVALID' }],
            })
          : undefined,
    });
    const { user } = renderEditor();
    await fillBasics(user);
    const segment = screen.getByRole('group', { name: 'Who it goes to' });
    await user.click(within(segment).getByRole('radio', { name: 'A list of customer numbers' }));
    const ids = within(segment).getByLabelText('Customer numbers');
    await user.type(ids, '999');
    await user.click(screen.getByRole('button', { name: 'Save draft' }));

    await waitFor(() => expect(ids).toHaveAttribute('aria-invalid', 'true'));
    expect(ids).toHaveAccessibleDescription(expect.stringContaining('This value is not accepted.'));
    expect(ids).toHaveFocus();
    expect(screen.getByRole('alert')).toHaveTextContent('Some details need fixing');
    expect(screen.getByRole('alert')).not.toHaveTextContent('segment');
  });
});
