import { IntlMessageFormat } from 'intl-messageformat';
import { useCallback, useMemo, useSyncExternalStore } from 'react';
import { en, type Dictionary, type MessageKey } from './en';
import { zhCN } from './zh-CN';

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

const dictionaries: Record<Locale, Dictionary> = { en, 'zh-CN': zhCN };
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

export function setLocale(locale: Locale): void {
  localStorage.setItem(STORAGE_KEY, locale);
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

function messageFormat(locale: Locale, key: MessageKey): IntlMessageFormat {
  const cacheKey = `${locale}:${key}`;
  let format = compiled.get(cacheKey);
  if (!format) {
    // ignoreTag: messages are plain text, so a "<" in one is a character, not the start of rich text.
    format = new IntlMessageFormat(dictionaries[locale][key], locale, undefined, { ignoreTag: true });
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
  const template = dictionaries[locale][key];
  if (!params) return template;
  try {
    return String(messageFormat(locale, key).format(params));
  } catch {
    // A value missing for some placeholder: fill in what is given, leave the rest as written.
    return template.replace(/\{(\w+)\}/g, (placeholder, name: string) =>
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

export function useFormatters(): Formatters {
  const locale = useLocale();
  return useMemo(
    () => ({
      dateTime: (iso, timeZone) => {
        const options: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'short' };
        try {
          return new Intl.DateTimeFormat(locale, { ...options, timeZone }).format(new Date(iso));
        } catch {
          // A time zone this browser does not know must not break the page.
          return new Intl.DateTimeFormat(locale, options).format(new Date(iso));
        }
      },
      date: (iso) => new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(new Date(iso)),
      number: (value) => new Intl.NumberFormat(locale).format(value),
    }),
    [locale],
  );
}

/** For tests: forget the remembered language so the next read detects it anew. */
export function resetLocaleForTests(): void {
  currentLocale = null;
}
