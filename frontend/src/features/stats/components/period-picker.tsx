import { useId, useState } from 'react';
import { TextField } from '@/components/form/text-field';
import { useT } from '@/lib/i18n';
import { PRESETS, presetPeriod, type Period, type Preset } from '../lib/period';

export interface PeriodPickerProps {
  preset: Preset;
  period: Period;
  onChange: (preset: Preset, period: Period) => void;
  /** The API's messages for the dates, next to them. */
  errors: Partial<Record<'from' | 'to', string>>;
}

/** Presets as radio buttons (arrow keys move between them), and custom days with an explicit apply. */
export function PeriodPicker({ preset, period, onChange, errors }: PeriodPickerProps) {
  const t = useT();
  const id = useId();
  const [from, setFrom] = useState(period.from);
  const [to, setTo] = useState(period.to);
  const [localError, setLocalError] = useState<string | null>(null);

  function choose(next: Preset) {
    setLocalError(null);
    if (next === 'custom') {
      onChange('custom', { from, to });
      return;
    }
    const nextPeriod = presetPeriod(next);
    setFrom(nextPeriod.from);
    setTo(nextPeriod.to);
    onChange(next, nextPeriod);
  }

  return (
    <form
      className="card period-picker"
      aria-labelledby={`${id}-legend`}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        if (!from || !to) return setLocalError(t('stats.period.missing'));
        if (from > to) return setLocalError(t('stats.period.order'));
        setLocalError(null);
        onChange('custom', { from, to });
      }}
    >
      <fieldset>
        <legend id={`${id}-legend`}>{t('stats.period.label')}</legend>
        <div className="period-presets">
          {PRESETS.map((option) => (
            <label key={option}>
              <input
                type="radio"
                name={`${id}-preset`}
                value={option}
                checked={preset === option}
                onChange={() => choose(option)}
              />{' '}
              {t(`stats.period.${option}`)}
            </label>
          ))}
        </div>
      </fieldset>
      {preset === 'custom' && (
        <div className="period-custom">
          <TextField
            label={t('stats.period.from')}
            name="from"
            type="date"
            value={from}
            max={to || undefined}
            error={errors.from}
            onChange={(event) => setFrom(event.target.value)}
          />
          <TextField
            label={t('stats.period.to')}
            name="to"
            type="date"
            value={to}
            min={from || undefined}
            error={errors.to ?? localError ?? undefined}
            onChange={(event) => setTo(event.target.value)}
          />
          <button type="submit">{t('stats.period.apply')}</button>
        </div>
      )}
    </form>
  );
}
