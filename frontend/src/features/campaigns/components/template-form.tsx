import { smsParts } from '@/lib/sms';
import { useId, useLayoutEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { FormAlert } from '@/components/form/form-alert';
import { TextField } from '@/components/form/text-field';
import { useFocusOnError, useFormErrors } from '@/components/form/use-form-errors';
import { LOCALE_NAMES, useT, type Translate } from '@/lib/i18n';
import { ApiError } from '@/lib/problem';
import { MESSAGE_CHANNELS, type MessageChannel } from '../api/get-messaging-settings';
import { useCreateMessageTemplate } from '../api/create-message-template';
import {
  SMS_MAX,
  TEMPLATE_LANGUAGES,
  type MessageTemplate,
  type MessageTemplateInput,
  type TemplateLanguage,
} from '../api/list-message-templates';
import { usePlaceholders } from '../api/list-placeholders';
import { useReplaceMessageTemplate } from '../api/replace-message-template';
import { channelLabel } from './campaign-parts';
import { PlaceholderPalette, placeholderToken } from './placeholder-palette';
import { TemplatePreview } from './template-preview';

const FIELDS = ['name', 'channel', 'language', 'subject', 'body'] as const satisfies readonly (keyof MessageTemplateInput)[];

/** As the server reads them: `{{ key }}` or `{{key|fallback}}`. */
const PLACEHOLDER = /\{\{\s*([A-Za-z0-9_.-]*)\s*(?:\|[^{}]*)?\}\}/g;

/** The placeholders of a text that are not among the known ones, each once, as written (`{{nmae}}`). */
export function unknownPlaceholders(text: string, known: ReadonlySet<string>): string[] {
  const unknown = new Set<string>();
  for (const match of text.matchAll(PLACEHOLDER)) {
    const key = match[1] ?? '';
    if (!known.has(key)) unknown.add(placeholderToken(key));
  }
  return [...unknown];
}

/** The server refused a placeholder (code UNKNOWN): say which, in the reader's words, from the text as sent. */
function placeholderError(t: Translate, error: unknown, field: 'subject' | 'body', text: string, known: ReadonlySet<string> | null) {
  if (!(error instanceof ApiError) || !error.problem.errors.some((item) => item.field === field && item.code === 'UNKNOWN')) return null;
  const names = known ? unknownPlaceholders(text, known) : [];
  if (names.length > 0) return t('templates.error.unknownPlaceholder', { names: names.join(', '), count: names.length });
  return t('templates.error.brokenBraces', { example: '{{name}}' });
}

/** The SMS length: characters of the most allowed, and how many messages it goes out as (70 a part in Chinese). */
function SmsCounter({ id, text }: { id: string; text: string }) {
  const t = useT();
  const length = text.length;
  const { parts: segments, perPart } = smsParts(text);
  const over = length > SMS_MAX;
  return (
    <p id={id} className={over ? 'field-error sms-counter' : 'field-hint sms-counter'} aria-live="polite">
      {t('templates.sms.counter', { count: length, max: SMS_MAX, segments, size: perPart })}
      {over && ` ${t('templates.sms.tooLong', { over: length - SMS_MAX })}`}
    </p>
  );
}

/** A template to add or change: name, channel, language, subject (e-mail), body with placeholders, and a preview. */
export function TemplateForm({
  template,
  onSaved,
  onCancel,
}: {
  /** null: a new one. */
  template: MessageTemplate | null;
  onSaved: (saved: MessageTemplate, created: boolean) => void;
  onCancel: () => void;
}) {
  const t = useT();
  const id = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const subjectRef = useRef<HTMLInputElement>(null);
  const bodyRef = useRef<HTMLTextAreaElement>(null);
  const lastField = useRef<'subject' | 'body'>('body');
  const cursor = useRef<{ field: 'subject' | 'body'; at: number } | null>(null);
  const createMutation = useCreateMessageTemplate();
  const replaceMutation = useReplaceMessageTemplate();
  const placeholdersQuery = usePlaceholders();
  const [name, setName] = useState(template?.name ?? '');
  const [channel, setChannel] = useState<MessageChannel>(template?.channel ?? 'EMAIL');
  const [language, setLanguage] = useState<TemplateLanguage>(template?.language ?? 'en');
  const [subject, setSubject] = useState(template?.subject ?? '');
  const [body, setBody] = useState(template?.body ?? '');
  // What was sent, for naming the refused placeholders (the fields may have changed since).
  const [sent, setSent] = useState<MessageTemplateInput | null>(null);

  const mutation = template ? replaceMutation : createMutation;
  const tooMany = !template && createMutation.error instanceof ApiError && createMutation.error.status === 409;
  const error = tooMany ? null : mutation.error;
  const { fieldErrors, alert } = useFormErrors(error, FIELDS);
  useFocusOnError(formRef, mutation.error);
  const email = channel === 'EMAIL';

  const known = useMemo(
    () => (placeholdersQuery.data ? new Set(placeholdersQuery.data.items.map((item) => item.key)) : null),
    [placeholdersQuery.data],
  );
  const subjectError = placeholderError(t, error, 'subject', sent?.subject ?? '', known) ?? fieldErrors.subject;
  const bodyError = placeholderError(t, error, 'body', sent?.body ?? '', known) ?? fieldErrors.body;

  // After an insertion: the cursor right after what was inserted, in the field it went into.
  useLayoutEffect(() => {
    const target = cursor.current;
    if (!target) return;
    cursor.current = null;
    const element = target.field === 'subject' ? subjectRef.current : bodyRef.current;
    element?.focus();
    element?.setSelectionRange(target.at, target.at);
  }, [subject, body]);

  function insert(key: string) {
    const field = email && lastField.current === 'subject' ? 'subject' : 'body';
    const element = field === 'subject' ? subjectRef.current : bodyRef.current;
    const value = field === 'subject' ? subject : body;
    const start = element?.selectionStart ?? value.length;
    const end = element?.selectionEnd ?? start;
    const token = placeholderToken(key);
    const next = value.slice(0, start) + token + value.slice(end);
    cursor.current = { field, at: start + token.length };
    if (field === 'subject') setSubject(next);
    else setBody(next);
  }

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (mutation.isPending) return;
    const input: MessageTemplateInput = { name: name.trim(), channel, language, body };
    if (email) input.subject = subject.trim();
    setSent(input);
    if (template) {
      replaceMutation.mutate({ template, body: input }, { onSuccess: (saved) => onSaved(saved, false) });
    } else {
      createMutation.mutate(input, { onSuccess: (saved) => onSaved(saved, true) });
    }
  }

  const pending = mutation.isPending;
  const titleId = `${id}-title`;
  return (
    <section aria-labelledby={titleId} className="card">
      <h2 id={titleId}>{template ? t('templates.form.editTitle', { name: template.name }) : t('templates.form.newTitle')}</h2>
      <form ref={formRef} onSubmit={handleSubmit} noValidate aria-busy={pending} className="form template-form">
        <div className="form-columns">
          <TextField
            label={t('templates.form.name')}
            name="name"
            value={name}
            onChange={(event) => setName(event.currentTarget.value)}
            maxLength={100}
            required
            autoComplete="off"
            error={fieldErrors.name}
          />
          <fieldset className="inline-radios">
            <legend>{t('templates.form.channel')}</legend>
            {MESSAGE_CHANNELS.map((option) => (
              <label key={option}>
                <input
                  type="radio"
                  name="channel"
                  value={option}
                  checked={channel === option}
                  onChange={() => setChannel(option)}
                />{' '}
                {channelLabel(t, option)}
              </label>
            ))}
            {fieldErrors.channel && <p className="field-error">{fieldErrors.channel}</p>}
          </fieldset>
          <div className="field">
            <label htmlFor={`${id}-language`}>{t('templates.form.language')}</label>
            <select
              id={`${id}-language`}
              name="language"
              value={language}
              onChange={(event) => setLanguage(event.currentTarget.value as TemplateLanguage)}
              aria-describedby={`${id}-language-hint`}
            >
              {TEMPLATE_LANGUAGES.map((option) => (
                <option key={option} value={option} lang={option}>
                  {LOCALE_NAMES[option]}
                </option>
              ))}
            </select>
            <p id={`${id}-language-hint`} className="field-hint">
              {t('templates.form.languageHint')}
            </p>
          </div>
        </div>
        {email && (
          <div className="field">
            <label htmlFor={`${id}-subject`}>{t('templates.form.subject')}</label>
            <input
              ref={subjectRef}
              id={`${id}-subject`}
              name="subject"
              value={subject}
              onChange={(event) => setSubject(event.currentTarget.value)}
              onFocus={() => {
                lastField.current = 'subject';
              }}
              maxLength={200}
              autoComplete="off"
              aria-invalid={subjectError ? true : undefined}
              aria-describedby={subjectError ? `${id}-subject-error` : undefined}
            />
            {subjectError && (
              <p id={`${id}-subject-error`} className="field-error">
                {subjectError}
              </p>
            )}
          </div>
        )}
        <div className="field">
          <label htmlFor={`${id}-body`}>{t('templates.form.body')}</label>
          <textarea
            ref={bodyRef}
            id={`${id}-body`}
            name="body"
            rows={email ? 10 : 5}
            value={body}
            onChange={(event) => setBody(event.currentTarget.value)}
            onFocus={() => {
              lastField.current = 'body';
            }}
            maxLength={email ? 20000 : undefined}
            aria-invalid={bodyError ? true : undefined}
            aria-describedby={[`${id}-body-hint`, email ? '' : `${id}-counter`, bodyError ? `${id}-body-error` : '']
              .filter(Boolean)
              .join(' ')}
          />
          <p id={`${id}-body-hint`} className="field-hint">
            {email ? t('templates.form.bodyHintEmail') : t('templates.form.bodyHintSms')}
          </p>
          {!email && <SmsCounter id={`${id}-counter`} text={body} />}
          {bodyError && (
            <p id={`${id}-body-error`} className="field-error">
              {bodyError}
            </p>
          )}
        </div>
        <PlaceholderPalette onInsert={insert} />
        {tooMany ? (
          <div role="alert" tabIndex={-1} className="form-alert">
            <p>{t('templates.tooMany')}</p>
          </div>
        ) : (
          <FormAlert alert={alert} />
        )}
        <div className="form-actions">
          <button type="submit" disabled={pending}>
            {pending ? t('templates.form.saving') : template ? t('templates.form.save') : t('templates.form.create')}
          </button>
          <button type="button" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
      <TemplatePreview channel={channel} subject={subject} body={body} />
    </section>
  );
}
