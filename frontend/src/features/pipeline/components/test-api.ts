import type { CustomerStage } from '@/lib/domain';
import { jsonResponse, mockFetch, problemResponse } from '@/testing/fetch-mock';
import type { Customer } from '../api/list-column';

export const PROBLEMS = 'https://harbor-crm.dev/problems';

export function customer(id: number, overrides: Partial<Customer> = {}): Customer {
  return {
    id,
    name: `Customer ${id}`,
    imAccounts: [],
    purchaseCategories: [],
    source: 'ALIBABA_INQUIRY',
    stage: 'INQUIRY',
    stars: 2,
    status: 'ACTIVE',
    customFields: {},
    tags: [],
    ownerId: 5,
    poolId: 0,
    createdAt: '2026-03-01T08:00:00Z',
    updatedAt: '2026-03-01T08:00:00Z',
    inquiryCount: 1,
    potentialScore: 50,
    poolReturn: null,
    version: 1,
    ...overrides,
  };
}

type Answer = (request: Request, url: URL) => Response | undefined | Promise<Response | undefined>;

/**
 * A small customer store behind GET /customers (stage, status, q, tag, ownerId, limit, cursor, includeTotal),
 * PATCH /customers/{id} (If-Match checked against the version) and POST /customers/{id}/lost; `route` answers first.
 */
export function pipelineApi(initial: Customer[], route: Answer = () => undefined) {
  const store = initial.map((item) => ({ ...item }));
  const mock = mockFetch(async (request) => {
    const url = new URL(request.url);
    const answered = await route(request, url);
    if (answered) return answered;
    const path = url.pathname;
    if (path === '/api/v1/customers' && request.method === 'GET') {
      const params = url.searchParams;
      const stages = params.getAll('stage');
      const statuses = params.getAll('status');
      const tags = params.getAll('tag').map(Number);
      const q = params.get('q')?.toLowerCase();
      const ownerId = params.get('ownerId');
      const matches = store.filter(
        (item) =>
          (stages.length === 0 || stages.includes(item.stage)) &&
          (statuses.length === 0 || statuses.includes(item.status)) &&
          (tags.length === 0 || item.tags.some((tag) => tags.includes(tag.id))) &&
          (!q || item.name.toLowerCase().includes(q)) &&
          (!ownerId || String(item.ownerId) === ownerId),
      );
      const limit = Number(params.get('limit') ?? 50);
      const offset = Number(params.get('cursor') ?? 0);
      const items = matches.slice(offset, offset + limit);
      const nextCursor = offset + limit < matches.length ? String(offset + limit) : null;
      return jsonResponse({ items, nextCursor, ...(params.get('includeTotal') === 'true' ? { total: matches.length } : {}) });
    }
    const patch = path.match(/^\/api\/v1\/customers\/(\d+)$/);
    if (patch && request.method === 'PATCH') {
      const item = store.find((candidate) => candidate.id === Number(patch[1]));
      if (!item) return problemResponse({ type: `${PROBLEMS}/not-found`, title: 'Not Found', status: 404 });
      if (request.headers.get('If-Match') !== `"${item.version}"`) {
        return problemResponse({ type: `${PROBLEMS}/precondition-failed`, title: 'Precondition Failed', status: 412 });
      }
      Object.assign(item, (await request.json()) as object, { version: item.version + 1 });
      return jsonResponse(item);
    }
    const lost = path.match(/^\/api\/v1\/customers\/(\d+)\/lost$/);
    if (lost && request.method === 'POST') {
      const item = store.find((candidate) => candidate.id === Number(lost[1]));
      if (!item) return problemResponse({ type: `${PROBLEMS}/not-found`, title: 'Not Found', status: 404 });
      item.status = 'LOST';
      item.version += 1;
      return jsonResponse(item);
    }
    if (path === '/api/v1/lost-reasons') {
      return jsonResponse({
        items: [
          { id: 7, name: 'Price too high', archived: false, position: 1, version: 1 },
          { id: 8, name: 'Went silent', archived: false, position: 2, version: 1 },
          { id: 9, name: 'Old reason', archived: true, position: 3, version: 1 },
        ],
      });
    }
    if (path === '/api/v1/tags') {
      return jsonResponse({ items: [{ id: 3, name: 'VIP', color: '#d92d20', group: null, customerCount: 1, version: 1 }], nextCursor: null });
    }
    if (path === '/api/v1/team') {
      return jsonResponse({
        items: [
          { id: 5, name: 'Li Na', role: 'REP' },
          { id: 6, name: 'Wang Wei', role: 'MANAGER' },
        ],
      });
    }
    if (path === '/api/v1/reminders') return jsonResponse({ counts: { overdue: 0, dueToday: 0, returnWarnings: 0, repeatInquiries: 0 }, items: [] });
    return jsonResponse({ items: [], nextCursor: null });
  });
  const customerLists = () =>
    mock.requests.filter((request) => request.method === 'GET' && new URL(request.url).pathname === '/api/v1/customers');
  const columnRequests = (stage: CustomerStage) =>
    customerLists().filter((request) => new URL(request.url).searchParams.getAll('stage').includes(stage));
  return { ...mock, store, customerLists, columnRequests };
}
