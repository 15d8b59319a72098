import { IntlMessageFormat } from 'intl-messageformat';
import { useCallback, useMemo, useSyncExternalStore } from 'react';
import { en, type Dictionary, type MessageKey } from './en';

export type { MessageKey } from './en';

export const LOCALES = ['en', 'zh-CN'] as const;
export type Locale = (typeof LOCALES)[number];

/** Each language is named in itself, so a reader finds theirs whatever is shown. */
export const LOCALE_NAMES: Record<Locale, string> = { en: 'English', 'zh-CN': '简体中文' };

export type MessageParams = Record<string, string | number>;
/** A message not yet translated: what problem.ts and forms hand to the UI. */
export interface Message {
  key: MessageKey;
  params?: MessageParams;
}
export type Translate = (key: MessageKey, params?: MessageParams) => string;

/**
 * English is in the first script (the fallback and the type of every dictionary); each other language is a chunk
 * of its own, fetched before the first render when it is the reader's (main.tsx) or when they switch to it: no
 * reader downloads a language they do not read (the Chinese one alone is ~40 kB compressed).
 */
const dictionaries: Partial<Record<Locale, Dictionary>> = { en };
const loaders: Record<Exclude<Locale, 'en'>, () => Promise<Dictionary>> = {
  'zh-CN': () => import('./zh-CN').then((module) => module.zhCN),
};

/** Fetches a language's messages once; resolves at once when they are here. */
export async function loadLocale(locale: Locale): Promise<void> {
  if (locale === 'en' || dictionaries[locale]) return;
  dictionaries[locale] = await loaders[locale]();
}

/** For tests, which render in any language at once: a language's messages, given instead of fetched. */
export function provideDictionary(locale: Locale, dictionary: Dictionary): void {
  dictionaries[locale] = dictionary;
}

const STORAGE_KEY = 'harbor.locale';
const listeners = new Set<() => void>();

function isLocale(value: unknown): value is Locale {
  return LOCALES.includes(value as Locale);
}

function detectLocale(): Locale {
  const stored = localStorage.getItem(STORAGE_KEY);
  if (isLocale(stored)) return stored;
  return navigator.language.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

let currentLocale: Locale | null = null;

export function getLocale(): Locale {
  currentLocale ??= detectLocale();
  return currentLocale;
}

/** Switches the language: at once when its messages are here, once they have arrived otherwise. */
export function setLocale(locale: Locale): void {
  localStorage.setItem(STORAGE_KEY, locale);
  if (!dictionaries[locale]) {
    // The page stays in its language until the other arrives; a later choice wins over this one.
    void loadLocale(locale).then(() => {
      if (localStorage.getItem(STORAGE_KEY) === locale) setLocale(locale);
    });
    return;
  }
  currentLocale = locale;
  document.documentElement.lang = locale;
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Compiled ICU messages, one per language and key, made on first use. */
const compiled = new Map<string, IntlMessageFormat>();

/** A language's message; English until that language has arrived (main.tsx waits for it, so only in a switch). */
function template(locale: Locale, key: MessageKey): string {
  return (dictionaries[locale] ?? en)[key];
}

function messageFormat(locale: Locale, key: MessageKey): IntlMessageFormat {
  const cacheKey = `${locale}:${key}`;
  let format = compiled.get(cacheKey);
  if (!format) {
    // ignoreTag: messages are plain text, so a "<" in one is a character, not the start of rich text.
    format = new IntlMessageFormat(template(locale, key), locale, undefined, { ignoreTag: true });
    compiled.set(cacheKey, format);
  }
  return format;
}

/**
 * A message in ICU MessageFormat: `{count, plural, one {# customer} other {# customers}}` picks the language's
 * plural form, and numbers are written as the language writes them (12,345). A placeholder without a value
 * stays visible rather than being invented.
 */
export function translate(locale: Locale, key: MessageKey, params?: MessageParams): string {
  const text = template(locale, key);
  if (!params) return text;
  try {
    return String(messageFormat(locale, key).format(params));
  } catch {
    // A value missing for some placeholder: fill in what is given, leave the rest as written.
    return text.replace(/\{(\w+)\}/g, (placeholder, name: string) =>
      name in params ? String(params[name]) : placeholder,
    );
  }
}

export function useLocale(): Locale {
  return useSyncExternalStore(subscribe, getLocale);
}

export function useT(): Translate {
  const locale = useLocale();
  return useCallback<Translate>((key, params) => translate(locale, key, params), [locale]);
}

export interface Formatters {
  /** A date-time in the given IANA time zone, or the browser's when omitted. */
  dateTime: (iso: string, timeZone?: string) => string;
  /** A calendar date in the browser's time zone. */
  date: (iso: string) => string;
  number: (value: number) => string;
}

/** Intl formatters are costly to make (a list of 50 customers writes 100 dates): one per language, kind and zone. */
const intlFormats = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();

function intlFormat<T extends Intl.DateTimeFormat | Intl.NumberFormat>(key: string, make: () => T): T {
  let format = intlFormats.get(key) as T | undefined;
  if (!format) {
    format = make();
    intlFormats.set(key, format);
  }
  return format;
}

export function useFormatters(): Formatters {
  const locale = useLocale();
  return useMemo(
    () => ({
      dateTime: (iso, timeZone) => {
        const options: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'short' };
        let format: Intl.DateTimeFormat;
        try {
          format = intlFormat(`dateTime|${locale}|${timeZone ?? ''}`, () => new Intl.DateTimeFormat(locale, { ...options, timeZone }));
        } catch {
          // A time zone this browser does not know must not break the page.
          format = intlFormat(`dateTime|${locale}|`, () => new Intl.DateTimeFormat(locale, options));
        }
        return format.format(new Date(iso));
      },
      date: (iso) =>
        intlFormat(`date|${locale}`, () => new Intl.DateTimeFormat(locale, { dateStyle: 'medium' })).format(new Date(iso)),
      number: (value) => intlFormat(`number|${locale}`, () => new Intl.NumberFormat(locale)).format(value),
    }),
    [locale],
  );
}

/** For tests: forget the remembered language so the next read detects it anew. */
export function resetLocaleForTests(): void {
  currentLocale = null;
}
