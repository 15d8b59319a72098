import { useId } from 'react';
import { useT } from '@/lib/i18n';
import type { RenderedMessage } from '../api/preview-message';

/**
 * A message as a customer would get it: the subject, the plain text, and the HTML part of an e-mail in a sandboxed
 * frame (no scripts, no same-origin access: the server escapes it, and this is the second lock).
 */
export function RenderedMessageView({ message, title }: { message: RenderedMessage; title: string }) {
  const t = useT();
  const id = useId();
  return (
    <section aria-labelledby={`${id}-title`} className="rendered-message">
      <h3 id={`${id}-title`}>{title}</h3>
      {message.subject != null && (
        <p className="rendered-message-subject">
          <span className="muted">{t('templates.preview.subject')} </span>
          <strong>{message.subject}</strong>
        </p>
      )}
      <div className="field">
        <span className="muted small" id={`${id}-text`}>
          {t('templates.preview.text')}
        </span>
        <pre aria-labelledby={`${id}-text`} className="rendered-message-text">
          {message.text}
        </pre>
      </div>
      {message.html && (
        <div className="field">
          <span className="muted small">{t('templates.preview.html')}</span>
          <iframe sandbox="" srcDoc={message.html} title={t('templates.preview.htmlFrame')} className="rendered-message-html" />
        </div>
      )}
    </section>
  );
}
