import type { Role } from '@/lib/domain';
import type { MessageKey } from '@/lib/i18n';

/** The sidebar's groups, in the order they are shown: daily work first, the store's settings last. */
export const NAV_GROUPS = ['work', 'sales', 'review', 'settings'] as const;
export type NavGroup = (typeof NAV_GROUPS)[number];

/** A figure shown beside a navigation entry (see the app shell). */
export type NavCount = 'returning' | 'pool' | 'inquiries';

export interface NavItem {
  to: string;
  label: MessageKey;
  group: NavGroup;
  count?: NavCount;
}

/**
 * Every area of the app a role may open, grouped. The sidebar and the search palette's "go to" entries both read it,
 * so a new screen is added in one place.
 */
export function navItems(role: Role): NavItem[] {
  const manager = role !== 'REP';
  const admin = role === 'ADMIN';
  const items: (NavItem | false)[] = [
    { to: '/agenda', label: 'agenda.nav', group: 'work' },
    { to: '/customers', label: manager ? 'nav.allCustomers' : 'nav.customers', group: 'work', count: 'returning' },
    { to: '/pool', label: 'nav.pool', group: 'work', count: 'pool' },
    { to: '/pipeline', label: 'nav.pipeline', group: 'work' },
    { to: '/inquiries', label: 'nav.inquiries', group: 'work', count: 'inquiries' },
    { to: '/orders', label: 'nav.orders', group: 'sales' },
    { to: '/products', label: 'nav.products', group: 'sales' },
    manager && { to: '/campaigns', label: 'campaigns.nav', group: 'sales' },
    { to: '/stats', label: 'stats.nav', group: 'review' },
    { to: '/activity', label: manager ? 'activity.nav' : 'activity.navMine', group: 'review' },
    manager && { to: '/duplicates', label: 'nav.duplicates', group: 'review' },
    manager && { to: '/imports', label: 'imports.nav', group: 'review' },
    { to: '/profile', label: 'nav.home', group: 'settings' },
    { to: '/settings/notifications', label: 'notifications.nav', group: 'settings' },
    manager && { to: '/settings/tags', label: 'nav.tags', group: 'settings' },
    manager && { to: '/settings/pool-rules', label: 'nav.poolRules', group: 'settings' },
    manager && { to: '/settings/pools', label: 'nav.pools', group: 'settings' },
    admin && { to: '/settings/users', label: 'nav.users', group: 'settings' },
    admin && { to: '/settings/custom-fields', label: 'nav.customFields', group: 'settings' },
    admin && { to: '/settings/lost-reasons', label: 'nav.lostReasons', group: 'settings' },
    admin && { to: '/settings/plan-templates', label: 'plans.templates.nav', group: 'settings' },
    admin && { to: '/settings/store', label: 'nav.store', group: 'settings' },
    admin && { to: '/settings/api-keys', label: 'nav.apiKeys', group: 'settings' },
    admin && { to: '/settings/webhooks', label: 'nav.webhooks', group: 'settings' },
    admin && { to: '/settings/messaging', label: 'messagingSettings.nav', group: 'settings' },
    manager && { to: '/settings/templates', label: 'templates.nav', group: 'settings' },
  ];
  return items.filter((item): item is NavItem => item !== false);
}
