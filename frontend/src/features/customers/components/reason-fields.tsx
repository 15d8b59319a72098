import { SelectField } from '@/components/form/select-field';
import { useT } from '@/lib/i18n';
import type { LostReason } from '../api/list-lost-reasons';

/** The store's reason (required) and an optional note: what releasing and marking lost both ask for. */
export function ReasonFields({
  reasons,
  loading,
  reasonLabel,
  reasonError,
  noteId,
  noteError,
}: {
  reasons: LostReason[];
  loading: boolean;
  reasonLabel: string;
  reasonError?: string;
  noteId: string;
  noteError?: string;
}) {
  const t = useT();
  return (
    <>
      <SelectField
        label={reasonLabel}
        name="reasonId"
        required
        defaultValue=""
        options={[
          { value: '', label: loading ? t('app.loading') : t('release.chooseReason') },
          ...reasons.map((reason) => ({ value: String(reason.id), label: reason.name })),
        ]}
        error={reasonError}
      />
      <div className="field">
        <label htmlFor={noteId}>{t('release.note')}</label>
        <textarea id={noteId} name="note" maxLength={500} rows={2} />
        {noteError && <p className="field-error">{noteError}</p>}
      </div>
    </>
  );
}

/** The chosen reason (0 when none) and the note as the API takes it: left out when blank. */
export function readReasonForm(form: HTMLFormElement): { reasonId: number; note?: string } {
  const data = new FormData(form);
  const note = String(data.get('note') ?? '').trim();
  return { reasonId: Number(data.get('reasonId')), ...(note ? { note } : {}) };
}
