import { screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { setLocale } from '@/lib/i18n';
import { saveSession } from '@/lib/session';
import { jsonResponse, mockFetch, problemResponse } from '@/testing/fetch-mock';
import { renderWithProviders } from '@/testing/render';
import type { ImportJob } from '../api/start-import';
import { ImportJobStatus } from './import-job-status';
import { ImportScreen } from './import-screen';

const SLOW = { timeout: 20_000 };
const PROBLEMS = 'https://harbor-crm.dev/problems';

function job(id: number, overrides: Partial<ImportJob> = {}): ImportJob {
  return {
    id,
    status: 'QUEUED',
    phase: 'QUEUED',
    fileName: 'leads.csv',
    fileSize: 120,
    options: { target: 'POOL', duplicatePolicy: 'SKIP', encoding: 'AUTO', delimiter: 'AUTO', mapping: {}, dryRun: true },
    detected: null,
    totalRows: null,
    processedRows: 0,
    created: 0,
    updated: 0,
    skipped: 0,
    rejected: 0,
    createdAt: '2026-03-10T08:00:00Z',
    errorsSample: [],
    warnings: [],
    ...overrides,
  };
}

const detected = {
  encoding: 'UTF-8',
  delimiter: ',',
  columns: [
    { position: 1, header: 'Name', field: 'name' },
    { position: 2, header: 'E-mail', field: 'email' },
    { position: 3, header: 'Memo', field: null },
  ],
};

function doneJob(id: number, dryRun: boolean, overrides: Partial<ImportJob> = {}): ImportJob {
  return job(id, {
    status: 'DONE',
    phase: 'FINISHED',
    options: { ...job(id).options, dryRun },
    detected,
    totalRows: 3,
    processedRows: 3,
    created: 2,
    rejected: 1,
    errorsSample: [{ line: 4, reason: 'Same email as line 2 of this file' }],
    warnings: ['Column “Memo” is ignored'],
    searchReadyAt: '2026-03-10T08:01:00Z',
    ...overrides,
  });
}

const file = () => new File(['Name,E-mail,Memo\nA,a@x.example,\n'], 'leads.csv', { type: 'text/csv' });
const workbook = () =>
  new File([new Uint8Array([0x50, 0x4b, 0x03, 0x04])], 'leads.xlsx', {
    type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  });

interface Upload {
  fields: Record<string, string>;
  file: File | null;
}

/**
 * A fake import API: POST answers with a queued job, GET of a job walks through `steps`, the
 * list shows `history`. Records every upload's form parts.
 */
function importApi({ steps, history = [] as ImportJob[], route }: { steps: Record<number, ImportJob[]>; history?: ImportJob[]; route?: (request: Request, url: URL) => Response | Promise<Response> | undefined }) {
  const uploads: Upload[] = [];
  let nextId = 1;
  const polls: Record<number, number> = {};
  const api = mockFetch(async (request) => {
    const url = new URL(request.url);
    const routed = await route?.(request, url);
    if (routed) return routed;
    if (url.pathname === '/api/v1/imports' && request.method === 'POST') {
      const form = await request.formData();
      const fields: Record<string, string> = {};
      let uploaded: File | null = null;
      for (const [key, value] of form.entries()) {
        if (typeof value === 'string') fields[key] = value;
        else uploaded = value;
      }
      uploads.push({ fields, file: uploaded });
      const id = nextId++;
      return jsonResponse(job(id, { options: { ...job(id).options, dryRun: fields.dryRun === 'true' } }), { status: 202 });
    }
    if (url.pathname === '/api/v1/imports') return jsonResponse({ items: history, nextCursor: null });
    if (url.pathname === '/api/v1/custom-fields') {
      return jsonResponse({ items: [{ id: 1, key: 'incoterm', label: 'Incoterm', type: 'TEXT', options: [], required: false, version: 0 }] });
    }
    if (url.pathname === '/api/v1/team') {
      return jsonResponse({ items: [{ id: 4, name: 'Sam Rep', role: 'REP' }, { id: 5, name: 'Mia Manager', role: 'MANAGER' }] });
    }
    const match = /^\/api\/v1\/imports\/(\d+)$/.exec(url.pathname);
    if (match) {
      const id = Number(match[1]);
      const list = steps[id] ?? [];
      const index = Math.min(polls[id] ?? 0, list.length - 1);
      polls[id] = (polls[id] ?? 0) + 1;
      return jsonResponse(list[index]);
    }
    return new Response(null, { status: 404 });
  });
  return { ...api, uploads };
}

describe('Import', () => {
  beforeEach(() => {
    saveSession({ owner: 'manager-token', expiresAt: '2099-01-01T00:00:00Z' });
  });

  it('checks the file in a dry run and shows how the columns map, the warnings and the refused rows', SLOW, async () => {
    const { uploads } = importApi({ steps: { 1: [job(1, { status: 'RUNNING', phase: 'CHECKING', totalRows: 3, processedRows: 1 }), doneJob(1, true)] } });
    const { user } = renderWithProviders(<ImportScreen />);

    await user.upload(screen.getByLabelText('CSV or Excel file'), file());
    await user.selectOptions(screen.getByLabelText('When a row matches an existing customer'), 'Update the customer');
    await user.selectOptions(screen.getByLabelText('Separator'), 'Semicolon (;)');
    await user.click(screen.getByRole('button', { name: 'Check the file' }));

    const check = await screen.findByRole('region', { name: 'Check of leads.csv' });
    expect(uploads[0]?.fields).toEqual({
      target: 'POOL',
      duplicatePolicy: 'UPDATE',
      encoding: 'AUTO',
      delimiter: ';',
      dryRun: 'true',
    });
    // A file part (jsdom's File loses its name and content on the way into Node's form parser:
    // the browser test checks those).
    expect(uploads[0]?.file).not.toBeNull();

    const preview = await within(check).findByRole('table', { name: 'Columns of the file and the fields they fill' });
    expect(within(preview).getByRole('row', { name: /E-mail Email/ })).toBeInTheDocument();
    expect(within(preview).getByRole('row', { name: /Memo Ignored/ })).toBeInTheDocument();
    expect(check).toHaveTextContent('Read as UTF-8, separated by “,”, 3 data rows.');
    expect(check).toHaveTextContent('Column “Memo” is ignored');
    expect(check).toHaveTextContent('Line 4: Same email as line 2 of this file');
    expect(within(check).getByText('Would be created').nextSibling).toHaveTextContent('2');
    expect(within(check).getByText('Would be refused').nextSibling).toHaveTextContent('1');
    // A dry run has no refused-rows file: nothing was imported.
    expect(within(check).queryByRole('button', { name: /refused rows/ })).not.toBeInTheDocument();
  });

  it('imports for real with the checked options and the mapping overrides, following the job to Done', SLOW, async () => {
    const running = job(3, { status: 'RUNNING', phase: 'WRITING', totalRows: 3, processedRows: 2, options: { ...job(3).options, dryRun: false } });
    const { uploads, requests } = importApi({
      steps: {
        1: [doneJob(1, true)],
        2: [doneJob(2, true)],
        3: [running, doneJob(3, false, { created: 2, updated: 0, skipped: 0, rejected: 1 })],
      },
    });
    const { user } = renderWithProviders(<ImportScreen />);
    await user.upload(screen.getByLabelText('CSV or Excel file'), file());
    await user.click(screen.getByRole('button', { name: 'Check the file' }));
    const check = await screen.findByRole('region', { name: 'Check of leads.csv' });

    // Overriding a column makes the check outdated until it runs again with it.
    const memo = await within(check).findByLabelText('Import column “Memo” into');
    // Custom fields are targets too, by their label.
    expect(await within(memo).findByRole('option', { name: 'Custom field: Incoterm' })).toHaveValue('cf.incoterm');
    await user.selectOptions(memo, 'Notes');
    expect(within(check).queryByRole('button', { name: 'Import for real' })).not.toBeInTheDocument();
    expect(check).toHaveTextContent('check the file again before importing');
    await user.click(screen.getByRole('button', { name: 'Check the file' }));
    await waitFor(() => expect(uploads).toHaveLength(2));
    expect(JSON.parse(uploads[1]?.fields.mapping ?? '{}')).toEqual({ Memo: 'notes' });

    await user.click(await screen.findByRole('button', { name: 'Import for real' }));
    await waitFor(() => expect(uploads).toHaveLength(3));
    expect(uploads[2]?.fields.dryRun).toBe('false');
    expect(JSON.parse(uploads[2]?.fields.mapping ?? '{}')).toEqual({ Memo: 'notes' });

    const run = await screen.findByRole('region', { name: 'Import of leads.csv' });
    const bar = within(run).getByRole('progressbar', { name: 'Import progress' });
    await waitFor(() => expect(within(run).getByRole('status')).toHaveTextContent('Done'), { timeout: 8000 });
    expect(bar).toHaveAttribute('aria-valuenow', '3');
    expect(bar).toHaveAttribute('aria-valuemax', '3');
    expect(bar).toHaveAttribute('aria-valuetext', 'Finished: 3 of 3 rows');
    expect(within(run).getByText('Created').nextSibling).toHaveTextContent('2');
    expect(within(run).getByText('Refused').nextSibling).toHaveTextContent('1');
    // Polled with the session's token until final, and no more.
    const polls = requests.filter((request) => new URL(request.url).pathname === '/api/v1/imports/3');
    expect(polls.every((request) => request.headers.get('X-Requested-By') === 'harbor-web')).toBe(true);
    const count = polls.length;
    await new Promise((done) => setTimeout(done, 1600));
    expect(requests.filter((request) => new URL(request.url).pathname === '/api/v1/imports/3')).toHaveLength(count);
  });

  it('puts the new customers in the pool chosen, when the store has more than one', SLOW, async () => {
    const { uploads } = importApi({
      steps: { 1: [doneJob(1, true)] },
      route: (_request, url) =>
        url.pathname === '/api/v1/pools'
          ? jsonResponse({
              items: [
                { id: 0, name: 'Main pool', everyone: true, isDefault: true, memberIds: [], customerCount: 12, createdAt: '2026-03-01T08:00:00Z', updatedAt: '2026-03-01T08:00:00Z', version: 0 },
                { id: 9, name: 'Lighting fair', everyone: true, isDefault: false, memberIds: [], customerCount: 0, createdAt: '2026-03-01T08:00:00Z', updatedAt: '2026-03-01T08:00:00Z', version: 0 },
              ],
            })
          : undefined,
    });
    const { user } = renderWithProviders(<ImportScreen />);
    await user.upload(screen.getByLabelText('CSV or Excel file'), file());
    const pool = await screen.findByLabelText('Into the pool');
    expect(pool).toHaveValue('0');
    await user.selectOptions(pool, 'Lighting fair');
    await user.click(screen.getByRole('button', { name: 'Check the file' }));
    await waitFor(() => expect(uploads).toHaveLength(1));
    expect(uploads[0]?.fields.poolId).toBe('9');
    // Owned customers: the pool they will return to.
    await user.selectOptions(screen.getByLabelText('New customers go to'), 'OWNER');
    expect(screen.getByLabelText('Pool they return to')).toHaveValue('9');
  });

  it('says search is still indexing a finished import, follows it until it has caught up, then stops', SLOW, async () => {
    const catchingUp = doneJob(7, false, { created: 2, rejected: 0, errorsSample: [], searchReadyAt: null });
    const { requests } = importApi({ steps: { 7: [catchingUp, catchingUp, doneJob(7, false, { created: 2, rejected: 0, errorsSample: [] })] } });
    renderWithProviders(<ImportJobStatus jobId={7} />);

    const run = await screen.findByRole('region', { name: 'Import of leads.csv' });
    const note = await within(run).findByText(/Search is still indexing them/);
    expect(note).toHaveAttribute('role', 'status');
    expect(within(run).getByText('Created').nextSibling).toHaveTextContent('2');
    await waitFor(() => expect(within(run).queryByText(/Search is still indexing them/)).not.toBeInTheDocument(), { timeout: 8000 });
    const polls = () => requests.filter((request) => new URL(request.url).pathname === '/api/v1/imports/7').length;
    const count = polls();
    expect(count).toBeGreaterThanOrEqual(3);
    await new Promise((done) => setTimeout(done, 2500));
    expect(polls()).toBe(count);
  });

  it('shows the bar with its values while the job runs, and none before the row count is known', SLOW, async () => {
    importApi({
      steps: {
        1: [
          job(1, { status: 'QUEUED' }),
          job(1, { status: 'RUNNING', phase: 'CHECKING', totalRows: 200, processedRows: 50 }),
        ],
      },
    });
    const { user } = renderWithProviders(<ImportScreen />);
    await user.upload(screen.getByLabelText('CSV or Excel file'), file());
    await user.click(screen.getByRole('button', { name: 'Check the file' }));
    const bar = await screen.findByRole('progressbar', { name: 'Import progress' });
    expect(bar).not.toHaveAttribute('aria-valuenow');
    await waitFor(() => expect(bar).toHaveAttribute('aria-valuenow', '50'), { timeout: 8000 });
    expect(bar).toHaveAttribute('aria-valuemax', '200');
    expect(bar).toHaveAttribute('aria-valuetext', 'Checking the rows: 50 of 200 rows');
  });

  it('asks for a file and an owner before sending, and puts the API’s refusal next to the field', SLOW, async () => {
    const { uploads } = importApi({
      steps: {},
      route: (request, url) =>
        url.pathname === '/api/v1/imports' && request.method === 'POST'
          ? problemResponse({
              type: `${PROBLEMS}/validation`,
              title: 'Invalid',
              status: 400,
              errors: [{ field: 'ownerId', message: 'must be an active user of this store', code: 'INVALID' }],
            })
          : undefined,
    });
    const { user } = renderWithProviders(<ImportScreen />);
    await user.click(screen.getByRole('button', { name: 'Check the file' }));
    expect(screen.getByLabelText('CSV or Excel file')).toHaveAccessibleDescription(/Choose a CSV or Excel file first./);

    await user.upload(screen.getByLabelText('CSV or Excel file'), file());
    await user.selectOptions(screen.getByLabelText('New customers go to'), 'One owner');
    const owner = screen.getByLabelText('Owner');
    await user.click(screen.getByRole('button', { name: 'Check the file' }));
    expect(owner).toHaveAccessibleDescription('Choose who owns the new customers.');
    expect(uploads).toHaveLength(0);

    await screen.findByRole('option', { name: 'Mia Manager (Manager)' });
    await user.selectOptions(owner, 'Mia Manager (Manager)');
    await user.click(screen.getByRole('button', { name: 'Check the file' }));
    await waitFor(() => expect(owner).toHaveAccessibleDescription('This value is not accepted.'));
    expect(screen.getByRole('alert')).toHaveTextContent('Some details need fixing');
  });

  it('downloads the refused rows with the session’s token, and says so when it fails', SLOW, async () => {
    const createObjectURL = vi.fn(() => 'blob:rejected');
    vi.stubGlobal('URL', Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() }));
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    let fail = false;
    const { requests } = importApi({
      steps: {},
      history: [doneJob(9, false, { fileName: 'march.csv' }), doneJob(8, true, { fileName: 'check.csv' })],
      route: (_request, url) => {
        if (url.pathname !== '/api/v1/imports/9/rejected.csv') return undefined;
        if (fail) return problemResponse({ type: `${PROBLEMS}/conflict`, title: 'Not finished', status: 409 });
        return new Response('Name,E-mail,reason\nTwin,a@x.example,Same email\n', {
          headers: { 'Content-Type': 'text/csv', 'Content-Disposition': 'attachment; filename="import-9-rejected.csv"' },
        });
      },
    });
    const { user } = renderWithProviders(<ImportScreen />);
    const history = await screen.findByRole('table', { name: 'Past imports' });
    expect(within(history).getByRole('row', { name: /march.csv Import Done 2 0 0 1/ })).toBeInTheDocument();
    // A dry run refused nothing for real: no file to download.
    expect(within(history).getByRole('row', { name: /check.csv Check only/ })).not.toHaveTextContent('Download');

    await user.click(within(history).getByRole('button', { name: 'Download the refused rows of import 9' }));
    await waitFor(() => expect(click).toHaveBeenCalled());
    const download = requests.find((request) => new URL(request.url).pathname === '/api/v1/imports/9/rejected.csv');
    expect(download?.headers.get('X-Requested-By')).toBe('harbor-web');
    const blob = (createObjectURL.mock.calls[0] as unknown as [Blob])[0];
    expect(await blob.text()).toContain('Same email');
    expect((click.mock.contexts[0] as HTMLAnchorElement).download).toBe('import-9-rejected.csv');

    fail = true;
    await user.click(within(history).getByRole('button', { name: 'Download the refused rows of import 9' }));
    expect(await within(history).findByRole('alert')).toHaveTextContent('Someone else changed this at the same time.');
  });

  it('reads an Excel workbook: asks for its sheet instead of the encoding and separator, and sends it', SLOW, async () => {
    const { uploads } = importApi({
      steps: {
        1: [doneJob(1, true, { fileName: 'leads.xlsx', options: { ...job(1).options, sheet: 'Leads' } })],
        2: [doneJob(2, true, { fileName: 'leads.xlsx' })],
      },
    });
    const { user } = renderWithProviders(<ImportScreen />);
    const input = screen.getByLabelText('CSV or Excel file');
    expect(input).toHaveAttribute('accept', expect.stringContaining('.xlsx'));
    expect(screen.getByText(/Upload a CSV file or an Excel workbook/)).toBeInTheDocument();
    // A CSV file has an encoding and a separator, and no sheet.
    expect(screen.getByRole('combobox', { name: 'Encoding' })).toBeInTheDocument();
    expect(screen.queryByRole('textbox', { name: 'Sheet' })).not.toBeInTheDocument();

    await user.selectOptions(screen.getByRole('combobox', { name: 'Separator' }), 'Semicolon (;)');
    await user.upload(input, workbook());
    expect(screen.queryByRole('combobox', { name: 'Encoding' })).not.toBeInTheDocument();
    expect(screen.queryByRole('combobox', { name: 'Separator' })).not.toBeInTheDocument();
    const sheet = screen.getByRole('textbox', { name: 'Sheet' });
    expect(sheet).toHaveAccessibleDescription(/the sheet’s name or its number.*the first sheet is read/);
    await user.type(sheet, ' Leads ');
    await user.click(screen.getByRole('button', { name: 'Check the file' }));

    const check = await screen.findByRole('region', { name: 'Check of leads.xlsx' });
    // The sheet instead of the separator chosen for a CSV file, which a workbook does not have.
    expect(uploads[0]?.fields).toEqual({ target: 'POOL', duplicatePolicy: 'SKIP', sheet: 'Leads', dryRun: 'true' });
    expect(await within(check).findByText('Read from the sheet “Leads”, 3 data rows.')).toBeInTheDocument();

    // Left empty, the first sheet: no sheet part at all.
    await user.clear(sheet);
    await user.click(screen.getByRole('button', { name: 'Check the file' }));
    await waitFor(() => expect(uploads).toHaveLength(2));
    expect(uploads[1]?.fields).not.toHaveProperty('sheet');
    expect(await screen.findByText('Read from the first sheet, 3 data rows.')).toBeInTheDocument();

    // Back to a CSV file: its options again, the separator as chosen.
    await user.upload(input, file());
    expect(screen.getByRole('combobox', { name: 'Separator' })).toHaveValue(';');
    expect(screen.queryByRole('textbox', { name: 'Sheet' })).not.toBeInTheDocument();
  });

  it('says next to the Sheet field what the API refused about it, and checks its length before sending', SLOW, async () => {
    const { uploads } = importApi({
      steps: {},
      route: (request, url) =>
        url.pathname === '/api/v1/imports' && request.method === 'POST'
          ? problemResponse({
              type: `${PROBLEMS}/validation`,
              title: 'Invalid',
              status: 400,
              errors: [{ field: 'sheet', message: 'must be a sheet\'s name (at most 31 characters) or its position', code: 'LENGTH' }],
            })
          : undefined,
    });
    const { user } = renderWithProviders(<ImportScreen />);
    await user.upload(screen.getByLabelText('CSV or Excel file'), workbook());
    const sheet = screen.getByRole('textbox', { name: 'Sheet' });

    await user.type(sheet, 'x'.repeat(32));
    await user.click(screen.getByRole('button', { name: 'Check the file' }));
    expect(sheet).toHaveAccessibleDescription(/Enter the sheet’s name \(at most 31 characters\) or its number\./);
    expect(uploads).toHaveLength(0);

    await user.clear(sheet);
    await user.type(sheet, 'Leads');
    await user.click(screen.getByRole('button', { name: 'Check the file' }));
    await waitFor(() => expect(sheet).toHaveAttribute('aria-invalid', 'true'));
    expect(sheet).toHaveAccessibleDescription(/Enter the sheet’s name \(at most 31 characters\) or its number\./);
    expect(screen.getByRole('alert')).toHaveTextContent('Some details need fixing');
    expect(screen.getByRole('alert')).not.toHaveTextContent('sheet');
  });

  it('downloads the refused rows of a workbook as a workbook', SLOW, async () => {
    const createObjectURL = vi.fn(() => 'blob:rejected');
    vi.stubGlobal('URL', Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() }));
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    const { requests } = importApi({
      steps: {},
      history: [doneJob(12, false, { fileName: 'Leads.XLSX' }), doneJob(11, false, { fileName: 'march.csv' })],
      route: (_request, url) =>
        url.pathname === '/api/v1/imports/12/rejected.xlsx'
          ? new Response(new Uint8Array([0x50, 0x4b, 0x03, 0x04]), {
              headers: { 'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
            })
          : undefined,
    });
    const { user } = renderWithProviders(<ImportScreen />);
    const history = await screen.findByRole('table', { name: 'Past imports' });

    await user.click(within(history).getByRole('button', { name: 'Download the refused rows of import 12' }));
    await waitFor(() => expect(click).toHaveBeenCalled());
    const downloads = requests
      .map((request) => new URL(request.url).pathname)
      .filter((path) => path.includes('/rejected.'));
    expect(downloads).toEqual(['/api/v1/imports/12/rejected.xlsx']);
    // No name from the server: the fallback keeps the workbook's extension.
    expect((click.mock.contexts[0] as HTMLAnchorElement).download).toBe('import-12-rejected.xlsx');
  });

  it('tells why a job failed, with the line', SLOW, async () => {
    importApi({
      steps: { 1: [job(1, { status: 'FAILED', phase: 'READING', failure: 'Unclosed quote', failureLine: 17 })] },
    });
    const { user } = renderWithProviders(<ImportScreen />);
    await user.upload(screen.getByLabelText('CSV or Excel file'), file());
    await user.click(screen.getByRole('button', { name: 'Check the file' }));
    expect(await screen.findByText('The import stopped at line 17 and saved nothing: Unclosed quote')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Import for real' })).not.toBeInTheDocument();
  });

  it('speaks Chinese when chosen', SLOW, async () => {
    setLocale('zh-CN');
    importApi({ steps: {} });
    renderWithProviders(<ImportScreen />);
    expect(await screen.findByText('还没有导入记录。')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '检查文件' })).toBeInTheDocument();
    expect(screen.getByLabelText('CSV 或 Excel 文件')).toBeInTheDocument();
  });
});
