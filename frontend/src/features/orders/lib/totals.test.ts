import { describe, expect, it } from 'vitest';
import { previewTotals } from './totals';

describe('previewTotals', () => {
  it('computes line totals, subtotal, discount and total exactly, rounding each line half up', () => {
    const preview = previewTotals(
      [
        // 3 × 12.345 = 37.035, less 5 % = 35.18325 → 35.18
        { quantity: '3', unitPrice: '12.345', discountPercent: '5' },
        // 0.1 × 3 would be 0.30000000000000004 in floating point
        { quantity: '3', unitPrice: '0.1', discountPercent: '' },
        // 1 × 0.005 = 0.005 → 0.01 (half up)
        { quantity: '1', unitPrice: '0.005', discountPercent: '0' },
      ],
      'USD',
    );
    expect(preview.lineTotals).toEqual(['35.18', '0.30', '0.01']);
    // subtotal: round(37.035 + 0.3 + 0.005 = 37.34) = 37.34; total 35.49; discount 1.85
    expect(preview).toMatchObject({ subtotal: '37.34', total: '35.49', discountTotal: '1.85', complete: true });
  });

  it('rounds to the currency’s own minor unit', () => {
    expect(previewTotals([{ quantity: '7', unitPrice: '333.5', discountPercent: '' }], 'JPY')).toMatchObject({
      lineTotals: ['2335'],
      total: '2335',
    });
  });

  it('leaves out lines without a valid quantity, price or discount, and says the preview is incomplete', () => {
    const preview = previewTotals(
      [
        { quantity: '2', unitPrice: '10', discountPercent: '' },
        { quantity: '', unitPrice: '10', discountPercent: '' },
        { quantity: '1', unitPrice: '1.23456', discountPercent: '' },
        { quantity: '1', unitPrice: '5', discountPercent: '101' },
      ],
      'EUR',
    );
    expect(preview.lineTotals).toEqual(['20.00', null, null, null]);
    expect(preview).toMatchObject({ total: '20.00', complete: false });
  });
});
