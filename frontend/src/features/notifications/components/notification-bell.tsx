import * as Popover from '@radix-ui/react-popover';
import { useState } from 'react';
import { Link } from 'react-router';
import { useFormatters, useT, type Translate } from '@/lib/i18n';
import { errorMessage } from '@/lib/problem';
import {
  useMarkAllNotificationsRead,
  useMarkNotification,
  useNotificationCount,
  useNotifications,
  type Notification,
} from '../api/notifications';

/** A notification in one sentence: who, what and when, in the reader's language. */
export function notificationSentence(t: Translate, item: Notification, formatDate: (iso: string) => string): string {
  const rule = item.rule === 'NO_DEAL' || item.rule === 'NO_FOLLOW_UP' ? t(`poolReturn.rule.${item.rule}`) : '';
  const customer = item.customer.name;
  switch (item.kind) {
    case 'POOL_RETURN_WARNING':
      return t('bell.warning', { customer, date: item.dueAt ? formatDate(item.dueAt) : '', rule });
    case 'POOL_RETURN_ESCALATION':
      return t('bell.escalation', {
        customer,
        owner: item.owner?.name ?? t('bell.someone'),
        date: item.dueAt ? formatDate(item.dueAt) : '',
        rule,
      });
    case 'POOL_RETURNED':
      // One notice per sweep: the first customer, and how many more went back with it (under one rule, or several).
      if (item.customers > 1) {
        const counts = { customer, others: item.customers - 1 };
        return rule ? t('bell.returnedMany', { ...counts, rule }) : t('bell.returnedManyMixed', counts);
      }
      return rule ? t('bell.returned', { customer, rule }) : t('bell.returnedMixed', { customer });
    case 'CUSTOMERS_ASSIGNED': {
      // One notice per assignment: by a person (actor), or by the pool's distribution under its rule.
      const others = item.customers - 1;
      if (item.actor) {
        const actor = item.actor.name;
        return others > 0 ? t('bell.assignedMany', { actor, customer, others }) : t('bell.assigned', { actor, customer });
      }
      const how =
        item.rule === 'ROUND_ROBIN' || item.rule === 'CAPACITY' || item.rule === 'RETURNING_BUYER'
          ? t(`bell.how.${item.rule}`)
          : t('bell.how.MIXED');
      return others > 0 ? t('bell.distributedMany', { customer, others, how }) : t('bell.distributed', { customer, how });
    }
  }
}

function BellIcon() {
  return (
    <svg className="bell-icon" viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
      <path
        fill="currentColor"
        d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2Z"
      />
    </svg>
  );
}

/**
 * The header's bell: how many notifications are unread (polled), and on opening the newest ones, each a sentence
 * with a way to its customer. Following one marks it read; so does "Mark all read".
 */
export function NotificationBell() {
  const t = useT();
  const format = useFormatters();
  const [open, setOpen] = useState(false);
  const countQuery = useNotificationCount();
  const listQuery = useNotifications(open);
  const markOne = useMarkNotification();
  const markAll = useMarkAllNotificationsRead();
  const unread = countQuery.data?.unread ?? 0;

  function list() {
    if (listQuery.isPending) return <p role="status">{t('app.loading')}</p>;
    if (listQuery.isError) {
      const { key, params } = errorMessage(listQuery.error);
      return (
        <div role="alert" className="bell-empty">
          <p>{t(key, params)}</p>
          <button type="button" onClick={() => void listQuery.refetch()}>
            {t('app.retry')}
          </button>
        </div>
      );
    }
    const items = listQuery.data.items;
    if (items.length === 0) return <p className="bell-empty muted">{t('bell.empty')}</p>;
    return (
      <ul className="bell-list">
        {items.map((item) => {
          const sentence = notificationSentence(t, item, format.date);
          return (
            <li key={item.id} className={item.read ? 'bell-item' : 'bell-item bell-unread'}>
              <Link
                to={`/customers/${item.customer.id}`}
                onClick={() => {
                  if (!item.read) markOne.mutate({ id: item.id, read: true });
                  setOpen(false);
                }}
              >
                {!item.read && <span className="visually-hidden">{t('bell.unreadMark')} </span>}
                {sentence}
              </Link>
              <span className="bell-meta">
                <time dateTime={item.createdAt} className="muted small">
                  {format.dateTime(item.createdAt)}
                </time>
                <button
                  type="button"
                  className="link-button small"
                  aria-label={t(item.read ? 'bell.markUnreadOf' : 'bell.markReadOf', { sentence })}
                  onClick={() => markOne.mutate({ id: item.id, read: !item.read })}
                >
                  {t(item.read ? 'bell.markUnread' : 'bell.markRead')}
                </button>
              </span>
            </li>
          );
        })}
      </ul>
    );
  }

  return (
    <Popover.Root open={open} onOpenChange={setOpen}>
      <Popover.Trigger asChild>
        <button type="button" className="bell-button">
          <BellIcon />
          <span className="visually-hidden">
            {countQuery.data ? t('bell.nameWithCount', { count: unread }) : t('bell.title')}
          </span>
          {unread > 0 && (
            <span className="badge badge-urgent bell-badge" aria-hidden="true">
              {unread > 99 ? '99+' : format.number(unread)}
            </span>
          )}
        </button>
      </Popover.Trigger>
      <Popover.Portal>
        <Popover.Content className="bell-popover" align="end" sideOffset={6} collisionPadding={8} aria-labelledby="bell-title">
          <div className="bell-head">
            <h2 id="bell-title">{t('bell.title')}</h2>
            <button
              type="button"
              className="link-button small"
              disabled={unread === 0 || markAll.isPending}
              onClick={() => markAll.mutate()}
            >
              {t('bell.markAllRead')}
            </button>
          </div>
          {list()}
        </Popover.Content>
      </Popover.Portal>
    </Popover.Root>
  );
}
