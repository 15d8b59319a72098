import { useId } from 'react';
import type { UseFormRegisterReturn } from 'react-hook-form';
import * as z from 'zod/mini';
import { SelectField } from '@/components/form/select-field';
import { fieldMessageParams } from '@/lib/form-messages';
import { optionalText } from '@/lib/form-schemas';
import { useT, type MessageKey } from '@/lib/i18n';
import type { LostReason } from '../api/list-lost-reasons';

/** A store's reason (required) and an optional note, as the form holds them: the reason's id as text, '' for none. */
export interface ReasonValues {
  reasonId: string;
  note: string;
}

export const EMPTY_REASON: ReasonValues = { reasonId: '', note: '' };

/**
 * The server's rules for releasing and marking lost (ReleaseRequest, MarkLostRequest): a reason, a note of at most
 * 500 characters. A missing reason is said as each form asks for it ("Choose why…").
 */
export function reasonSchema(missingReason: MessageKey) {
  return z.object({
    reasonId: z.string().check(z.refine((value) => value !== '', { params: fieldMessageParams(missingReason) })),
    note: optionalText(500),
  });
}

/** The request as the API takes it: the reason's id, and the note left out when blank. */
export function reasonRequest({ reasonId, note }: ReasonValues): { reasonId: number; note?: string } {
  return { reasonId: Number(reasonId), ...(note ? { note } : {}) };
}

type FieldProps = UseFormRegisterReturn & { error?: string };

/** The store's reason (required) and an optional note: what releasing and marking lost both ask for. */
export function ReasonFields({
  reasons,
  loading,
  reasonLabel,
  reason,
  note,
}: {
  reasons: LostReason[];
  loading: boolean;
  reasonLabel: string;
  /** form.field('reasonId') */
  reason: FieldProps;
  /** form.field('note') */
  note: FieldProps;
}) {
  const t = useT();
  const noteId = useId();
  const { error: noteError, ...noteProps } = note;
  return (
    <>
      <SelectField
        label={reasonLabel}
        required
        options={[
          { value: '', label: loading ? t('app.loading') : t('release.chooseReason') },
          ...reasons.map((item) => ({ value: String(item.id), label: item.name })),
        ]}
        {...reason}
      />
      <div className="field">
        <label htmlFor={noteId}>{t('release.note')}</label>
        <textarea
          id={noteId}
          maxLength={500}
          rows={2}
          aria-invalid={noteError ? true : undefined}
          aria-describedby={noteError ? `${noteId}-error` : undefined}
          {...noteProps}
        />
        {noteError && (
          <p id={`${noteId}-error`} className="field-error">
            {noteError}
          </p>
        )}
      </div>
    </>
  );
}
