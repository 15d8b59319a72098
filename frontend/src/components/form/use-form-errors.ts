import { useEffect, useMemo, type RefObject } from 'react';
import { useT } from '@/lib/i18n';
import { customerFieldLabel } from '@/lib/field-label';
import { errorMessage, errorReference, fieldErrorsOf } from '@/lib/problem';

export interface FormAlertContent {
  message: string;
  /** Field errors for fields this form does not show, as `field: message`. */
  details: string[];
  reference: string | null;
}

export interface FormErrors<Field extends string> {
  fieldErrors: Partial<Record<Field, string>>;
  alert: FormAlertContent | null;
}

/**
 * Splits a failed submit into messages next to the form's own fields and one
 * general alert, in the current language.
 */
export function useFormErrors<Field extends string>(
  error: unknown,
  fields: readonly Field[],
): FormErrors<Field> {
  const t = useT();
  return useMemo(() => {
    if (!error) return { fieldErrors: {}, alert: null };
    const fieldErrors: Partial<Record<Field, string>> = {};
    const details: string[] = [];
    for (const [field, message] of Object.entries(fieldErrorsOf(error, t))) {
      if ((fields as readonly string[]).includes(field)) fieldErrors[field as Field] = message;
      // Name the field: the message alone ("Required.") would not say which.
      else details.push(`${customerFieldLabel(t, field)}: ${message}`);
    }
    const { key, params } = errorMessage(error);
    const reference = errorReference(error);
    return {
      fieldErrors,
      alert: {
        message: t(key, params),
        details,
        reference: reference ? t('problem.reference', { id: reference }) : null,
      },
    };
  }, [error, fields, t]);
}

/** After a failed submit, focus the first invalid field, or else the alert. */
export function useFocusOnError(formRef: RefObject<HTMLFormElement | null>, error: unknown): void {
  useEffect(() => {
    if (!error) return;
    const target = formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"], [role="alert"]');
    target?.focus();
  }, [error, formRef]);
}
