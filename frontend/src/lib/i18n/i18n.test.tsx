import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { LanguageSwitch } from '@/components/language-switch';
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

  it('leaves unknown placeholders visible rather than inventing values', () => {
    expect(translate('en', 'problem.tooManyAttempts.other')).toBe('Too many attempts, try again in {minutes} minutes.');
  });
});
