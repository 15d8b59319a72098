import { useT } from '@/lib/i18n';
import { usePoolHiddenContacts } from '@/lib/pool-rules';
import type { Customer } from '../api/list-customers';

/** A phone number as a tel: address: digits and a leading plus only. */
function telHref(number: string): string {
  return `tel:${number.replace(/(?!^\+)[^\d]/g, '')}`;
}

/**
 * The ways to reach the customer, under their name: e-mail and phones as links to write or call at once, IM handles
 * as text. `masked` (a rep reading a pool customer) shows the masked values as plain text, never as links, and
 * names the contacts its pool hides until claimed.
 */
export function ContactStrip({ customer, masked }: { customer: Customer; masked: boolean }) {
  const t = useT();
  const items: { key: string; label: string; value: string; href?: string }[] = [];
  if (customer.email) {
    items.push({ key: 'email', label: t('customers.field.email'), value: customer.email, href: `mailto:${customer.email}` });
  }
  if (customer.mobile) {
    items.push({ key: 'mobile', label: t('customers.field.mobile'), value: customer.mobile, href: telHref(customer.mobile) });
  }
  if (customer.phone) {
    items.push({ key: 'phone', label: t('customers.field.phone'), value: customer.phone, href: telHref(customer.phone) });
  }
  customer.imAccounts.forEach((account, index) => {
    items.push({ key: `im-${index}`, label: t(`im.${account.channel}`), value: account.handle });
  });
  const hidden = usePoolHiddenContacts(customer.poolId, masked);
  if (items.length === 0 && hidden.length === 0) return null;
  return (
    <ul className="contact-strip" aria-label={t('customers.contacts')}>
      {items.map((item) => (
        <li key={item.key}>
          <span className="muted">{item.label}</span>{' '}
          {item.href && !masked ? <a href={item.href}>{item.value}</a> : <span>{item.value}</span>}
        </li>
      ))}
      {hidden.length > 0 && (
        <li className="muted">
          {t('customers.hiddenUntilClaimed', {
            fields: hidden.map((field) => t(`poolRules.visibility.field.${field}`)).join(t('pools.listSeparator')),
          })}
        </li>
      )}
    </ul>
  );
}
