import { jsonResponse, mockFetch } from '@/testing/fetch-mock';
import type { OrderCustomer } from '../api/get-customer';
import type { Order } from '../api/list-orders';
import type { Product } from '../api/search-products';

export const PROBLEMS = 'https://harbor-crm.dev/problems';

export function customer(id: number, overrides: Partial<OrderCustomer> = {}): OrderCustomer {
  return {
    id,
    name: 'John Miller',
    companyName: 'Miller Hardware Imports LLC',
    imAccounts: [],
    purchaseCategories: [],
    source: 'MANUAL',
    stage: 'INQUIRY',
    stars: 1,
    status: 'ACTIVE',
    customFields: {},
    tags: [],
    ownerId: 9,
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

export function product(id: number, overrides: Partial<Product> = {}): Product {
  return {
    id,
    sku: `SKU-${id}`,
    name: `Product ${id}`,
    unit: 'pcs',
    listPrice: '10.00',
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

export function order(id: number, overrides: Partial<Order> = {}): Order {
  return {
    id,
    customerId: 5,
    customerName: 'Anna Schmidt',
    kind: 'ORDER',
    status: 'DRAFT',
    nextStatuses: ['CONFIRMED', 'CANCELLED'],
    currency: 'USD',
    lines: [
      {
        lineNo: 1,
        productId: 3,
        sku: 'LAMP',
        description: 'Desk lamp',
        quantity: 40,
        unitPrice: '12.50',
        discountPercent: '5',
        lineTotal: '475.00',
      },
      {
        lineNo: 2,
        productId: null,
        sku: null,
        description: 'Freight to Hamburg',
        quantity: 1,
        unitPrice: '150.00',
        discountPercent: '0',
        lineTotal: '150.00',
      },
    ],
    subtotal: '650.00',
    discountTotal: '25.00',
    total: '625.00',
    incoterm: 'FOB',
    expectedShipDate: '2026-04-15',
    notes: 'Packed 4 per carton.',
    convertedFromId: null,
    convertedToId: null,
    ownerId: 9,
    createdBy: 9,
    createdAt: '2026-03-02T08:00:00Z',
    updatedAt: '2026-03-02T08:00:00Z',
    statusChangedAt: '2026-03-02T08:00:00Z',
    version: 4,
    ...overrides,
  };
}

/** A fake API for the order screens: `route` answers first when it returns a response; empty pages otherwise. */
export function ordersApi(route: (request: Request, url: URL) => Response | undefined | Promise<Response | undefined>) {
  return mockFetch(async (request) => {
    const url = new URL(request.url);
    return (await route(request, url)) ?? jsonResponse({ items: [], nextCursor: null });
  });
}
