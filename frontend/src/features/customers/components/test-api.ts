import { jsonResponse, mockFetch } from '@/testing/fetch-mock';
import type { Customer } from '../api/list-customers';

export const PROBLEMS = 'https://harbor-crm.dev/problems';

export function customer(id: number, overrides: Partial<Customer> = {}): Customer {
  return {
    id,
    name: `Customer ${id}`,
    imAccounts: [],
    purchaseCategories: [],
    source: 'MANUAL',
    stage: 'INQUIRY',
    stars: 1,
    status: 'ACTIVE',
    customFields: {},
    tags: [],
    ownerId: 1,
    poolId: 0,
    createdAt: '2026-03-01T08:00:00Z',
    updatedAt: '2026-03-01T08:00:00Z',
    inquiryCount: 0,
    potentialScore: 40,
    poolReturn: null,
    version: 1,
    ...overrides,
  };
}

export const tags = [
  { id: 7, name: 'Key account', color: '#E53935', group: null, customerCount: 2, version: 0 },
  { id: 8, name: 'Hinges', color: '#1E88E5', group: 'Purchase category', customerCount: 1, version: 0 },
];

export const customFields = [
  { id: 1, key: 'incoterm', label: 'Incoterm', type: 'SELECT' as const, options: ['FOB', 'CIF'], required: false, version: 0 },
];

/**
 * A fake API for the customer screens: lists answer from the given handlers, the settings lists
 * with `tags` and `customFields`. `route` answers first when it returns a response.
 */
export function fakeApi(
  route: (request: Request, url: URL) => Response | undefined | Promise<Response | undefined>,
) {
  return mockFetch(async (request) => {
    const url = new URL(request.url);
    const answered = await route(request, url);
    if (answered) return answered;
    if (url.pathname === '/api/v1/tags') return jsonResponse({ items: tags, nextCursor: null });
    if (url.pathname === '/api/v1/custom-fields') return jsonResponse({ items: customFields });
    if (url.pathname === '/api/v1/views') return jsonResponse({ items: [], nextCursor: null });
    return jsonResponse({ items: [], nextCursor: null });
  });
}
