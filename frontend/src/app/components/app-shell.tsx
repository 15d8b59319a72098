import { Suspense, useState } from 'react';
import { Link, NavLink, Outlet, useLocation, useNavigate } from 'react-router';
import { LanguageSwitch } from '@/components/language-switch';
import { useMe } from '@/features/auth/api/get-me';
import { AgendaBadge } from '@/features/agenda/components/agenda-badge';
import { useT } from '@/lib/i18n';
import { NavSectionProvider, type NavSection } from '@/lib/nav-section';

export function AppShell() {
  const t = useT();
  const navigate = useNavigate();
  const { data: me } = useMe();
  const { pathname } = useLocation();
  // a page may say it belongs to the pool although its address is a customer's (see useNavSection)
  const [section, setSection] = useState<NavSection | null>(null);
  const inPool = section === 'pool' || pathname === '/pool' || pathname.startsWith('/pool/');
  const inCustomers = !inPool && (pathname === '/customers' || pathname.startsWith('/customers/'));
  return (
    <div className="shell">
      <header className="shell-header">
        <div className="shell-brand">
          <span className="shell-app">{t('app.name')}</span>
          {me && <span className="shell-store">{me.store.name}</span>}
        </div>
        <div className="shell-actions">
          <AgendaBadge />
          {me && (
            <span className="shell-user">
              {t('shell.userMenu', { name: me.user.name, role: t(`role.${me.user.role}`) })}
            </span>
          )}
          <LanguageSwitch />
          <button type="button" onClick={() => void navigate('/logout')}>
            {t('shell.logout')}
          </button>
        </div>
      </header>
      <nav aria-label={t('nav.label')} className="shell-nav">
        <NavLink to="/agenda">{t('agenda.nav')}</NavLink>
        <Link to="/customers" aria-current={inCustomers ? 'page' : undefined}>
          {t(me && me.user.role !== 'REP' ? 'nav.allCustomers' : 'nav.customers')}
        </Link>
        <Link to="/pool" aria-current={inPool ? 'page' : undefined}>
          {t('nav.pool')}
        </Link>
        <NavLink to="/pipeline">{t('nav.pipeline')}</NavLink>
        <NavLink to="/products">{t('nav.products')}</NavLink>
        <NavLink to="/orders">{t('nav.orders')}</NavLink>
        <NavLink to="/inquiries">{t('nav.inquiries')}</NavLink>
        {me && me.user.role !== 'REP' && <NavLink to="/campaigns">{t('campaigns.nav')}</NavLink>}
        <NavLink to="/profile">{t('nav.home')}</NavLink>
        <NavLink to="/settings/notifications">{t('notifications.nav')}</NavLink>
        <NavLink to="/stats">{t('stats.nav')}</NavLink>
        {me && <NavLink to="/activity">{t(me.user.role === 'REP' ? 'activity.navMine' : 'activity.nav')}</NavLink>}
        {me && me.user.role !== 'REP' && <NavLink to="/imports">{t('imports.nav')}</NavLink>}
        {me && me.user.role !== 'REP' && <NavLink to="/settings/tags">{t('nav.tags')}</NavLink>}
        {me?.user.role === 'ADMIN' && <NavLink to="/settings/custom-fields">{t('nav.customFields')}</NavLink>}
        {me?.user.role === 'ADMIN' && <NavLink to="/settings/users">{t('nav.users')}</NavLink>}
        {me && me.user.role !== 'REP' && <NavLink to="/settings/pool-rules">{t('nav.poolRules')}</NavLink>}
        {me && me.user.role !== 'REP' && <NavLink to="/duplicates">{t('nav.duplicates')}</NavLink>}
        {me?.user.role === 'ADMIN' && <NavLink to="/settings/lost-reasons">{t('nav.lostReasons')}</NavLink>}
        {me?.user.role === 'ADMIN' && <NavLink to="/settings/plan-templates">{t('plans.templates.nav')}</NavLink>}
        {me?.user.role === 'ADMIN' && <NavLink to="/settings/store">{t('nav.store')}</NavLink>}
        {me?.user.role === 'ADMIN' && <NavLink to="/settings/api-keys">{t('nav.apiKeys')}</NavLink>}
        {me?.user.role === 'ADMIN' && <NavLink to="/settings/webhooks">{t('nav.webhooks')}</NavLink>}
        {me?.user.role === 'ADMIN' && <NavLink to="/settings/messaging">{t('messagingSettings.nav')}</NavLink>}
        {me && me.user.role !== 'REP' && <NavLink to="/settings/templates">{t('templates.nav')}</NavLink>}
      </nav>
      <main className="shell-main">
        <NavSectionProvider value={setSection}>
          <Suspense fallback={<p role="status">{t('app.loading')}</p>}>
            <Outlet />
          </Suspense>
        </NavSectionProvider>
      </main>
    </div>
  );
}
