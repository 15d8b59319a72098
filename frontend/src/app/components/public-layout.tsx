import type { ReactNode } from 'react';
import { LanguageSwitch } from '@/components/language-switch';
import { useT } from '@/lib/i18n';

/** The frame of the screens seen before logging in. */
export function PublicLayout({ title, children }: { title: string; children: ReactNode }) {
  const t = useT();
  return (
    <div className="public">
      <header className="public-header">
        <span className="shell-app">{t('app.name')}</span>
        <LanguageSwitch />
      </header>
      <main className="card public-card">
        <h1>{title}</h1>
        {children}
      </main>
    </div>
  );
}
