import { useT, type Translate } from '@/lib/i18n';
import type { Order, OrderStatus } from '../api/list-orders';

/** "Quotation #12", "Sample order #13", "Order #14". */
export function orderTitle(t: Translate, order: Pick<Order, 'id' | 'kind'>): string {
  return t('orders.numbered', { kind: t(`orderKind.${order.kind}`), id: String(order.id) });
}

/** Where the order stands, in words, coloured by how it stands (open, won, lost). */
export function StatusChip({ status }: { status: OrderStatus }) {
  const t = useT();
  return <span className={`status-chip status-chip-${status.toLowerCase()}`}>{t(`orderStatus.${status}`)}</span>;
}
