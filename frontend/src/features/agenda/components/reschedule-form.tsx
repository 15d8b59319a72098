import { useEffect, useRef, useState, type FormEvent } from 'react';
import { TextField } from '@/components/form/text-field';
import { useT } from '@/lib/i18n';
import { addDays } from '../lib/agenda';

export interface RescheduleFormProps {
  id: string;
  /** The store's today: the earliest day allowed. */
  today: string;
  onMove: (on: string) => void;
  onCancel: () => void;
}

/** A day picker under an item: the item moves there at once (the screen reports a refusal). */
export function RescheduleForm({ id, today, onMove, onCancel }: RescheduleFormProps) {
  const t = useT();
  const formRef = useRef<HTMLFormElement>(null);
  const [error, setError] = useState<string | undefined>();

  useEffect(() => {
    formRef.current?.querySelector('input')?.focus();
  }, []);

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const on = String(new FormData(event.currentTarget).get('on') ?? '');
    // A date input gives YYYY-MM-DD or nothing; the server takes today or later.
    if (!/^\d{4}-\d{2}-\d{2}$/.test(on) || on < today) {
      setError(t('agenda.move.tooEarly'));
      event.currentTarget.querySelector('input')?.focus();
      return;
    }
    onMove(on);
  }

  return (
    <form
      ref={formRef}
      id={id}
      className="inline-form agenda-item-form"
      onSubmit={handleSubmit}
      onKeyDown={(event) => {
        if (event.key === 'Escape') onCancel();
      }}
      noValidate
    >
      <TextField
        label={t('agenda.move.day')}
        name="on"
        type="date"
        min={today}
        defaultValue={addDays(today, 1)}
        required
        error={error}
      />
      <div className="form-actions">
        <button type="submit">{t('agenda.move.submit')}</button>
        <button type="button" onClick={onCancel}>
          {t('agenda.cancel')}
        </button>
      </div>
    </form>
  );
}
