import { useId } from 'react';
import { Link } from 'react-router';
import { Combobox } from '@/components/combobox';
import { CountryCombobox } from '@/components/country-combobox';
import { STAGES, type CustomerStage } from '@/lib/domain';
import { useT } from '@/lib/i18n';
import type { MessageChannel } from '../api/get-messaging-settings';
import type { CampaignSegment, CustomerFilter } from '../api/list-campaigns';
import { useTags } from '../api/list-tags';
import { useSavedViews } from '../api/list-views';

export type SegmentKind = 'view' | 'filter' | 'ids';

/** The segment as the form holds it: every kind's values kept, so switching back finds them again. */
export interface SegmentState {
  kind: SegmentKind;
  viewId: string;
  stages: CustomerStage[];
  countries: string[];
  tagIds: string[];
  hasEmail: boolean;
  hasPhone: boolean;
  ids: string;
}

export const EMPTY_SEGMENT: SegmentState = {
  kind: 'filter',
  viewId: '',
  stages: [],
  countries: [],
  tagIds: [],
  hasEmail: false,
  hasPhone: false,
  ids: '',
};

/** A saved campaign's segment, in the form's terms (a filter beyond this form's few criteria keeps what it can show). */
export function segmentStateOf(segment: CampaignSegment): SegmentState {
  if (segment.viewId != null) return { ...EMPTY_SEGMENT, kind: 'view', viewId: String(segment.viewId) };
  if (segment.customerIds != null) return { ...EMPTY_SEGMENT, kind: 'ids', ids: segment.customerIds.join(', ') };
  const filter = segment.filter ?? {};
  return {
    ...EMPTY_SEGMENT,
    kind: 'filter',
    stages: filter.stage ?? [],
    countries: filter.country ?? [],
    tagIds: (filter.tag ?? []).map(String),
    hasEmail: filter.hasEmail === true,
    hasPhone: filter.hasPhone === true,
  };
}

/** The pasted customer numbers: those that are numbers, and what was pasted that is not. */
export function parseCustomerIds(text: string): { ids: number[]; invalid: string[] } {
  const tokens = text.split(/[\s,;]+/).filter(Boolean);
  const invalid = tokens.filter((token) => !/^\d{1,18}$/.test(token));
  const ids = [...new Set(tokens.filter((token) => /^\d{1,18}$/.test(token)).map(Number))];
  return { ids, invalid };
}

/** The segment for the API: exactly one of a view, a filter or customer ids; null with a reason when it is not one yet. */
export function segmentOf(state: SegmentState): { segment: CampaignSegment; problem: null } | { segment: null; problem: 'noView' | 'noIds' | 'badIds'; invalid?: string[] } {
  if (state.kind === 'view') {
    return state.viewId ? { segment: { viewId: Number(state.viewId) }, problem: null } : { segment: null, problem: 'noView' };
  }
  if (state.kind === 'ids') {
    const { ids, invalid } = parseCustomerIds(state.ids);
    if (invalid.length > 0) return { segment: null, problem: 'badIds', invalid };
    if (ids.length === 0) return { segment: null, problem: 'noIds' };
    return { segment: { customerIds: ids }, problem: null };
  }
  const filter: CustomerFilter = {};
  if (state.stages.length > 0) filter.stage = state.stages;
  if (state.countries.length > 0) filter.country = state.countries;
  if (state.tagIds.length > 0) filter.tag = state.tagIds.map(Number);
  if (state.hasEmail) filter.hasEmail = true;
  if (state.hasPhone) filter.hasPhone = true;
  return { segment: { filter }, problem: null };
}

/** Who a campaign goes to: one of the user's saved views, a few screening criteria, or pasted customer numbers. */
export function SegmentFields({
  value,
  onChange,
  channel,
  error,
  viewError,
  idsError,
}: {
  value: SegmentState;
  onChange: (next: SegmentState) => void;
  channel: MessageChannel | null;
  error?: string;
  viewError?: string;
  idsError?: string;
}) {
  const t = useT();
  const id = useId();
  const viewsQuery = useSavedViews();
  const tagsQuery = useTags();
  const set = (patch: Partial<SegmentState>) => onChange({ ...value, ...patch });
  const views = viewsQuery.data?.items ?? [];
  const tags = tagsQuery.data?.items ?? [];

  return (
    <fieldset className="campaign-segment" aria-describedby={error ? `${id}-error` : undefined}>
      <legend>{t('campaigns.segment.title')}</legend>
      <div className="inline-radios campaign-segment-kinds">
        {(['view', 'filter', 'ids'] as const).map((kind) => (
          <label key={kind}>
            <input type="radio" name="segmentKind" value={kind} checked={value.kind === kind} onChange={() => set({ kind })} />{' '}
            {t(`campaigns.segment.kind.${kind}`)}
          </label>
        ))}
      </div>

      {value.kind === 'view' && (
        <div className="field">
          <label htmlFor={`${id}-view`}>{t('campaigns.segment.view')}</label>
          {viewsQuery.isPending ? (
            <p role="status">{t('app.loading')}</p>
          ) : views.length === 0 ? (
            <p className="muted">
              {t('campaigns.segment.noViews')} <Link to="/customers">{t('campaigns.segment.toCustomers')}</Link>
            </p>
          ) : (
            <select
              id={`${id}-view`}
              value={value.viewId}
              onChange={(event) => set({ viewId: event.currentTarget.value })}
              aria-invalid={viewError ? true : undefined}
              aria-describedby={viewError ? `${id}-view-error` : undefined}
            >
              <option value="">{t('campaigns.segment.chooseView')}</option>
              {views.map((view) => (
                <option key={view.id} value={view.id}>
                  {view.name}
                </option>
              ))}
            </select>
          )}
          {viewError && (
            <p id={`${id}-view-error`} className="field-error">
              {viewError}
            </p>
          )}
        </div>
      )}

      {value.kind === 'filter' && (
        <div className="campaign-filter">
          <fieldset className="checkbox-group campaign-stages">
            <legend>{t('campaigns.segment.stage')}</legend>
            {STAGES.map((stage) => (
              <label key={stage}>
                <input
                  type="checkbox"
                  checked={value.stages.includes(stage)}
                  onChange={(event) =>
                    set({
                      stages: event.currentTarget.checked
                        ? STAGES.filter((candidate) => candidate === stage || value.stages.includes(candidate))
                        : value.stages.filter((candidate) => candidate !== stage),
                    })
                  }
                />{' '}
                {t(`stage.${stage}`)}
              </label>
            ))}
          </fieldset>
          <div className="campaign-filter-fields">
            {/* Any of several, as the API's filter takes them. */}
            <CountryCombobox
              multiple
              label={t('campaigns.segment.country')}
              placeholder={t('campaigns.segment.anyCountry')}
              value={value.countries}
              onChange={(countries) => set({ countries })}
            />
            <Combobox
              multiple
              label={t('campaigns.segment.tag')}
              options={tags.map((tag) => ({ value: String(tag.id), label: tag.group ? `${tag.group}: ${tag.name}` : tag.name }))}
              value={value.tagIds}
              onChange={(tagIds) => set({ tagIds })}
              searchLabel={t('combobox.searchTags')}
              placeholder={t('campaigns.segment.anyTag')}
            />
            <label className="checkbox-line">
              <input type="checkbox" checked={value.hasEmail} onChange={(event) => set({ hasEmail: event.currentTarget.checked })} />
              {t('campaigns.segment.hasEmail')}
            </label>
            {channel === 'SMS' && (
              <label className="checkbox-line">
                <input type="checkbox" checked={value.hasPhone} onChange={(event) => set({ hasPhone: event.currentTarget.checked })} />
                {t('campaigns.segment.hasPhone')}
              </label>
            )}
          </div>
          <p className="field-hint">{t('campaigns.segment.filterHint')}</p>
        </div>
      )}

      {value.kind === 'ids' && (
        <div className="field">
          <label htmlFor={`${id}-ids`}>{t('campaigns.segment.ids')}</label>
          <textarea
            id={`${id}-ids`}
            rows={4}
            value={value.ids}
            onChange={(event) => set({ ids: event.currentTarget.value })}
            spellCheck={false}
            aria-invalid={idsError ? true : undefined}
            aria-describedby={`${id}-ids-hint${idsError ? ` ${id}-ids-error` : ''}`}
          />
          <p id={`${id}-ids-hint`} className="field-hint">
            {t('campaigns.segment.idsHint')}
          </p>
          {idsError && (
            <p id={`${id}-ids-error`} className="field-error">
              {idsError}
            </p>
          )}
        </div>
      )}
      {error && (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      )}
    </fieldset>
  );
}
