import * as Toast from '@radix-ui/react-toast';
import { createContext, useCallback, useContext, useMemo, useRef, useState, type MouseEvent, type ReactNode } from 'react';
import { useT } from '@/lib/i18n';

/** success: it was done; info: nothing to worry about (nothing changed, part of it skipped); error: it was not done. */
export type ToastTone = 'success' | 'error' | 'info';

/** A next step offered in the toast, e.g. "Open My customers"; `altText` says where else to find it, for screen readers. */
export interface ToastAction {
  label: string;
  altText: string;
  onSelect: () => void;
  /** Where it leads: the action is a link then (open in a new tab works), `onSelect` the in-app way there. */
  href?: string;
}

export interface ToastOptions {
  /** Already in the reader's words. */
  message: string;
  tone?: ToastTone;
  action?: ToastAction;
}

export type Notify = (toast: ToastOptions) => void;

interface ToastItem {
  id: number;
  open: boolean;
  message: string;
  tone: ToastTone;
  action?: ToastAction;
}

/** More at once would cover the page: the oldest leaves. */
const MAX_OPEN = 3;
export const ERROR_DURATION = 10_000;

/** Long enough to read: at least 6 s, longer for a long sentence, never over 10 s (hovered or focused, it waits). */
export function toastDuration(tone: ToastTone, message: string): number {
  if (tone === 'error') return ERROR_DURATION;
  return Math.min(10_000, Math.max(6_000, 2_000 + message.length * 50));
}

const NotifyContext = createContext<Notify | null>(null);

let warned = false;
const notifyOutside: Notify = ({ message }) => {
  if (import.meta.env.DEV && !warned) {
    warned = true;
    console.warn(`useNotify() outside <ToastProvider>: "${message}" was not shown.`);
  }
};

/**
 * Says what a one-click action did, in a toast: `notify({ message: t('…'), tone: 'success' })`. Outside a
 * ToastProvider it shows nothing (and warns once while developing).
 */
export function useNotify(): Notify {
  return useContext(NotifyContext) ?? notifyOutside;
}

function ToneIcon({ tone }: { tone: ToastTone }) {
  // Drawn, not written: the tone's word is said to screen readers instead.
  let path;
  if (tone === 'success') path = <path d="M4.5 10.5l3.5 3.5 7.5-8" />;
  else if (tone === 'error') path = <path d="M10 5.5v5.5M10 14.5v.01" />;
  else path = <path d="M10 9v5.5M10 5.5v.01" />;
  return (
    <svg className="toast-icon" viewBox="0 0 20 20" width="20" height="20" aria-hidden="true" focusable="false">
      {tone !== 'success' && <circle cx="10" cy="10" r="8.25" />}
      {path}
    </svg>
  );
}

function ActionControl({ action, onFollowed }: { action: ToastAction; onFollowed: () => void }) {
  if (!action.href) {
    return (
      <Toast.Action altText={action.altText} className="toast-action" onClick={action.onSelect}>
        {action.label}
      </Toast.Action>
    );
  }
  function follow(event: MouseEvent<HTMLAnchorElement>) {
    // A new tab or window is the browser's to open; a plain click stays in the app.
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    // Prevented, the click would not close the toast by itself.
    event.preventDefault();
    action.onSelect();
    onFollowed();
  }
  return (
    // type: not the button's "button" on a link.
    <Toast.Action altText={action.altText} asChild type={undefined}>
      <a className="toast-action" href={action.href} onClick={follow}>
        {action.label}
      </a>
    </Toast.Action>
  );
}

/**
 * The toasts of the whole app, bottom right (across the bottom on a phone): each says what an action did, stays
 * while hovered or focused, and can be dismissed (the close button, Escape, a swipe). F8 moves focus to them.
 * Screen readers hear each one: politely, an error at once.
 */
export function ToastProvider({ children }: { children: ReactNode }) {
  const t = useT();
  const [toasts, setToasts] = useState<ToastItem[]>([]);
  const nextId = useRef(0);

  const notify = useCallback<Notify>(({ message, tone = 'info', action }) => {
    nextId.current += 1;
    const id = nextId.current;
    setToasts((current) => {
      // Closed ones have left the screen; of the open ones, the oldest go when there would be too many.
      const open = current.filter((item) => item.open);
      const excess = open.length + 1 - MAX_OPEN;
      const kept = open.map((item, index) => (index < excess ? { ...item, open: false } : item));
      return [...kept, { id, open: true, message, tone, action }];
    });
  }, []);

  const close = useCallback((id: number) => {
    setToasts((current) => current.map((item) => (item.id === id ? { ...item, open: false } : item)));
  }, []);

  const toneWord = useMemo(
    () => ({ success: t('toast.tone.success'), error: t('toast.tone.error'), info: t('toast.tone.info') }),
    [t],
  );

  return (
    <NotifyContext.Provider value={notify}>
      <Toast.Provider label={t('toast.label')} swipeDirection="right">
        {children}
        {toasts.map((item) => (
          <Toast.Root
            key={item.id}
            open={item.open}
            onOpenChange={(open) => {
              if (!open) close(item.id);
            }}
            // Foreground: announced at once (assertive); background: when the reader is done (polite).
            type={item.tone === 'error' ? 'foreground' : 'background'}
            duration={toastDuration(item.tone, item.message)}
            className={`toast toast-${item.tone}`}
          >
            <ToneIcon tone={item.tone} />
            <div className="toast-body">
              <Toast.Description className="toast-message">
                <span className="visually-hidden">{toneWord[item.tone]} </span>
                {item.message}
              </Toast.Description>
              {item.action && <ActionControl action={item.action} onFollowed={() => close(item.id)} />}
            </div>
            <Toast.Close className="toast-close" aria-label={t('toast.close')}>
              <svg viewBox="0 0 20 20" width="16" height="16" aria-hidden="true" focusable="false">
                <path d="M5 5l10 10M15 5L5 15" />
              </svg>
            </Toast.Close>
          </Toast.Root>
        ))}
        {/* The label names the region and its hotkey: "Notifications (F8)". */}
        <Toast.Viewport className="toast-viewport" label={t('toast.viewport')} />
      </Toast.Provider>
    </NotifyContext.Provider>
  );
}
