import { describe, expect, it } from 'vitest';
import { customer } from '../components/test-api';
import { columnCustomers, withCustomer, withoutCustomer, type ColumnData } from './list-column';

const column: ColumnData = {
  pages: [
    { items: [customer(1), customer(2)], nextCursor: 'next', total: 3 },
    { items: [customer(3)], nextCursor: null },
  ],
  pageParams: [undefined, 'next'],
};

describe('A column changed on the spot', () => {
  it('loses a card and counts one less', () => {
    const changed = withoutCustomer(column, 3);
    expect(columnCustomers(changed).map((item) => item.id)).toEqual([1, 2]);
    expect(changed?.pages[0]?.total).toBe(2);
    // A card it does not show changes nothing.
    expect(withoutCustomer(column, 9)).toBe(column);
    expect(withoutCustomer(undefined, 1)).toBeUndefined();
  });

  it('gets a card on top and counts one more, or has it replaced where it is', () => {
    const added = withCustomer(column, customer(7, { stage: 'INQUIRY' }));
    expect(columnCustomers(added).map((item) => item.id)).toEqual([7, 1, 2, 3]);
    expect(added?.pages[0]?.total).toBe(4);
    const replaced = withCustomer(column, customer(2, { version: 9 }));
    expect(columnCustomers(replaced).find((item) => item.id === 2)?.version).toBe(9);
    expect(replaced?.pages[0]?.total).toBe(3);
  });

  it('shows a card once even when a later page brings it again', () => {
    const twice: ColumnData = { ...column, pages: [...column.pages, { items: [customer(1), customer(4)], nextCursor: null }] };
    expect(columnCustomers(twice).map((item) => item.id)).toEqual([1, 2, 3, 4]);
  });
});
