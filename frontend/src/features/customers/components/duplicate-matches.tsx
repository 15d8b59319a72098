import { useEffect, useRef } from 'react';
import { Link } from 'react-router';
import { useT } from '@/lib/i18n';
import type { DuplicateMatch } from '../api/create-customer';

const KEYS = ['email', 'phone', 'mobile', 'imAccounts'] as const;

export function DuplicateMatches({
  matches,
  pending,
  onCreateAnyway,
  anywayLabel,
}: {
  matches: DuplicateMatch[];
  pending: boolean;
  onCreateAnyway: () => void;
  anywayLabel?: string;
}) {
  const t = useT();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), []);
  const matchedOn = (keys: string[]) =>
    keys.map((key) => ((KEYS as readonly string[]).includes(key) ? t(`customers.duplicate.key.${key as (typeof KEYS)[number]}`) : key)).join(', ');
  return (
    <div role="alert" tabIndex={-1} ref={ref} className="form-alert duplicate">
      <p>{t('customers.duplicate.intro', { count: matches.length })}</p>
      <ul>
        {matches.map((match) => (
          <li key={match.id}>
            <Link to={`/customers/${match.id}`} target="_blank" rel="noopener">
              {match.name}
            </Link>
            {match.companyName && ` · ${match.companyName}`}
            {' · '}
            {match.ownerName ? t('customers.duplicate.owner', { name: match.ownerName }) : t('customers.duplicate.pool')}
            {' · '}
            {t('customers.duplicate.matchedOn', { keys: matchedOn(match.matchedOn) })}
          </li>
        ))}
      </ul>
      <button type="button" className="button-primary" aria-disabled={pending || undefined} onClick={pending ? undefined : onCreateAnyway}>
        {anywayLabel ?? t('customers.duplicate.createAnyway')}
      </button>
    </div>
  );
}
