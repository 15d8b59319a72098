import { useEffect, useId, useRef } from 'react';

export interface ConfirmProps {
  title: string;
  description: string;
  confirmLabel: string;
  cancelLabel: string;
  pending?: boolean;
  /** The confirmed action destroys or takes away something (delete, deactivate): its button says so in red. */
  danger?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}

/**
 * An in-place confirmation (no modal: it stays next to what it confirms).
 * Focus starts on the harmless choice; Escape cancels.
 */
export function Confirm({ title, description, confirmLabel, cancelLabel, pending, danger, onConfirm, onCancel }: ConfirmProps) {
  const titleId = useId();
  const descriptionId = useId();
  const cancelRef = useRef<HTMLButtonElement>(null);
  useEffect(() => cancelRef.current?.focus(), []);

  return (
    <div
      role="alertdialog"
      aria-labelledby={titleId}
      aria-describedby={descriptionId}
      className="confirm"
      onKeyDown={(event) => {
        if (event.key === 'Escape') onCancel();
      }}
    >
      <p id={titleId} className="confirm-title">
        {title}
      </p>
      <p id={descriptionId}>{description}</p>
      <div className="confirm-actions">
        <button type="button" ref={cancelRef} onClick={onCancel}>
          {cancelLabel}
        </button>
        <button
          type="button"
          className={danger ? 'button-danger' : 'button-primary'}
          aria-disabled={pending || undefined}
          onClick={pending ? undefined : onConfirm}
        >
          {confirmLabel}
        </button>
      </div>
    </div>
  );
}
