import { AMOUNT_PATTERN, currencyDigits, decimalString, parseDecimal, PERCENT_PATTERN, roundHalfUp } from '@/lib/money';

// A preview of an order's totals while it is typed, computed as the server computes them (OrderPricing): exact
// decimals held as integers, never floating point. The server's answer after saving is the truth.

/** Unit prices carry up to 4 decimals, discounts up to 2. */
const PRICE_SCALE = 4;
const PERCENT_SCALE = 2;
const HUNDRED_PERCENT = 100n * 10n ** BigInt(PERCENT_SCALE);
export const MAX_QUANTITY = 1_000_000_000;

/** A line as typed: every figure a string from its input. */
export interface LineFigures {
  quantity: string;
  unitPrice: string;
  /** Empty for no discount. */
  discountPercent: string;
}

export interface TotalsPreview {
  /** Each line's total as a decimal string, or null when its quantity or price is missing or not valid. */
  lineTotals: (string | null)[];
  subtotal: string;
  discountTotal: string;
  total: string;
  /** False when some line is left out for lack of a valid quantity or price. */
  complete: boolean;
}

/** A whole quantity from 1 to MAX_QUANTITY, or null. */
export function parseQuantity(text: string): bigint | null {
  const trimmed = text.trim();
  if (!/^\d{1,10}$/.test(trimmed)) return null;
  const quantity = BigInt(trimmed);
  return quantity >= 1n && quantity <= BigInt(MAX_QUANTITY) ? quantity : null;
}

/** A unit price as the API takes it, in units of 10^-4; null when not one. */
export function parseUnitPrice(text: string): bigint | null {
  return AMOUNT_PATTERN.test(text.trim()) ? parseDecimal(text, PRICE_SCALE) : null;
}

/** A discount from 0 to 100 percent in units of 10^-2 percent (empty is 0); null when not one. */
export function parseDiscount(text: string): bigint | null {
  if (text.trim() === '') return 0n;
  if (!PERCENT_PATTERN.test(text.trim())) return null;
  const discount = parseDecimal(text, PERCENT_SCALE);
  return discount !== null && discount <= HUNDRED_PERCENT ? discount : null;
}

/**
 * Line total = quantity × unit price less the discount, rounded half up to the currency's minor unit; total = the
 * sum of line totals; subtotal = the rounded sum before discounts; discount = subtotal − total.
 */
export function previewTotals(lines: readonly LineFigures[], currency: string): TotalsPreview {
  const digits = Math.min(currencyDigits(currency), PRICE_SCALE);
  let gross = 0n; // units of 10^-4
  let total = 0n; // minor units
  let complete = true;
  const lineTotals = lines.map((line) => {
    const quantity = parseQuantity(line.quantity);
    const unitPrice = parseUnitPrice(line.unitPrice);
    const discount = parseDiscount(line.discountPercent);
    if (quantity === null || unitPrice === null || discount === null) {
      complete = false;
      return null;
    }
    const lineGross = quantity * unitPrice;
    // × (100 % − discount) / 100 %: units of 10^-4 × 10^-4 = 10^-8.
    const net = lineGross * (HUNDRED_PERCENT - discount);
    const lineTotal = roundHalfUp(net, PRICE_SCALE + PRICE_SCALE - digits);
    gross += lineGross;
    total += lineTotal;
    return decimalString(lineTotal, digits);
  });
  const subtotal = roundHalfUp(gross, PRICE_SCALE - digits);
  return {
    lineTotals,
    subtotal: decimalString(subtotal, digits),
    discountTotal: decimalString(subtotal - total, digits),
    total: decimalString(total, digits),
    complete,
  };
}
