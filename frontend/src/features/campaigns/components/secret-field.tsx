import { useEffect, useId, useRef } from 'react';
import { useT, type MessageKey } from '@/lib/i18n';

/** What a save does with a write-only secret: leave it as stored, replace it with what is typed, or remove it. */
export type SecretMode = 'keep' | 'change' | 'remove';

const WORDS = {
  password: {
    label: 'messagingSettings.email.password',
    stored: 'messagingSettings.secret.passwordStored',
    none: 'messagingSettings.secret.passwordNone',
    change: 'messagingSettings.secret.changePassword',
    remove: 'messagingSettings.secret.removePassword',
    keep: 'messagingSettings.secret.keepPassword',
    removing: 'messagingSettings.secret.passwordRemoving',
  },
  token: {
    label: 'messagingSettings.sms.token',
    stored: 'messagingSettings.secret.tokenStored',
    none: 'messagingSettings.secret.tokenNone',
    change: 'messagingSettings.secret.changeToken',
    remove: 'messagingSettings.secret.removeToken',
    keep: 'messagingSettings.secret.keepToken',
    removing: 'messagingSettings.secret.tokenRemoving',
  },
} as const satisfies Record<string, Record<string, MessageKey>>;

/**
 * A password or token the server never sends back. Stored: it says so, with Change and Remove instead of the value;
 * the field is sent only when something was typed (or "" when removed). `storable` false: the server has no key to
 * store one with, so nothing new can be typed.
 */
export function SecretField({
  kind,
  name,
  stored,
  storable,
  mode,
  onModeChange,
  error,
}: {
  kind: keyof typeof WORDS;
  name: string;
  stored: boolean;
  storable: boolean;
  mode: SecretMode;
  onModeChange: (mode: SecretMode) => void;
  error?: string;
}) {
  const t = useT();
  const id = useId();
  const words = WORDS[kind];
  const inputRef = useRef<HTMLInputElement>(null);
  const focusInput = useRef(false);
  const typing = mode === 'change' || (!stored && mode !== 'remove');

  useEffect(() => {
    if (typing && focusInput.current) inputRef.current?.focus();
    focusInput.current = false;
  }, [typing]);

  const errorId = error ? `${id}-error` : undefined;
  const hintId = `${id}-hint`;
  return (
    <div className="field secret-field">
      {typing ? (
        <>
          <label htmlFor={id}>{t(words.label)}</label>
          <input
            ref={inputRef}
            id={id}
            name={name}
            type="password"
            autoComplete="new-password"
            maxLength={200}
            disabled={!storable}
            aria-invalid={error ? true : undefined}
            aria-describedby={[hintId, errorId].filter(Boolean).join(' ')}
          />
          <p id={hintId} className="field-hint">
            {stored ? t('messagingSettings.secret.replaceHint') : `${t(words.none)} ${t('messagingSettings.secret.newHint')}`}
          </p>
          {stored && (
            <div>
              <button type="button" onClick={() => onModeChange('keep')}>
                {t(words.keep)}
              </button>
            </div>
          )}
        </>
      ) : (
        <>
          <span className="secret-field-label" id={`${id}-label`}>
            {t(words.label)}
          </span>
          <p id={hintId} className={mode === 'remove' ? 'secret-field-state is-removing' : 'secret-field-state'}>
            {mode === 'remove' ? t(words.removing) : t(words.stored)}
          </p>
          <div className="secret-field-actions" role="group" aria-labelledby={`${id}-label`}>
            {mode === 'remove' ? (
              <button type="button" onClick={() => onModeChange('keep')}>
                {t('messagingSettings.secret.undo')}
              </button>
            ) : (
              <>
                <button
                  type="button"
                  disabled={!storable}
                  onClick={() => {
                    focusInput.current = true;
                    onModeChange('change');
                  }}
                >
                  {t(words.change)}
                </button>
                <button type="button" className="danger" onClick={() => onModeChange('remove')}>
                  {t(words.remove)}
                </button>
              </>
            )}
          </div>
          {error && (
            <p id={errorId} className="field-error">
              {error}
            </p>
          )}
        </>
      )}
      {typing && error && (
        <p id={errorId} className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}
