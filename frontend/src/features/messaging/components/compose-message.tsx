import { smsParts } from '@/lib/sms';
import { useId, useMemo, useState } from 'react';
import { useWatch } from 'react-hook-form';
import { Link } from 'react-router';
import * as z from 'zod/mini';
import { FormAlert } from '@/components/form/form-alert';
import { TextField } from '@/components/form/text-field';
import { useNotify } from '@/components/toast';
import { applyServerErrors, serverMessage, useZodForm } from '@/components/form/use-zod-form';
import { fieldMessageParams } from '@/lib/form-messages';
import { useFormatters, useT, type MessageKey, type MessageParams, type Translate } from '@/lib/i18n';
import { errorSentence, isProblem } from '@/lib/problem';
import { MESSAGE_CHANNELS, useMessageTemplates, type MessageChannel, type MessageTemplate } from '../api/list-message-templates';
import { usePreviewMessage, type RenderedMessage } from '../api/preview-message';
import { useSendMessage, type Message, type SendMessageRequest } from '../api/send-message';
import { placeholder, shortReason, unknownPlaceholderAllowed } from '../lib/message-text';
import { statusLabel } from './message-labels';

/** The server's limit for an SMS text (about ten parts). */
const MAX_SMS_BODY = 1600;

/** The contract's limits (SendMessageRequest, MessagePreviewRequest). */
const MAX_SUBJECT = 200;
const MAX_BODY = 20_000;
/** One line, as the server takes a subject (no line breaks). */
const ONE_LINE = /^[^\r\n\x00]*$/;

/**
 * The server's rules (SendMessageRequest, MessageService.send; MessagePreviewRequest for a preview) in the same
 * words, for the channel in use: a text (a send from a template may leave it to the template's), at most 1,600
 * characters for an SMS, and an e-mail's subject. `intent`: a send or a preview, which needs a text of its own.
 */
function composeSchema(hasEmail: boolean, hasMobile: boolean) {
  return z
    .object({
      intent: z.enum(['send', 'preview']),
      channel: z.enum(MESSAGE_CHANNELS),
      templateId: z.string(),
      subject: z.string(),
      body: z.string().check(z.maxLength(MAX_BODY)),
    })
    .check(
      z.superRefine(
        ({ intent, channel: chosen, templateId, subject, body }, context) => {
          const issue = (path: 'subject' | 'body', key: MessageKey, values?: MessageParams) =>
            context.addIssue({
              code: 'custom',
              path: [path],
              params: fieldMessageParams(key, values),
              input: path === 'subject' ? subject : body,
            });
          const channel = usableChannel(chosen, hasEmail, hasMobile);
          // A send from a template takes the template's text for what is left empty.
          const fromTemplate = intent === 'send' && templateId !== '';
          if (body.trim() === '' && !fromTemplate) issue('body', 'fieldError.REQUIRED');
          else if (channel === 'SMS' && body.length > MAX_SMS_BODY) issue('body', 'fieldError.LENGTH.between', { min: 1, max: MAX_SMS_BODY });
          // The subject is an e-mail's only.
          if (channel !== 'EMAIL') return;
          const trimmed = subject.trim();
          if (trimmed === '' && intent === 'send' && !fromTemplate) issue('subject', 'fieldError.REQUIRED');
          else if (trimmed.length > MAX_SUBJECT) issue('subject', 'fieldError.LENGTH.max', { max: MAX_SUBJECT });
          else if (!ONE_LINE.test(trimmed)) issue('subject', 'fieldError.FORMAT');
        },
        // Also when another field is wrong: one send names every mistake.
        { when: () => true },
      ),
    );
}

type ComposeValues = z.input<ReturnType<typeof composeSchema>>;

/** A field the server named, by the label the box shows it under, for the alert. */
function composeFieldLabel(t: Translate, field: string): string {
  if (field === 'subject') return t('messaging.compose.subject');
  if (field === 'body') return t('messaging.compose.body');
  if (field === 'templateId') return t('messaging.compose.template');
  return field;
}

/** What the server may refuse and the box shows by a field. */
const SHOWN_FIELDS = ['channel', 'templateId', 'subject', 'body'] as const;

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
  const templatesQuery = useMessageTemplates();
  const previewMutation = usePreviewMessage();
  const sendMutation = useSendMessage();
  const notify = useNotify();
  const schema = useMemo(() => composeSchema(hasEmail, hasMobile), [hasEmail, hasMobile]);
  const form = useZodForm<ComposeValues, z.output<typeof schema>>(schema, {
    defaultValues: {
      intent: 'send',
      channel: hasEmail || !hasMobile ? 'EMAIL' : 'SMS',
      templateId: '',
      subject: '',
      body: '',
    },
    fieldLabel: composeFieldLabel,
  });
  const [chosenChannel, templateId, body] = useWatch({ control: form.control, name: ['channel', 'templateId', 'body'] });
  const [result, setResult] = useState<Message | null>(null);

  const channel = usableChannel(chosenChannel, hasEmail, hasMobile);
  const reachable = channel === 'EMAIL' ? hasEmail : hasMobile;
  // At most one of the two failed: each action clears the other's outcome.
  const error = sendMutation.error ?? previewMutation.error;
  const ownProblem =
    isProblem(error, 'messaging-channel-off') || isProblem(error, 'no-address') || isProblem(error, 'daily-send-limit');
  const channelError = form.fieldError('channel');
  const templateError = form.fieldError('templateId');
  const bodyError = form.fieldError('body');

  const templates = (templatesQuery.data?.items ?? []).filter((template) => template.channel === channel);
  const pending = sendMutation.isPending || previewMutation.isPending;

  /** A failed send or preview: the box's own problems in their words, field errors by their fields, the rest in the alert. */
  function showFailure(failure: unknown) {
    if (isProblem(failure, 'messaging-channel-off') || isProblem(failure, 'no-address') || isProblem(failure, 'daily-send-limit')) {
      form.focusFirstError();
      return;
    }
    applyServerErrors(form, failure);
    // The server's "unknown placeholder" says which ones exist.
    for (const field of ['subject', 'body'] as const) {
      const allowed = unknownPlaceholderAllowed(failure, field);
      if (allowed === null) continue;
      form.setError(
        field,
        serverMessage(
          allowed.length > 0
            ? { key: 'messaging.compose.unknownPlaceholder', params: { allowed: allowed.map(placeholder).join(', ') } }
            : { key: 'messaging.compose.unknownPlaceholderGeneric' },
        ),
      );
    }
  }

  /** Anything edited: the preview, the last outcome and what the server said no longer describe the text. */
  function edited() {
    previewMutation.reset();
    sendMutation.reset();
    setResult(null);
    for (const name of SHOWN_FIELDS) {
      if (form.getFieldState(name).error?.type === 'server') form.clearErrors(name);
    }
  }

  function chooseChannel(next: MessageChannel) {
    if (next === channel) return;
    form.setValue('channel', next);
    // A template belongs to its channel: its text goes with it.
    if (templateId !== '') {
      form.setValue('templateId', '');
      form.setValue('subject', '');
      form.setValue('body', '');
    }
    edited();
  }

  function chooseTemplate(value: string) {
    edited();
    if (value === '') {
      form.setValue('templateId', '');
      return;
    }
    const template = templates.find((item) => String(item.id) === value);
    if (!template) return;
    const recheck = { shouldValidate: form.formState.isSubmitted };
    form.setValue('templateId', String(template.id), recheck);
    form.setValue('subject', template.subject ?? '', recheck);
    form.setValue('body', template.body, recheck);
  }

  /** Checks the box for `intent` (every mistake by its field), then hands the values to `action`. */
  function whenValid(intent: 'send' | 'preview', action: (values: z.output<typeof schema>) => void) {
    if (pending || !reachable) return;
    form.setValue('intent', intent);
    void form.handleSubmit(action)();
  }

  function preview() {
    whenValid('preview', (values) => {
      sendMutation.reset();
      setResult(null);
      previewMutation.mutate(
        { channel, subject: channel === 'EMAIL' ? values.subject.trim() : null, body: values.body, customerId },
        { onError: showFailure },
      );
    });
  }

  function send() {
    whenValid('send', (values) => {
      const request: SendMessageRequest = { channel, body: values.body };
      if (values.templateId !== '') request.templateId = Number(values.templateId);
      if (channel === 'EMAIL') request.subject = values.subject.trim();
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
              form.reset({ ...form.getValues(), intent: 'send', templateId: '', subject: '', body: '' });
            }
          },
          onError: showFailure,
        },
      );
    });
  }

  const titleId = `${id}-title`;
  const bodyId = `${id}-body`;
  const templateFieldId = `${id}-template`;
  const channelHints = [!hasEmail && `${id}-no-email`, !hasMobile && `${id}-no-mobile`].filter(Boolean).join(' ');
  const templateHint = templatesQuery.isError
    ? errorSentence(t, templatesQuery.error)
    : templatesQuery.isSuccess && templates.length === 0
      ? t('messaging.compose.noTemplates', { channel })
      : null;
  return (
    <section aria-labelledby={titleId} className="card message-compose">
      <h2 id={titleId}>{t('messaging.compose.title')}</h2>
      <form
        ref={form.formRef}
        onSubmit={(event) => {
          event.preventDefault();
          send();
        }}
        noValidate
        aria-busy={pending}
        className="form"
      >
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
          {channelError && <p className="field-error">{channelError}</p>}
        </fieldset>
        <div className="field">
          <label htmlFor={templateFieldId}>{t('messaging.compose.template')}</label>
          <select
            id={templateFieldId}
            value={templateId}
            disabled={!reachable}
            onChange={(event) => chooseTemplate(event.target.value)}
            aria-invalid={templateError ? true : undefined}
            aria-describedby={
              [templateHint && `${templateFieldId}-hint`, templateError && `${templateFieldId}-error`]
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
          {templateError && (
            <p id={`${templateFieldId}-error`} className="field-error">
              {templateError}
            </p>
          )}
        </div>
        {channel === 'EMAIL' && (
          <TextField
            label={t('messaging.compose.subject')}
            maxLength={MAX_SUBJECT}
            autoComplete="off"
            disabled={!reachable}
            {...form.field('subject', { onChange: edited })}
          />
        )}
        <div className="field">
          <label htmlFor={bodyId}>{t('messaging.compose.body')}</label>
          <textarea
            id={bodyId}
            rows={channel === 'EMAIL' ? 8 : 4}
            disabled={!reachable}
            maxLength={channel === 'SMS' ? MAX_SMS_BODY : MAX_BODY}
            aria-invalid={bodyError ? true : undefined}
            aria-describedby={`${bodyId}-hint${bodyError ? ` ${bodyId}-error` : ''}`}
            {...form.register('body', { onChange: edited })}
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
        {/* Gone once the text is edited, with what it was about. */}
        {error !== null && !ownProblem && <FormAlert alert={form.alert} />}
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
