import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { Field } from '@/components/form/filter-controls';
import { LoadMore } from '@/components/load-more';
import { QueryError } from '@/components/query-error';
import type { Role } from '@/lib/domain';
import { useT } from '@/lib/i18n';
import { fieldErrorsOf } from '@/lib/problem';
import { INQUIRY_CHANNELS, isInquiryChannel, useInbox, type InboxFilters } from '../api/list-inbox';
import type { InquiryResult } from '../api/receive-inquiry';
import { channelName } from './inbox-row-parts';
import { InboxTable } from './inbox-table';
import { InquiryOutcome } from './inquiry-outcome';
import { LogInquiryForm } from './log-inquiry-form';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The filters the page address holds: ?channel=ALIBABA&buyers=returning&ownerChanged=true&from=…&to=… */
function filtersOf(search: URLSearchParams): InboxFilters {
  const filters: InboxFilters = {};
  const channel = search.get('channel');
  if (isInquiryChannel(channel)) filters.channel = channel;
  const buyers = search.get('buyers');
  if (buyers === 'new') filters.repeat = false;
  if (buyers === 'returning') filters.repeat = true;
  if (search.get('ownerChanged') === 'true') filters.ownerChanged = true;
  const from = search.get('from');
  const to = search.get('to');
  if (from && DAY.test(from)) filters.from = from;
  if (to && DAY.test(to)) filters.to = to;
  return filters;
}

type FilterParam = 'channel' | 'buyers' | 'ownerChanged' | 'from' | 'to';

/**
 * The inquiry inbox: every inquiry of the store, newest first (a rep's: those of their customers and of the pool),
 * with the customer it went to and its owner now, and the inquiries whose buyer has a new owner since they last asked.
 */
export function InboxScreen({ role, timeZone }: { role: Role; timeZone?: string }) {
  const t = useT();
  const [search, setSearch] = useSearchParams();
  const searchKey = search.toString();
  const filters = useMemo(() => filtersOf(new URLSearchParams(searchKey)), [searchKey]);
  const inboxQuery = useInbox(filters);
  const items = inboxQuery.data?.pages.flatMap((page) => page.items) ?? [];
  const busy = inboxQuery.isFetching && !inboxQuery.isFetchingNextPage && !inboxQuery.isPending;
  const filtered = Object.keys(filters).length > 0;
  const [logging, setLogging] = useState(false);
  const [logged, setLogged] = useState<{ result: InquiryResult; contactName: string } | null>(null);
  // A refused day (from after to) is said next to its field.
  const dayErrors = inboxQuery.isError ? fieldErrorsOf(inboxQuery.error, t) : {};

  function setFilter(key: FilterParam, value: string) {
    const next = new URLSearchParams(search);
    if (value) next.set(key, value);
    else next.delete(key);
    setSearch(next, { replace: true });
  }

  let body;
  if (inboxQuery.isPending) {
    body = (
      <p role="status" className="table-placeholder">
        {t('app.loading')}
      </p>
    );
  } else if (inboxQuery.isLoadingError || (inboxQuery.isRefetchError && items.length === 0)) {
    body = <QueryError error={inboxQuery.error} onRetry={() => void inboxQuery.refetch()} />;
  } else if (items.length === 0) {
    body = <p className="empty table-placeholder">{filtered ? t('inbox.emptyFiltered') : t('inbox.empty')}</p>;
  } else {
    body = <InboxTable items={items} labelledBy="inbox-title" role={role} timeZone={timeZone} />;
  }

  const dayField = (key: 'from' | 'to', label: string) => (
    <Field label={label}>
      {(id) => (
        <>
          <input
            id={id}
            type="date"
            value={filters[key] ?? ''}
            aria-invalid={dayErrors[key] ? true : undefined}
            aria-describedby={dayErrors[key] ? `${id}-error` : undefined}
            onChange={(event) => setFilter(key, event.target.value)}
          />
          {dayErrors[key] && (
            <p id={`${id}-error`} className="field-error">
              {dayErrors[key]}
            </p>
          )}
        </>
      )}
    </Field>
  );

  return (
    <div className="stack">
      <div className="page-title">
        <div>
          <h1 id="inbox-title">{t('inbox.title')}</h1>
          <p className="muted">{role === 'REP' ? t('inbox.introRep') : t('inbox.intro')}</p>
        </div>
        <button
          type="button"
          className="button-primary"
          aria-expanded={logging}
          aria-controls={logging ? 'log-inquiry' : undefined}
          onClick={() => {
            setLogged(null);
            setLogging((open) => !open);
          }}
        >
          {t('inbox.log.open')}
        </button>
      </div>
      <div role="status" className="feedback">
        {logged && <InquiryOutcome key={logged.result.inquiryId} result={logged.result} contactName={logged.contactName} inbox={items} />}
      </div>
      {logging && (
        <div id="log-inquiry">
          <LogInquiryForm
            onCancel={() => setLogging(false)}
            onLogged={(result, contactName) => {
              setLogging(false);
              setLogged({ result, contactName });
            }}
          />
        </div>
      )}
      <div role="search" aria-label={t('inbox.filter.title')} className="card inbox-filters">
        <Field label={t('inbox.filter.channel')}>
          {(id) => (
            <select id={id} value={filters.channel ?? ''} onChange={(event) => setFilter('channel', event.target.value)}>
              <option value="">{t('inbox.filter.anyChannel')}</option>
              {INQUIRY_CHANNELS.map((channel) => (
                <option key={channel} value={channel}>
                  {channelName(t, channel)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('inbox.filter.buyers')}>
          {(id) => (
            <select
              id={id}
              value={filters.repeat === undefined ? '' : filters.repeat ? 'returning' : 'new'}
              onChange={(event) => setFilter('buyers', event.target.value)}
            >
              <option value="">{t('inbox.filter.allBuyers')}</option>
              <option value="new">{t('inbox.filter.newBuyers')}</option>
              <option value="returning">{t('inbox.filter.returningBuyers')}</option>
            </select>
          )}
        </Field>
        {dayField('from', t('inbox.filter.from'))}
        {dayField('to', t('inbox.filter.to'))}
        <label className="checkbox-line">
          <input
            type="checkbox"
            checked={filters.ownerChanged === true}
            onChange={(event) => setFilter('ownerChanged', event.target.checked ? 'true' : '')}
          />
          {t('inbox.filter.ownerChanged')}
        </label>
        {filtered && (
          <button type="button" onClick={() => setSearch(new URLSearchParams(), { replace: true })}>
            {t('inbox.filter.clear')}
          </button>
        )}
      </div>
      <section aria-labelledby="inbox-title" className="card">
        <span role="status" className="list-status">
          {busy ? t('customers.updating') : ''}
        </span>
        {body}
        <LoadMore query={inboxQuery} />
      </section>
    </div>
  );
}
