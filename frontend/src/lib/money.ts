import { useMemo } from 'react';
import { useLocale, type Locale } from './i18n';

// Amounts travel as decimal strings ("12.50"), never as JSON numbers: a binary double cannot hold every price
// exactly. This module reads and writes them as scaled integers (BigInt) and formats them for people; whatever is
// computed here is a preview, the server's totals are the truth.

/** A price or amount as the API accepts it: up to 14 digits, an optional point and up to 4 decimals. */
export const AMOUNT_PATTERN = /^\d{1,14}(\.\d{1,4})?$/;
/** A line discount in percent: up to 3 digits and 2 decimals (the server also checks 0 to 100). */
export const PERCENT_PATTERN = /^\d{1,3}(\.\d{1,2})?$/;
/** An ISO 4217 code as the API accepts it. */
export const CURRENCY_PATTERN = /^[A-Z]{3}$/;

/** Currencies offered first in the pickers: the ones export trade is mostly quoted in. */
export const COMMON_CURRENCIES = [
  'USD',
  'EUR',
  'CNY',
  'GBP',
  'JPY',
  'HKD',
  'AUD',
  'CAD',
  'CHF',
  'SGD',
  'AED',
  'SAR',
  'INR',
  'KRW',
  'RUB',
  'BRL',
  'MXN',
  'ZAR',
  'TRY',
  'THB',
  'MYR',
  'IDR',
  'VND',
  'PLN',
  'SEK',
  'NZD',
] as const;

/** `text` ("12.5") as an integer count of 10^-scale units (125000n for scale 4); null when it is no such decimal. */
export function parseDecimal(text: string, scale: number): bigint | null {
  const match = /^(\d+)(?:\.(\d+))?$/.exec(text.trim());
  if (!match) return null;
  const fraction = match[2] ?? '';
  if (fraction.length > scale) return null;
  return BigInt((match[1] ?? '0') + fraction.padEnd(scale, '0'));
}

/** An integer count of 10^-scale units as a decimal string with exactly `scale` decimals (125000n, 4 → "12.5000"). */
export function decimalString(units: bigint, scale: number): string {
  const negative = units < 0n;
  const digits = (negative ? -units : units).toString().padStart(scale + 1, '0');
  const whole = scale === 0 ? digits : digits.slice(0, -scale);
  const fraction = scale === 0 ? '' : `.${digits.slice(-scale)}`;
  return `${negative ? '-' : ''}${whole}${fraction}`;
}

/** Divides by 10^digits, rounding half up (away from zero), as the server rounds a commercial amount. */
export function roundHalfUp(units: bigint, digits: number): bigint {
  if (digits <= 0) return units;
  const divisor = 10n ** BigInt(digits);
  const half = divisor / 2n;
  return units >= 0n ? (units + half) / divisor : -((-units + half) / divisor);
}

const numberFormats = new Map<string, Intl.NumberFormat>();

/** Intl.NumberFormat is costly to make (a screen of amounts makes hundreds): one per language and options. */
function numberFormat(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = numberFormats.get(key);
  if (!format) {
    // An unknown currency code throws here, before anything is kept.
    format = new Intl.NumberFormat(locale, options);
    numberFormats.set(key, format);
  }
  return format;
}

/** The currency's minor unit as the browser knows it (2 for USD, 0 for JPY, 3 for KWD); 2 for an unknown code. */
export function currencyDigits(currency: string): number {
  try {
    return numberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
}

/**
 * An amount in the reader's language with its currency ("$1,234.50", "US$1,234.50" in Chinese). Every decimal
 * the amount has is shown (a unit price of 0.0375 stays 0.0375), at least the currency's own.
 */
export function formatMoney(amount: string, currency: string, locale: Locale | string): string {
  // Not a decimal (never from the server): shown as sent rather than as "NaN".
  if (!/^-?\d+(\.\d+)?$/.test(amount)) return `${amount} ${currency}`;
  const decimals = amount.includes('.') ? amount.length - amount.indexOf('.') - 1 : 0;
  try {
    const digits = currencyDigits(currency);
    const format = numberFormat(locale, {
      style: 'currency',
      currency,
      minimumFractionDigits: digits,
      maximumFractionDigits: Math.max(digits, decimals),
    });
    // A decimal string is formatted exactly (Intl.NumberFormat v3); an unknown currency code falls back below.
    return format.format(amount as `${number}`);
  } catch {
    return `${amount} ${currency}`;
  }
}

/**
 * A rounded amount, short, for a chart's axis ("$125K", "US$12.5万"): a number is fine here, as the axis only
 * marks a scale; the figures themselves are shown with `formatMoney`.
 */
export function formatMoneyCompact(value: number, currency: string, locale: Locale | string): string {
  try {
    return numberFormat(locale, {
      style: 'currency',
      currency,
      notation: 'compact',
      minimumFractionDigits: 0,
      maximumFractionDigits: 1,
    }).format(value);
  } catch {
    return `${value} ${currency}`;
  }
}

/** The currency's name in the reader's language ("US Dollar", "美元"), or the code when the browser has none. */
export function currencyName(currency: string, locale: Locale | string): string {
  try {
    return new Intl.DisplayNames([locale], { type: 'currency' }).of(currency) ?? currency;
  } catch {
    return currency;
  }
}

/** Options for a currency select: the common ones and any `extra` (the current value), each "USD · US Dollar". */
export function currencyOptions(locale: Locale | string, extra: readonly string[] = []) {
  const codes = [...new Set([...COMMON_CURRENCIES, ...extra.filter((code) => CURRENCY_PATTERN.test(code))])];
  return codes.map((code) => ({ value: code, label: `${code} · ${currencyName(code, locale)}` }));
}

/** `formatMoney` in the current language. */
export function useMoney() {
  const locale = useLocale();
  return useMemo(() => (amount: string, currency: string) => formatMoney(amount, currency, locale), [locale]);
}
