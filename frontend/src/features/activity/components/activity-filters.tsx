import { useEffect, useId, useRef, useState } from 'react';
import { Field } from '@/components/form/filter-controls';
import { TextField } from '@/components/form/text-field';
import { STAGES } from '@/lib/domain';
import { useT } from '@/lib/i18n';
import type { ActivityFilters } from '../api/list-activity';
import type { Tag } from '../api/list-tags';
import type { Person } from '../api/summarize-activity';
import { typeLabel } from '../lib/entry-text';
import { isDay, QUICK_PICKS, quickPeriod, quickPickOf } from '../lib/period';
import { TYPE_GROUPS } from '../lib/types';
import { FilterSelect, type FilterGroup } from './filter-select';

/** How long typing rests before the search is asked. */
export const SEARCH_DELAY_MS = 350;

/** Sets the given URL parameters (an empty list removes one), the others kept. */
export type Update = (changes: Record<string, readonly string[]>) => void;

const GROUP_LABELS = {
  followUps: { group: 'activity.filter.followUps', all: 'activity.filter.allFollowUps' },
  events: { group: 'activity.filter.events', all: 'activity.filter.allEvents' },
  orders: { group: 'activity.filter.orders', all: 'activity.filter.allOrders' },
} as const;

/** The words typed in the search, sent once typing rests; the box follows the URL when it changes elsewhere. */
function SearchBox({ value, onSearch }: { value: string; onSearch: (q: string) => void }) {
  const t = useT();
  const [text, setText] = useState(value);
  const sent = useRef(value);
  useEffect(() => {
    if (value !== sent.current) {
      sent.current = value;
      setText(value);
    }
  }, [value]);
  useEffect(() => {
    const q = text.trim();
    if (q === sent.current) return undefined;
    const timer = setTimeout(() => {
      sent.current = q;
      onSearch(q);
    }, SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [text, onSearch]);
  return (
    <TextField
      label={t('activity.filter.q')}
      name="q"
      type="search"
      value={text}
      maxLength={200}
      hint={t('activity.filter.qHint')}
      onChange={(event) => setText(event.target.value)}
    />
  );
}

/**
 * A day of the period: a whole date is applied at once; while it is being typed or cleared, nothing is (an empty
 * box keeps the day shown in the filters). The box follows the URL when it changes elsewhere (quick picks, reset).
 */
function DayInput({
  label,
  name,
  value,
  min,
  max,
  error,
  onDay,
}: {
  label: string;
  name: string;
  value: string;
  min?: string;
  max?: string;
  error?: string;
  onDay: (day: string) => void;
}) {
  const [text, setText] = useState(value);
  const shown = useRef(value);
  useEffect(() => {
    if (value !== shown.current) {
      shown.current = value;
      setText(value);
    }
  }, [value]);
  return (
    <TextField
      label={label}
      name={name}
      type="date"
      value={text}
      min={min}
      max={max}
      error={error}
      onChange={(event) => {
        const day = event.target.value;
        setText(day);
        if (isDay(day) && day !== shown.current) {
          shown.current = day;
          onDay(day);
        }
      }}
    />
  );
}

/**
 * The feed's filters: period with quick picks, person and team (not for a rep, who sees their own), type, the
 * customer's stage and tag, and words of the follow-ups. On a phone they fold away behind a "Filters" button.
 */
export function ActivityFiltersPanel({
  filters,
  isRep,
  today,
  people,
  tags,
  activeCount,
  errors,
  onUpdate,
  onSearch,
  onReset,
}: {
  filters: ActivityFilters;
  isRep: boolean;
  today: string;
  people: Person[];
  tags: Tag[];
  activeCount: number;
  /** The API's messages for the fields, by field name. */
  errors: Record<string, string>;
  onUpdate: Update;
  onSearch: (q: string) => void;
  onReset: () => void;
}) {
  const t = useT();
  const panelId = useId();
  const [open, setOpen] = useState(false);
  const pick = quickPickOf(filters, today);
  const teams = [...new Set([...people.map((person) => person.team), filters.team].filter((team): team is string => !!team))].sort(
    (a, b) => a.localeCompare(b),
  );
  const typeGroups: FilterGroup[] = TYPE_GROUPS.map((group) => ({
    label: t(GROUP_LABELS[group.key].group),
    options: [
      { label: t(GROUP_LABELS[group.key].all), values: group.types },
      ...group.types.map((type) => ({ label: typeLabel(t, type), values: [type] })),
    ],
  }));

  return (
    <div role="search" aria-label={t('activity.filter.title')} className="card activity-filters">
      <button
        type="button"
        className="activity-filters-toggle"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen(!open)}
      >
        {t('activity.filter.toggle', { count: activeCount })}
      </button>
      <div id={panelId} className={open ? 'activity-filters-panel is-open' : 'activity-filters-panel'}>
        <fieldset className="activity-period">
          <legend>{t('activity.filter.period')}</legend>
          <div className="activity-quick-picks">
            {QUICK_PICKS.map((option) => (
              <button
                key={option}
                type="button"
                aria-pressed={pick === option}
                onClick={() => {
                  const period = quickPeriod(option, today);
                  onUpdate({ from: [period.from], to: [period.to] });
                }}
              >
                {t(`activity.filter.${option}`)}
              </button>
            ))}
          </div>
          <div className="activity-period-days">
            <DayInput
              label={t('activity.filter.from')}
              name="from"
              value={filters.from}
              max={filters.to}
              error={errors.from}
              onDay={(day) => onUpdate({ from: [day] })}
            />
            <DayInput
              label={t('activity.filter.to')}
              name="to"
              value={filters.to}
              min={filters.from}
              error={errors.to}
              onDay={(day) => onUpdate({ to: [day] })}
            />
          </div>
        </fieldset>
        <div className="activity-filter-grid">
          {!isRep && (
            <FilterSelect
              label={t('activity.filter.person')}
              anyLabel={t('activity.filter.anyone')}
              values={filters.userId.map(String)}
              options={people.map((person) => ({ label: person.name, values: [String(person.id)] }))}
              onChange={(values) => onUpdate({ userId: values })}
            />
          )}
          {!isRep && (
            <Field label={t('activity.filter.team')}>
              {(id) => (
                <select id={id} value={filters.team ?? ''} onChange={(event) => onUpdate({ team: [event.target.value] })}>
                  <option value="">{t('activity.filter.anyTeam')}</option>
                  {teams.map((team) => (
                    <option key={team} value={team}>
                      {team}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          )}
          <FilterSelect
            label={t('activity.filter.type')}
            anyLabel={t('activity.filter.anyType')}
            values={filters.type}
            groups={typeGroups}
            onChange={(values) => onUpdate({ type: values })}
          />
          <FilterSelect
            label={t('activity.filter.stage')}
            anyLabel={t('activity.filter.anyStage')}
            values={filters.stage}
            options={STAGES.map((stage) => ({ label: t(`stage.${stage}`), values: [stage] }))}
            onChange={(values) => onUpdate({ stage: values })}
          />
          <FilterSelect
            label={t('activity.filter.tag')}
            anyLabel={t('activity.filter.anyTag')}
            values={filters.tagId.map(String)}
            options={tags.map((tag) => ({ label: tag.name, values: [String(tag.id)] }))}
            onChange={(values) => onUpdate({ tagId: values })}
          />
          <SearchBox value={filters.q ?? ''} onSearch={onSearch} />
        </div>
        <div className="form-actions">
          <button type="button" onClick={onReset}>
            {t('activity.filter.reset')}
          </button>
        </div>
      </div>
    </div>
  );
}
