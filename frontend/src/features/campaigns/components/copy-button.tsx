import { useState, type RefObject } from 'react';
import { useT } from '@/lib/i18n';

/**
 * Copies a text to the clipboard and says so; without a clipboard (an insecure page, a refused permission) it
 * selects the field the text is shown in, for the keyboard's copy.
 */
export function CopyButton({
  text,
  label,
  fieldRef,
}: {
  text: string;
  /** The button's accessible name, e.g. "Copy the e-mail events URL". */
  label: string;
  fieldRef?: RefObject<HTMLInputElement | null>;
}) {
  const t = useT();
  const [state, setState] = useState<'copied' | 'failed' | null>(null);

  async function handleCopy() {
    setState(null);
    try {
      await navigator.clipboard.writeText(text);
      setState('copied');
    } catch {
      fieldRef?.current?.focus();
      fieldRef?.current?.select();
      setState('failed');
    }
  }

  return (
    <>
      <button type="button" aria-label={label} onClick={() => void handleCopy()}>
        {t('messagingSettings.copy')}
      </button>
      {/* Always rendered, so screen readers announce what appears in it. */}
      <span role="status" className={state === 'failed' ? 'field-error small' : 'muted small'}>
        {state === 'copied' ? t('messagingSettings.copied') : state === 'failed' ? t('messagingSettings.copyFailed') : ''}
      </span>
    </>
  );
}
