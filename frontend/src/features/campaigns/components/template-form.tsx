import { smsParts } from '@/lib/sms';
import { useId, useLayoutEffect, useMemo, useRef } from 'react';
import { useWatch } from 'react-hook-form';
import * as z from 'zod/mini';
import { FormAlert } from '@/components/form/form-alert';
import { TextField } from '@/components/form/text-field';
import { applyServerErrors, serverMessage, useZodForm } from '@/components/form/use-zod-form';
import { fieldMessageParams } from '@/lib/form-messages';
import { matching, requiredText } from '@/lib/form-schemas';
import { LOCALE_NAMES, useT, type Message, type MessageKey, type Translate } from '@/lib/i18n';
import { ApiError } from '@/lib/problem';
import { MESSAGE_CHANNELS } from '../api/get-messaging-settings';
import { useCreateMessageTemplate } from '../api/create-message-template';
import {
  SMS_MAX,
  TEMPLATE_LANGUAGES,
  type MessageTemplate,
  type MessageTemplateInput,
} from '../api/list-message-templates';
import { usePlaceholders } from '../api/list-placeholders';
import { useReplaceMessageTemplate } from '../api/replace-message-template';
import { channelLabel } from './campaign-parts';
import { PlaceholderPalette, placeholderToken } from './placeholder-palette';
import { TemplatePreview } from './template-preview';

/** As the server reads them: `{{ key }}` or `{{key|fallback}}`. */
const PLACEHOLDER = /\{\{\s*([A-Za-z0-9_.-]*)\s*(?:\|[^{}]*)?\}\}/g;
/** One line, as the server takes a name or subject (no line breaks). */
const ONE_LINE = /^[^\r\n\x00]*$/;
/** The contract's limits (MessageTemplateRequest). */
const MAX_SUBJECT = 200;
const MAX_BODY = 20_000;

/** The placeholders of a text that are not among the known ones, each once, as written (`{{nmae}}`). */
export function unknownPlaceholders(text: string, known: ReadonlySet<string>): string[] {
  const unknown = new Set<string>();
  for (const match of text.matchAll(PLACEHOLDER)) {
    const key = match[1] ?? '';
    if (!known.has(key)) unknown.add(placeholderToken(key));
  }
  return [...unknown];
}

/** `{{` or `}}` that is not part of a whole placeholder, which the server refuses too. */
function hasBrokenBraces(text: string): boolean {
  const rest = text.replace(PLACEHOLDER, '');
  return rest.includes('{{') || rest.includes('}}');
}

const BROKEN_BRACES: Message = { key: 'templates.error.brokenBraces', params: { example: '{{name}}' } };

/** What is wrong with a text's placeholders, as the server would say it (TemplateText.problems); null: nothing. */
function placeholderProblem(text: string, known: ReadonlySet<string> | null): Message | null {
  const names = known ? unknownPlaceholders(text, known) : [];
  if (names.length > 0) return { key: 'templates.error.unknownPlaceholder', params: { names: names.join(', '), count: names.length } };
  return hasBrokenBraces(text) ? BROKEN_BRACES : null;
}

/** The placeholders the server allows, from its UNKNOWN field errors (member `allowed`); null when it named none. */
function serverAllowed(error: unknown): ReadonlySet<string> | null {
  if (!(error instanceof ApiError) || typeof error.body !== 'object' || error.body === null) return null;
  const items = (error.body as { errors?: unknown }).errors;
  for (const item of Array.isArray(items) ? items : []) {
    const allowed = (item as { allowed?: unknown } | null)?.allowed;
    if (Array.isArray(allowed)) return new Set(allowed.filter((key): key is string => typeof key === 'string'));
  }
  return null;
}

/**
 * The server's rules (MessageTemplateRequest, TemplateService.check) in the same words: a name, an e-mail's subject,
 * a body (at most 1,600 characters for an SMS), and only placeholders that exist (`known`: null until loaded).
 * The subject is an e-mail's only, so its checks hold for e-mail only.
 */
function templateSchema(known: ReadonlySet<string> | null) {
  return z
    .object({
      name: requiredText(100).check(matching(ONE_LINE)),
      channel: z.enum(MESSAGE_CHANNELS),
      language: z.enum(TEMPLATE_LANGUAGES),
      subject: z.string(),
      body: z.string().check(
        z.refine((value) => value.trim() !== '', { params: fieldMessageParams('fieldError.REQUIRED') }),
        z.maxLength(MAX_BODY),
        z.superRefine((value, context) => {
          const problem = placeholderProblem(value, known);
          if (problem) context.addIssue({ code: 'custom', params: fieldMessageParams(problem.key, problem.params), input: value });
        }),
      ),
    })
    .check(
      z.superRefine(
        ({ channel, subject, body }, context) => {
          const issue = (path: 'subject' | 'body', key: MessageKey, values?: Message['params']) =>
            context.addIssue({
              code: 'custom',
              path: [path],
              params: fieldMessageParams(key, values),
              input: path === 'subject' ? subject : body,
            });
          if (channel === 'SMS' && body.length > SMS_MAX) issue('body', 'fieldError.LENGTH.between', { min: 1, max: SMS_MAX });
          if (channel !== 'EMAIL') return;
          const trimmed = subject.trim();
          if (trimmed === '') issue('subject', 'fieldError.REQUIRED');
          else if (trimmed.length > MAX_SUBJECT) issue('subject', 'fieldError.LENGTH.max', { max: MAX_SUBJECT });
          else if (!ONE_LINE.test(trimmed)) issue('subject', 'fieldError.FORMAT');
          else {
            const problem = placeholderProblem(trimmed, known);
            if (problem) issue('subject', problem.key, problem.params);
          }
        },
        // Also when another field is wrong: one save names every mistake.
        { when: () => true },
      ),
    );
}

type TemplateFormValues = z.input<ReturnType<typeof templateSchema>>;

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

const FIELD_LABELS: Record<string, MessageKey> = {
  name: 'templates.form.name',
  channel: 'templates.form.channel',
  language: 'templates.form.language',
  subject: 'templates.form.subject',
  body: 'templates.form.body',
};

/** A field the server named, by the label the form shows it under, for the alert. */
function templateFieldLabel(t: Translate, field: string): string {
  const key = FIELD_LABELS[field];
  return key ? t(key) : field;
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
  const subjectRef = useRef<HTMLInputElement | null>(null);
  const bodyRef = useRef<HTMLTextAreaElement | null>(null);
  const lastField = useRef<'subject' | 'body'>('body');
  const cursor = useRef<{ field: 'subject' | 'body'; at: number } | null>(null);
  const createMutation = useCreateMessageTemplate();
  const replaceMutation = useReplaceMessageTemplate();
  const placeholdersQuery = usePlaceholders();
  const known = useMemo(
    () => (placeholdersQuery.data ? new Set(placeholdersQuery.data.items.map((item) => item.key)) : null),
    [placeholdersQuery.data],
  );
  const schema = useMemo(() => templateSchema(known), [known]);
  const form = useZodForm<TemplateFormValues, z.output<typeof schema>>(schema, {
    defaultValues: {
      name: template?.name ?? '',
      channel: template?.channel ?? 'EMAIL',
      language: template?.language ?? 'en',
      subject: template?.subject ?? '',
      body: template?.body ?? '',
    },
    fieldLabel: templateFieldLabel,
  });
  const [channel, subject, body] = useWatch({ control: form.control, name: ['channel', 'subject', 'body'] });

  const mutation = template ? replaceMutation : createMutation;
  const tooMany = !template && createMutation.error instanceof ApiError && createMutation.error.status === 409;
  const email = channel === 'EMAIL';
  const subjectError = form.fieldError('subject');
  const bodyError = form.fieldError('body');
  const channelError = form.fieldError('channel');
  const subjectField = form.register('subject');
  const bodyField = form.register('body');

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
    const value = form.getValues(field);
    const start = element?.selectionStart ?? value.length;
    const end = element?.selectionEnd ?? start;
    const token = placeholderToken(key);
    cursor.current = { field, at: start + token.length };
    form.setValue(field, value.slice(0, start) + token + value.slice(end), { shouldValidate: form.formState.isSubmitted });
  }

  const handleSubmit = form.handleSubmit((values) => {
    if (mutation.isPending) return;
    const input: MessageTemplateInput = { name: values.name, channel: values.channel, language: values.language, body: values.body };
    if (values.channel === 'EMAIL') input.subject = values.subject.trim();
    const onError = (error: unknown) => {
      // The store has as many templates as it may: said in its own alert (below).
      if (!template && error instanceof ApiError && error.status === 409) {
        form.focusFirstError();
        return;
      }
      applyServerErrors(form, error);
      // A refused placeholder (code UNKNOWN): named, from the text as sent and the placeholders the server knows.
      for (const field of ['subject', 'body'] as const) {
        if (!(error instanceof ApiError) || !error.problem.errors.some((item) => item.field === field && item.code === 'UNKNOWN')) continue;
        const problem = placeholderProblem(input[field] ?? '', serverAllowed(error) ?? known);
        form.setError(field, serverMessage(problem ?? BROKEN_BRACES));
      }
    };
    if (template) {
      replaceMutation.mutate({ template, body: input }, { onSuccess: (saved) => onSaved(saved, false), onError });
    } else {
      createMutation.mutate(input, { onSuccess: (saved) => onSaved(saved, true), onError });
    }
  });

  const pending = mutation.isPending;
  const titleId = `${id}-title`;
  return (
    <section aria-labelledby={titleId} className="card">
      <h2 id={titleId}>{template ? t('templates.form.editTitle', { name: template.name }) : t('templates.form.newTitle')}</h2>
      <form ref={form.formRef} onSubmit={handleSubmit} noValidate aria-busy={pending} className="form template-form">
        <div className="form-columns">
          <TextField label={t('templates.form.name')} maxLength={100} required autoComplete="off" {...form.field('name')} />
          <fieldset className="inline-radios">
            <legend>{t('templates.form.channel')}</legend>
            {MESSAGE_CHANNELS.map((option) => (
              <label key={option}>
                <input type="radio" value={option} {...form.register('channel')} />{' '}
                {channelLabel(t, option)}
              </label>
            ))}
            {channelError && <p className="field-error">{channelError}</p>}
          </fieldset>
          <div className="field">
            <label htmlFor={`${id}-language`}>{t('templates.form.language')}</label>
            <select
              id={`${id}-language`}
              aria-describedby={`${id}-language-hint`}
              {...form.register('language')}
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
              {...subjectField}
              ref={(element) => {
                subjectField.ref(element);
                subjectRef.current = element;
              }}
              id={`${id}-subject`}
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
            {...bodyField}
            ref={(element) => {
              bodyField.ref(element);
              bodyRef.current = element;
            }}
            id={`${id}-body`}
            rows={email ? 10 : 5}
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
          <FormAlert alert={form.alert} />
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
