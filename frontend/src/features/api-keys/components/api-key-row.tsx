import { useEffect, useRef, useState } from 'react';
import { Confirm } from '@/components/confirm';
import { useNotify } from '@/components/toast';
import { useFormatters, useT } from '@/lib/i18n';
import { errorSentence } from '@/lib/problem';
import type { ApiKey } from '../api/list-api-keys';
import { useRevokeApiKey } from '../api/revoke-api-key';
import { LastUsed } from './last-used';

export function StatusChip({ status }: { status: ApiKey['status'] }) {
  const t = useT();
  return <span className={`status-chip api-key-status-${status.toLowerCase()}`}>{t(`apiKeys.status.${status}`)}</span>;
}

export function ApiKeyRow({ apiKey }: { apiKey: ApiKey }) {
  const t = useT();
  const notify = useNotify();
  const format = useFormatters();
  const revokeMutation = useRevokeApiKey();
  const [confirming, setConfirming] = useState(false);
  const revokeRef = useRef<HTMLButtonElement>(null);
  const nameRef = useRef<HTMLTableCellElement>(null);
  // Where focus goes when the confirmation closes: back to Revoke, or (the key revoked, Revoke gone) to its name.
  const refocus = useRef<'revoke' | 'name' | null>(null);

  useEffect(() => {
    if (confirming || !refocus.current) return;
    (refocus.current === 'revoke' ? revokeRef.current : nameRef.current)?.focus();
    refocus.current = null;
  }, [confirming]);

  function close(focus: 'revoke' | 'name') {
    refocus.current = focus;
    setConfirming(false);
  }

  function revoke() {
    revokeMutation.mutate(apiKey, {
      onSuccess: () => {
        notify({ message: t('apiKeys.revoked', { name: apiKey.name }), tone: 'success' });
        close('name');
      },
      onError: (error) => {
        notify({ message: t('apiKeys.revokeFailed', { name: apiKey.name, reason: errorSentence(t, error) }), tone: 'error' });
        close('revoke');
      },
    });
  }

  const pending = revokeMutation.isPending;
  return (
    <tr>
      <th scope="row" ref={nameRef} tabIndex={-1} className="wrap-anywhere">
        {apiKey.name}
      </th>
      <td data-label={t('apiKeys.column.key')}>
        <code className="api-key-prefix">{apiKey.prefix}…</code>
        <div className="muted small">{t('apiKeys.rateLimitValue', { count: apiKey.rateLimitPerMinute })}</div>
      </td>
      <td data-label={t('apiKeys.column.scopes')}>
        <ul className="tag-list api-key-scope-list">
          {apiKey.scopes.map((scope) => (
            <li key={scope} className="tag-chip" title={t(`apiKeys.scope.${scope}`)}>
              {scope}
            </li>
          ))}
        </ul>
      </td>
      <td data-label={t('apiKeys.column.status')}>
        <StatusChip status={apiKey.status} />
        {apiKey.status === 'REVOKED' && apiKey.revokedAt && (
          <div className="muted small">
            {apiKey.revokedByName
              ? t('apiKeys.revokedOnBy', { date: format.date(apiKey.revokedAt), name: apiKey.revokedByName })
              : t('apiKeys.revokedOn', { date: format.date(apiKey.revokedAt) })}
          </div>
        )}
      </td>
      <td data-label={t('apiKeys.column.created')}>
        <time dateTime={apiKey.createdAt}>{format.date(apiKey.createdAt)}</time>
        <div className="muted small">{t('apiKeys.createdBy', { name: apiKey.createdByName })}</div>
      </td>
      <td data-label={t('apiKeys.column.lastUsed')}>
        <LastUsed at={apiKey.lastUsedAt} />
      </td>
      <td data-label={t('apiKeys.column.expires')}>
        {apiKey.expiresAt ? (
          <time dateTime={apiKey.expiresAt} title={format.dateTime(apiKey.expiresAt)}>
            {format.date(apiKey.expiresAt)}
          </time>
        ) : (
          <span className="muted">{t('apiKeys.neverExpires')}</span>
        )}
      </td>
      <td className={confirming ? 'row-action api-key-confirming' : 'row-action'}>
        {confirming ? (
          <Confirm
            title={t('apiKeys.confirmRevoke', { name: apiKey.name })}
            description={t('apiKeys.confirmRevokeText')}
            confirmLabel={pending ? t('apiKeys.revoking') : t('apiKeys.revoke')}
            cancelLabel={t('common.cancel')}
            danger
            pending={pending}
            onConfirm={revoke}
            onCancel={() => close('revoke')}
          />
        ) : (
          apiKey.status === 'ACTIVE' && (
            <button
              ref={revokeRef}
              type="button"
              className="danger"
              aria-label={t('apiKeys.revokeKey', { name: apiKey.name })}
              onClick={() => setConfirming(true)}
            >
              {t('apiKeys.revoke')}
            </button>
          )
        )}
      </td>
    </tr>
  );
}
