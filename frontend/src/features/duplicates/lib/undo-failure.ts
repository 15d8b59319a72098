import type { Message, MessageKey } from '@/lib/i18n';
import { errorMessage, isProblem } from '@/lib/problem';

/** The 409s of POST /merges/{id}/undo, each in words. */
const UNDO_REFUSALS: Record<string, MessageKey> = {
  'merge-already-undone': 'duplicates.undo.alreadyUndone',
  'merge-undo-expired': 'duplicates.undo.expired',
  conflict: 'duplicates.undo.survivorGone',
};

/** Why an undo failed, in the reader's words; null when it did not fail. */
export function undoFailureMessage(error: unknown): Message | null {
  if (!error) return null;
  const refusal = Object.keys(UNDO_REFUSALS).find((kind) => isProblem(error, kind));
  return refusal ? { key: UNDO_REFUSALS[refusal] as MessageKey } : errorMessage(error);
}
