import { smsParts } from '@/lib/sms';
import { useId, useRef, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { FormAlert } from '@/components/form/form-alert';
import { TextField } from '@/components/form/text-field';
import { useNotify } from '@/components/toast';
import { useFocusOnError, useFormErrors } from '@/components/form/use-form-errors';
import { useFormatters, useT, type Translate } from '@/lib/i18n';
import { errorSentence, isProblem } from '@/lib/problem';
import { MESSAGE_CHANNELS, useMessageTemplates, type MessageChannel, type MessageTemplate } from '../api/list-message-templates';
import { usePreviewMessage, type RenderedMessage } from '../api/preview-message';
import { useSendMessage, type Message, type SendMessageRequest } from '../api/send-message';
import { placeholder, shortReason, unknownPlaceholderAllowed } from '../lib/message-text';
import { statusLabel } from './message-labels';

const FIELDS = ['channel', 'templateId', 'subject', 'body'] as const;

/** The server's limit for an SMS text (about ten parts). */
const MAX_SMS_BODY = 1600;

export interface ComposeMessageProps {
  customerId: number;
  /** The customer has an e-mail address / a mobile number: the channel without one cannot be chosen. */
  hasEmail: boolean;
  hasMobile: boolean;
  /** An administrator, who can set up a channel that is off: the refusal links to Settings → Messaging. */
  canSetUp: boolean;
}

/** Which channel is in use: the one chosen, unless the customer cannot be reached on it and can on the other. */
function usableChannel(chosen: MessageChannel, hasEmail: boolean, hasMobile: boolean): MessageChannel {
  if (chosen === 'EMAIL') return hasEmail || !hasMobile ? 'EMAIL' : 'SMS';
  return hasMobile || !hasEmail ? 'SMS' : 'EMAIL';
}

function templateLabel(t: Translate, template: MessageTemplate): string {
  return t('messaging.compose.templateOption', { name: template.name, language: t(`messaging.language.${template.language}`) });
}

/** The problems this box says in its own words (the generic sentences would mislead: a 429 here is not a login). */
function ProblemAlert({ error, channel, canSetUp }: { error: unknown; channel: MessageChannel; canSetUp: boolean }) {
  const t = useT();
  let message: string | null = null;
  let setUpLink = false;
  if (isProblem(error, 'messaging-channel-off')) {
    message = t('messaging.compose.channelOff', { channel });
    setUpLink = canSetUp;
  } else if (isProblem(error, 'no-address')) {
    message = t('messaging.compose.noAddress', { channel });
  } else if (isProblem(error, 'daily-send-limit')) {
    message = t('messaging.compose.dailyLimit', { channel });
  }
  if (message === null) return null;
  return (
    <div role="alert" tabIndex={-1} className="form-alert">
      <p>{message}</p>
      {setUpLink && (
        <p>
          <Link to="/settings/messaging">{t('messaging.compose.setUpLink')}</Link>
        </p>
      )}
    </div>
  );
}

/** Sent (or delivered already): said in a toast; anything else is said by the box, next to the text kept. */
function wentOut(message: Message): boolean {
  return message.status === 'SENT' || message.status === 'DELIVERED';
}

/** Why a send the server answered did not go out, in a sentence. */
function SendResult({ message }: { message: Message }) {
  const t = useT();
  const reason = shortReason(message.error);
  let headline: string;
  if (message.status === 'FAILED') headline = t('messaging.compose.failed', { channel: message.channel });
  else if (message.status === 'QUEUED') headline = t('messaging.compose.queued');
  else headline = t('messaging.compose.notSent', { status: statusLabel(t, message.status) });
  return (
    <div role="alert" className="form-alert">
      <p>{headline}</p>
      {reason && <p>{t('messaging.compose.serverSaid', { channel: message.channel, reason })}</p>}
    </div>
  );
}

function Preview({ rendered, channel, titleId }: { rendered: RenderedMessage; channel: MessageChannel; titleId: string }) {
  const t = useT();
  return (
    <section className="message-preview" aria-labelledby={titleId}>
      <h3 id={titleId}>{t('messaging.preview.title')}</h3>
      {rendered.subject && (
        <p className="message-preview-subject">
          <span className="muted">{t('messaging.preview.subject')}</span> <strong>{rendered.subject}</strong>
        </p>
      )}
      {channel === 'EMAIL' && rendered.html ? (
        // The server escapes the text into its HTML; still, nothing in it may run or reach this page.
        <iframe className="message-preview-frame" sandbox="" srcDoc={rendered.html} title={t('messaging.preview.frame')} />
      ) : (
        <p className="message-preview-text">{rendered.text}</p>
      )}
    </section>
  );
}

/**
 * "Send an e-mail or SMS" on the customer's page: from a template of the channel (its text editable) or written
 * here, with a preview of the text as the customer would get it. A message the server takes becomes a follow-up.
 */
export function ComposeMessage({ customerId, hasEmail, hasMobile, canSetUp }: ComposeMessageProps) {
  const t = useT();
  const format = useFormatters();
  const id = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const templatesQuery = useMessageTemplates();
  const previewMutation = usePreviewMessage();
  const sendMutation = useSendMessage();
  const notify = useNotify();
  const [chosenChannel, setChosenChannel] = useState<MessageChannel>(hasEmail || !hasMobile ? 'EMAIL' : 'SMS');
  const [templateId, setTemplateId] = useState<number | null>(null);
  const [subject, setSubject] = useState('');
  const [body, setBody] = useState('');
  const [result, setResult] = useState<Message | null>(null);

  const channel = usableChannel(chosenChannel, hasEmail, hasMobile);
  const reachable = channel === 'EMAIL' ? hasEmail : hasMobile;
  // At most one of the two failed: each action clears the other's outcome.
  const error = sendMutation.error ?? previewMutation.error;
  const ownProblem =
    isProblem(error, 'messaging-channel-off') || isProblem(error, 'no-address') || isProblem(error, 'daily-send-limit');
  const { fieldErrors, alert } = useFormErrors(ownProblem ? null : error, FIELDS);
  useFocusOnError(formRef, error);

  /** The server's "unknown placeholder" says which ones exist; any other error of the field as usual. */
  function textError(field: 'subject' | 'body'): string | undefined {
    const allowed = unknownPlaceholderAllowed(error, field);
    if (allowed === null) return fieldErrors[field];
    return allowed.length > 0
      ? t('messaging.compose.unknownPlaceholder', { allowed: allowed.map(placeholder).join(', ') })
      : t('messaging.compose.unknownPlaceholderGeneric');
  }

  const templates = (templatesQuery.data?.items ?? []).filter((template) => template.channel === channel);
  const pending = sendMutation.isPending || previewMutation.isPending;

  /** Anything edited: the preview and the last outcome no longer describe the text. */
  function edited() {
    previewMutation.reset();
    sendMutation.reset();
    setResult(null);
  }

  function chooseChannel(next: MessageChannel) {
    if (next === channel) return;
    setChosenChannel(next);
    // A template belongs to its channel: its text goes with it.
    if (templateId !== null) {
      setTemplateId(null);
      setSubject('');
      setBody('');
    }
    edited();
  }

  function chooseTemplate(value: string) {
    edited();
    if (value === '') {
      setTemplateId(null);
      return;
    }
    const template = templates.find((item) => String(item.id) === value);
    if (!template) return;
    setTemplateId(template.id);
    setSubject(template.subject ?? '');
    setBody(template.body);
  }

  function preview() {
    if (pending) return;
    sendMutation.reset();
    setResult(null);
    previewMutation.mutate({
      channel,
      subject: channel === 'EMAIL' ? subject.trim() : null,
      body,
      customerId,
    });
  }

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending || !reachable) return;
    const request: SendMessageRequest = { channel, body };
    if (templateId !== null) request.templateId = templateId;
    if (channel === 'EMAIL') request.subject = subject.trim();
    previewMutation.reset();
    setResult(null);
    sendMutation.mutate(
      { customerId, body: request },
      {
        onSuccess: (message) => {
          if (wentOut(message)) notify({ message: t('messaging.compose.sent'), tone: 'success' });
          else setResult(message);
          // A failed one keeps its text, to be sent again once the cause is fixed; otherwise a fresh box.
          if (message.status !== 'FAILED') {
            setTemplateId(null);
            setSubject('');
            setBody('');
          }
        },
      },
    );
  }

  const titleId = `${id}-title`;
  const bodyId = `${id}-body`;
  const templateFieldId = `${id}-template`;
  const subjectError = textError('subject');
  const bodyError = textError('body');
  const channelHints = [!hasEmail && `${id}-no-email`, !hasMobile && `${id}-no-mobile`].filter(Boolean).join(' ');
  const templateHint = templatesQuery.isError
    ? errorSentence(t, templatesQuery.error)
    : templatesQuery.isSuccess && templates.length === 0
      ? t('messaging.compose.noTemplates', { channel })
      : null;
  return (
    <section aria-labelledby={titleId} className="card message-compose">
      <h2 id={titleId}>{t('messaging.compose.title')}</h2>
      <form ref={formRef} onSubmit={handleSubmit} noValidate aria-busy={pending} className="form">
        <fieldset className="message-channels" aria-describedby={channelHints || undefined}>
          <legend>{t('messaging.compose.channel')}</legend>
          <div className="message-channel-options">
            {MESSAGE_CHANNELS.map((option) => (
              <label key={option}>
                <input
                  type="radio"
                  name="channel"
                  value={option}
                  checked={channel === option}
                  disabled={option === 'EMAIL' ? !hasEmail : !hasMobile}
                  onChange={() => chooseChannel(option)}
                />{' '}
                {t(`messaging.channel.${option}`)}
              </label>
            ))}
          </div>
          {!hasEmail && (
            <p id={`${id}-no-email`} className="field-hint">
              {t('messaging.compose.noEmail')}
            </p>
          )}
          {!hasMobile && (
            <p id={`${id}-no-mobile`} className="field-hint">
              {t('messaging.compose.noMobile')}
            </p>
          )}
          {fieldErrors.channel && <p className="field-error">{fieldErrors.channel}</p>}
        </fieldset>
        <div className="field">
          <label htmlFor={templateFieldId}>{t('messaging.compose.template')}</label>
          <select
            id={templateFieldId}
            value={templateId === null ? '' : String(templateId)}
            disabled={!reachable}
            onChange={(event) => chooseTemplate(event.target.value)}
            aria-invalid={fieldErrors.templateId ? true : undefined}
            aria-describedby={
              [templateHint && `${templateFieldId}-hint`, fieldErrors.templateId && `${templateFieldId}-error`]
                .filter(Boolean)
                .join(' ') || undefined
            }
          >
            <option value="">{templatesQuery.isPending ? t('app.loading') : t('messaging.compose.noTemplate')}</option>
            {templates.map((template) => (
              <option key={template.id} value={String(template.id)}>
                {templateLabel(t, template)}
              </option>
            ))}
          </select>
          {templateHint && (
            <p id={`${templateFieldId}-hint`} className="field-hint">
              {templateHint}
            </p>
          )}
          {fieldErrors.templateId && (
            <p id={`${templateFieldId}-error`} className="field-error">
              {fieldErrors.templateId}
            </p>
          )}
        </div>
        {channel === 'EMAIL' && (
          <TextField
            label={t('messaging.compose.subject')}
            name="subject"
            value={subject}
            maxLength={200}
            autoComplete="off"
            disabled={!reachable}
            onChange={(event) => {
              setSubject(event.target.value);
              edited();
            }}
            error={subjectError}
          />
        )}
        <div className="field">
          <label htmlFor={bodyId}>{t('messaging.compose.body')}</label>
          <textarea
            id={bodyId}
            name="body"
            rows={channel === 'EMAIL' ? 8 : 4}
            value={body}
            disabled={!reachable}
            maxLength={channel === 'SMS' ? MAX_SMS_BODY : 20000}
            onChange={(event) => {
              setBody(event.target.value);
              edited();
            }}
            aria-invalid={bodyError ? true : undefined}
            aria-describedby={`${bodyId}-hint${bodyError ? ` ${bodyId}-error` : ''}`}
          />
          <p id={`${bodyId}-hint`} className="field-hint">
            {t('messaging.compose.bodyHint', { example: placeholder('name') })}
            {channel === 'SMS' && (
              <>
                {' '}
                {t('messaging.compose.smsLength', { count: body.length, max: format.number(MAX_SMS_BODY), parts: smsParts(body).parts })}
              </>
            )}
          </p>
          {bodyError && (
            <p id={`${bodyId}-error`} className="field-error">
              {bodyError}
            </p>
          )}
        </div>
        <ProblemAlert error={error} channel={channel} canSetUp={canSetUp} />
        {!ownProblem && <FormAlert alert={alert} />}
        <div className="form-actions">
          <button type="button" onClick={preview} disabled={pending || !reachable}>
            {previewMutation.isPending ? t('messaging.compose.previewing') : t('messaging.compose.preview')}
          </button>
          <button type="submit" disabled={pending || !reachable}>
            {sendMutation.isPending ? t('messaging.compose.sending') : t('messaging.compose.send', { channel })}
          </button>
        </div>
        {result && <SendResult message={result} />}
        {previewMutation.data && <Preview rendered={previewMutation.data} channel={channel} titleId={`${id}-preview`} />}
      </form>
    </section>
  );
}
