import { describe, expect, it } from 'vitest';
import { currencyDigits, decimalString, formatMoney, formatMoneyCompact, parseDecimal, roundHalfUp } from './money';

describe('money', () => {
  it('reads decimal strings as exact scaled integers, refusing what is no such decimal', () => {
    expect(parseDecimal('12.5', 4)).toBe(125000n);
    expect(parseDecimal('0.0375', 4)).toBe(375n);
    expect(parseDecimal('12345678901234.9999', 4)).toBe(123456789012349999n);
    expect(parseDecimal('1.23456', 4)).toBeNull();
    expect(parseDecimal('12,50', 4)).toBeNull();
    expect(parseDecimal('-1', 4)).toBeNull();
  });

  it('writes scaled integers back, and rounds half up as an invoice does', () => {
    expect(decimalString(125000n, 4)).toBe('12.5000');
    expect(decimalString(5n, 2)).toBe('0.05');
    expect(decimalString(1250n, 0)).toBe('1250');
    expect(roundHalfUp(12345n, 1)).toBe(1235n);
    expect(roundHalfUp(12344n, 1)).toBe(1234n);
    expect(roundHalfUp(-12345n, 1)).toBe(-1235n);
  });

  it('knows each currency’s minor unit', () => {
    expect(currencyDigits('USD')).toBe(2);
    expect(currencyDigits('JPY')).toBe(0);
    expect(currencyDigits('KWD')).toBe(3);
  });

  it('formats amounts in the reader’s language, keeping every decimal a price has', () => {
    expect(formatMoney('1234.5', 'USD', 'en')).toBe('$1,234.50');
    expect(formatMoney('0.0375', 'USD', 'en')).toBe('$0.0375');
    expect(formatMoney('1250', 'JPY', 'en')).toBe('¥1,250');
    expect(formatMoney('12345678901234.56', 'USD', 'en')).toBe('$12,345,678,901,234.56');
    expect(formatMoney('1234.5', 'USD', 'zh-CN')).toBe('US$1,234.50');
    expect(formatMoney('oops', 'USD', 'en')).toBe('oops USD');
  });

  it('writes an axis scale short, in the reader’s language', () => {
    expect(formatMoneyCompact(125000, 'USD', 'en')).toBe('$125K');
    expect(formatMoneyCompact(1250000, 'USD', 'en')).toBe('$1.3M');
    expect(formatMoneyCompact(0, 'USD', 'en')).toBe('$0');
    expect(formatMoneyCompact(125000, 'USD', 'zh-CN')).toBe('US$12.5万');
    expect(formatMoneyCompact(5, 'XYZ1', 'en')).toBe('5 XYZ1');
  });
});
