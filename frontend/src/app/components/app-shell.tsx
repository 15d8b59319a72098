import { Suspense, useEffect, useRef, useState } from 'react';
import { Link, NavLink, Outlet, useLocation, useNavigate } from 'react-router';
import { LanguageSwitch } from '@/components/language-switch';
import { useAgendaCounts } from '@/features/agenda/api/get-agenda-counts';
import { AgendaBadge } from '@/features/agenda/components/agenda-badge';
import { useMe } from '@/features/auth/api/get-me';
import { NotificationBell } from '@/features/notifications/components/notification-bell';
import { usePoolCount } from '@/features/pool/api/count-pool';
import { SearchTrigger } from '@/features/search/components/search-trigger';
import { useFormatters, useT, type MessageKey } from '@/lib/i18n';
import { NavSectionProvider, type NavSection } from '@/lib/nav-section';
import { NAV_GROUPS, navItems, type NavCount, type NavItem } from './nav-items';

const COUNT_SENTENCES: Record<NavCount, MessageKey> = {
  returning: 'nav.count.returning',
  pool: 'nav.count.pool',
  inquiries: 'nav.count.inquiries',
};

/** The language and the way out: in the header on a laptop, in the open menu on a phone. */
function AccountControls() {
  const t = useT();
  const navigate = useNavigate();
  return (
    <>
      <LanguageSwitch />
      <button type="button" onClick={() => void navigate('/logout')}>
        {t('shell.logout')}
      </button>
    </>
  );
}

/**
 * The workspace: a header (store, search, agenda, user), a sidebar with the areas grouped and what waits in each,
 * and the page. Below 900 px the sidebar folds behind a Menu button (a disclosure, as WAI-ARIA's navigation menu
 * pattern: the links stay one navigation, not a modal).
 */
export function AppShell() {
  const t = useT();
  const format = useFormatters();
  const { data: me } = useMe();
  const { pathname } = useLocation();
  const role = me?.user.role;
  // a page may say it belongs to the pool although its address is a customer's (see useNavSection)
  const [section, setSection] = useState<NavSection | null>(null);
  const inPool = section === 'pool' || pathname === '/pool' || pathname.startsWith('/pool/');
  const inCustomers = !inPool && (pathname === '/customers' || pathname.startsWith('/customers/'));

  const agendaCounts = useAgendaCounts();
  const poolCount = usePoolCount(me !== undefined);
  const counts: Record<NavCount, number | undefined> = {
    returning: agendaCounts.data?.returning,
    pool: poolCount.data?.count,
    inquiries: agendaCounts.data?.repeatInquiries,
  };

  const [menuOpen, setMenuOpen] = useState(false);
  const menuButton = useRef<HTMLButtonElement>(null);
  const nav = useRef<HTMLElement>(null);
  // Going somewhere closes the phone's menu: at once when a link in it is followed (a lazily loaded screen may keep the
  // old location on screen for a moment), and on any other way of going, such as the search.
  useEffect(() => setMenuOpen(false), [pathname]);
  function closeMenuOnLink(event: React.MouseEvent) {
    if ((event.target as HTMLElement).closest('a')) setMenuOpen(false);
  }

  function toggleMenu() {
    const opening = !menuOpen;
    setMenuOpen(opening);
    // Opening puts the person in the list they asked for; the links come after the header in the page's order.
    if (opening) requestAnimationFrame(() => nav.current?.querySelector<HTMLElement>('a')?.focus());
  }

  function closeMenuOnEscape(event: React.KeyboardEvent) {
    if (event.key !== 'Escape' || !menuOpen) return;
    setMenuOpen(false);
    menuButton.current?.focus();
  }

  const items = role ? navItems(role) : [];

  function entry(item: NavItem) {
    const count = item.count ? counts[item.count] : undefined;
    const countId = item.count ? `nav-count-${item.count}` : undefined;
    // The pool is counted up to a bound: "1,000+" when more wait.
    const more = item.count === 'pool' && poolCount.data?.capped === true;
    const shown = count !== undefined && count > 0;
    const described = shown ? countId : undefined;
    const current =
      item.to === '/customers' ? inCustomers : item.to === '/pool' ? inPool : undefined;
    return (
      <li key={item.to} className="nav-entry">
        {current === undefined ? (
          <NavLink to={item.to} aria-describedby={described}>
            {t(item.label)}
          </NavLink>
        ) : (
          <Link to={item.to} aria-current={current ? 'page' : undefined} aria-describedby={described}>
            {t(item.label)}
          </Link>
        )}
        {/* Beside the link, not in it: the link's name stays its visible word; the figure is its description. */}
        {shown && (
          <>
            <span className={item.count === 'returning' ? 'nav-count nav-count-warning' : 'nav-count'} aria-hidden="true">
              {more ? t('nav.count.more', { count }) : format.number(count)}
            </span>
            <span id={countId} className="visually-hidden">
              {t(more ? 'nav.count.poolMore' : COUNT_SENTENCES[item.count!], { count })}
            </span>
          </>
        )}
      </li>
    );
  }

  return (
    <div className="shell">
      <a href="#main" className="skip-link">
        {t('shell.skip')}
      </a>
      <header className="shell-header">
        <div className="shell-brand">
          <button
            ref={menuButton}
            type="button"
            className="shell-menu-button"
            aria-expanded={menuOpen}
            aria-controls="main-nav"
            onClick={toggleMenu}
          >
            <span aria-hidden="true">☰ </span>
            {t('shell.menu')}
          </button>
          <span className="shell-app">{t('app.name')}</span>
          {me && <span className="shell-store">{me.store.name}</span>}
        </div>
        <div className="shell-search">
          {me && <SearchTrigger destinations={items.map((item) => ({ to: item.to, label: t(item.label) }))} />}
        </div>
        <div className="shell-actions">
          <AgendaBadge />
          {me && <NotificationBell />}
          {me && (
            <span className="shell-user">
              {t('shell.userMenu', { name: me.user.name, role: t(`role.${me.user.role}`) })}
            </span>
          )}
          <div className="shell-account">
            <AccountControls />
          </div>
        </div>
      </header>
      <div className="shell-body">
        <nav
          ref={nav}
          id="main-nav"
          aria-label={t('nav.label')}
          className="shell-sidebar"
          data-open={menuOpen ? 'true' : 'false'}
          onKeyDown={closeMenuOnEscape}
          onClick={closeMenuOnLink}
        >
          {NAV_GROUPS.map((group) => {
            const inGroup = items.filter((item) => item.group === group);
            if (inGroup.length === 0) return null;
            return (
              <div key={group} className="nav-group">
                <p id={`nav-group-${group}`} className="nav-group-title">
                  {t(`nav.group.${group}`)}
                </p>
                <ul aria-labelledby={`nav-group-${group}`}>{inGroup.map(entry)}</ul>
              </div>
            );
          })}
          {/* A phone's header has no room for these: the open menu carries them (never both on screen). */}
          {menuOpen && me && (
            <div className="nav-account">
              <p className="muted">{t('shell.userMenu', { name: me.user.name, role: t(`role.${me.user.role}`) })}</p>
              <AccountControls />
            </div>
          )}
        </nav>
        <main id="main" tabIndex={-1} className="shell-main">
          <NavSectionProvider value={setSection}>
            <Suspense fallback={<p role="status">{t('app.loading')}</p>}>
              <Outlet />
            </Suspense>
          </NavSectionProvider>
        </main>
      </div>
    </div>
  );
}
