import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { LanguageSwitch } from '@/components/language-switch';
import { IntlMessageFormat } from 'intl-messageformat';
import { en } from './en';
import { zhCN } from './zh-CN';
import { getLocale, resetLocaleForTests, translate, useFormatters, useT } from '.';

function Greeting() {
  const t = useT();
  const format = useFormatters();
  return (
    <>
      <LanguageSwitch />
      <button type="submit">{t('login.submit')}</button>
      <p>{t('problem.tooManyAttempts.other', { minutes: 5 })}</p>
      <p>{format.number(12345.5)}</p>
    </>
  );
}

describe('i18n', () => {
  it('switches visible texts to Chinese and remembers the choice', async () => {
    const user = userEvent.setup();
    const { unmount } = render(<Greeting />);
    expect(screen.getByRole('button', { name: 'Log in' })).toBeInTheDocument();
    expect(screen.getByText('Too many attempts, try again in 5 minutes.')).toBeInTheDocument();

    await user.selectOptions(screen.getByLabelText('Language'), '简体中文');

    expect(screen.getByRole('button', { name: '登录' })).toBeInTheDocument();
    expect(screen.getByText('尝试次数过多，请 5 分钟后再试。')).toBeInTheDocument();
    expect(screen.getByLabelText('语言')).toHaveValue('zh-CN');
    expect(document.documentElement.lang).toBe('zh-CN');

    // As after a page reload:
    unmount();
    resetLocaleForTests();
    render(<Greeting />);
    expect(getLocale()).toBe('zh-CN');
    expect(screen.getByRole('button', { name: '登录' })).toBeInTheDocument();
  });

  it('starts in Chinese for a Chinese browser, in English otherwise', () => {
    vi.spyOn(navigator, 'language', 'get').mockReturnValue('zh-TW');
    expect(getLocale()).toBe('zh-CN');
    resetLocaleForTests();
    vi.spyOn(navigator, 'language', 'get').mockReturnValue('de-DE');
    expect(getLocale()).toBe('en');
  });

  it('formats numbers for the language', () => {
    render(<Greeting />);
    expect(screen.getByText('12,345.5')).toBeInTheDocument();
  });

  it('picks the plural form the language needs, and writes counts as the language writes numbers', () => {
    expect(translate('en', 'pool.claim.done', { count: 1 })).toBe('Claimed 1 customer: it is yours now.');
    expect(translate('en', 'pool.claim.done', { count: 2 })).toBe('Claimed 2 customers: they are yours now.');
    expect(translate('en', 'customers.total', { count: 0 })).toBe('0 customers match');
    expect(translate('en', 'customers.total', { count: 1048576 })).toBe('1,048,576 customers match');
    expect(translate('en', 'duplicates.merged', { count: 1, name: 'Acme' })).toBe('Merged 1 customer into Acme.');
    expect(translate('zh-CN', 'pool.claim.done', { count: 1 })).toContain('1');
    expect(translate('en', 'imports.rejected.download', { count: 1 })).toBe('Download the refused row');
  });

  it('has every message in valid ICU syntax, with the same placeholders in both languages', () => {
    const placeholders = (message: string, locale: string) => {
      const format = new IntlMessageFormat(message, locale, undefined, { ignoreTag: true });
      const names = new Set<string>();
      const walk = (elements: ReturnType<typeof format.getAst>) => {
        for (const element of elements) {
          if ('value' in element && typeof element.value === 'string' && element.type !== 0) names.add(element.value);
          if ('options' in element) for (const option of Object.values(element.options)) walk(option.value);
        }
      };
      walk(format.getAst());
      return [...names].sort();
    };
    const mismatched = Object.keys(en).filter((key) => {
      const k = key as keyof typeof en;
      return placeholders(en[k], 'en').join() !== placeholders(zhCN[k], 'zh-CN').join();
    });
    expect(mismatched).toEqual([]);
  });

  it('keeps a value that looks like markup as text', () => {
    expect(translate('en', 'duplicates.merged', { count: 3, name: '<b>Acme</b>' })).toBe('Merged 3 customers into <b>Acme</b>.');
  });

  it('leaves unknown placeholders visible rather than inventing values', () => {
    expect(translate('en', 'problem.tooManyAttempts.other')).toBe('Too many attempts, try again in {minutes} minutes.');
  });
});
