import { useMemo } from 'react';
import type { FormAlertContent } from '@/components/form/use-form-errors';
import { useT } from '@/lib/i18n';
import { errorMessage, errorReference } from '@/lib/problem';
import { planFieldErrors, planFieldLabel, type FieldPrefix } from '../lib/plan-errors';

/**
 * As useFormErrors, for a plan or template form: the field errors of the fields the form shows (keyed without
 * `prefix`, or the first of its prefixes that fits) next to them, the others named in the alert, every one in the
 * reader's words.
 */
export function usePlanFormErrors(error: unknown, prefix: FieldPrefix, shown: readonly string[]) {
  const t = useT();
  return useMemo((): { fieldErrors: Record<string, string>; alert: FormAlertContent | null } => {
    if (!error) return { fieldErrors: {}, alert: null };
    const fieldErrors: Record<string, string> = {};
    const details: string[] = [];
    for (const [field, words] of Object.entries(planFieldErrors(error, t, prefix))) {
      if (shown.includes(field)) fieldErrors[field] = words;
      else details.push(`${planFieldLabel(t, field)}: ${words}`);
    }
    const { key, params } = errorMessage(error);
    const reference = errorReference(error);
    return {
      fieldErrors,
      alert: { message: t(key, params), details, reference: reference ? t('problem.reference', { id: reference }) : null },
    };
  }, [error, prefix, shown, t]);
}
