import { jsonResponse, mockFetch } from '@/testing/fetch-mock';
import type { StockMovement } from '../api/list-stock-movements';
import type { Product } from '../api/list-products';

export const PROBLEMS = 'https://harbor-crm.dev/problems';

export function product(id: number, overrides: Partial<Product> = {}): Product {
  return {
    id,
    sku: `SKU-${id}`,
    name: `Product ${id}`,
    category: 'Lighting',
    unit: 'pcs',
    listPrice: '12.50',
    currency: 'USD',
    moq: null,
    active: true,
    attributes: {},
    stock: { onHand: 100, reserved: 0, available: 100 },
    createdAt: '2026-03-01T08:00:00Z',
    updatedAt: '2026-03-01T08:00:00Z',
    version: 1,
    ...overrides,
  };
}

export function movement(id: number, overrides: Partial<StockMovement> = {}): StockMovement {
  return {
    id,
    productId: 1,
    kind: 'RECEIVED',
    quantity: 10,
    onHandAfter: 10,
    reservedAfter: 0,
    orderId: null,
    note: null,
    actorId: 1,
    actorName: null,
    createdAt: '2026-03-01T08:00:00Z',
    ...overrides,
  };
}

/**
 * A fake API for the product screens: `route` answers first when it returns a response; the team and empty
 * stock histories otherwise.
 */
export function productsApi(route: (request: Request, url: URL) => Response | undefined | Promise<Response | undefined>) {
  return mockFetch(async (request) => {
    const url = new URL(request.url);
    const answered = await route(request, url);
    if (answered) return answered;
    if (url.pathname === '/api/v1/team') {
      return jsonResponse({ items: [{ id: 7, name: 'Li Na', role: 'MANAGER' }] });
    }
    return jsonResponse({ items: [], nextCursor: null });
  });
}
