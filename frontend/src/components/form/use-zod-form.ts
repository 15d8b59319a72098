import { zodResolver } from '@hookform/resolvers/zod';
import { useCallback, useEffect, useMemo, useRef, useState, type RefObject } from 'react';
import {
  get,
  useForm,
  type ErrorOption,
  type FieldValues,
  type Path,
  type RegisterOptions,
  type UseFormProps,
  type UseFormRegisterReturn,
  type UseFormReturn,
} from 'react-hook-form';
import type { $ZodType } from 'zod/v4/core';
import { customerFieldLabel } from '@/lib/field-label';
import { encodeFieldMessages, fieldMessageText, zodErrorMap } from '@/lib/form-messages';
import { useT, type Message, type Translate } from '@/lib/i18n';
import { ApiError, errorMessage, errorReference, fieldErrorMessage, fieldMessageWords } from '@/lib/problem';
import type { FormAlertContent } from './use-form-errors';

export type ZodFormOptions<TIn extends FieldValues, TOut> = Omit<
  UseFormProps<TIn, unknown, TOut>,
  'resolver' | 'mode' | 'reValidateMode' | 'shouldFocusError'
> & {
  /** Names a field the server named but the form does not show, in the alert; default: the customer field labels. */
  fieldLabel?: (t: Translate, field: string) => string;
};

/** A server answer that names fields the form does not show, or none: kept as keys, worded on each render. */
interface ServerAlert {
  error: unknown;
  details: { field: string; messages: Message[] }[];
}

export interface ApplyServerErrorsOptions {
  /**
   * The form path for a field the server named (`imAccounts.2.handle`, with [i] written .i), when the form keeps
   * it elsewhere; null or undefined: the form does not show it, so it goes to the alert.
   */
  fieldPath?: (field: string) => string | null | undefined;
}

export interface ZodForm<TIn extends FieldValues, TOut> extends UseFormReturn<TIn, unknown, TOut> {
  /** Put on the <form>: focus moves within it to the first invalid field, or else to its alert. */
  formRef: RefObject<HTMLFormElement | null>;
  /** A field's error (the client's check or the server's) in the reader's words, or undefined. */
  fieldError: (name: string) => string | undefined;
  /** register() for a TextField or SelectField, with its error in words. */
  field: (name: Path<TIn>, options?: RegisterOptions<TIn, Path<TIn>>) => UseFormRegisterReturn<Path<TIn>> & { error?: string };
  /** What the last failed submit said that no field shows, for <FormAlert>; cleared by the next submit. */
  alert: FormAlertContent | null;
  /** After the next render, focus the first invalid field (in the order of the page), or else the alert. */
  focusFirstError: () => void;
  /** @internal for applyServerErrors. */
  setServerAlert: (alert: ServerAlert | null) => void;
}

/**
 * A react-hook-form form checked by a zod schema: first on submit, then on every change. Each check's message is
 * the server's message key for the same rule, so the client and the server speak alike, in both languages. A
 * failed submit focuses the first invalid field. Pair with {@link applyServerErrors} for what the server refuses.
 *
 * The schema reads the form's values (strings mostly) and may transform them; build the request from its output.
 */
export function useZodForm<TIn extends FieldValues, TOut = TIn>(
  schema: $ZodType<TOut, TIn>,
  { fieldLabel = customerFieldLabel, ...options }: ZodFormOptions<TIn, TOut> = {},
): ZodForm<TIn, TOut> {
  const t = useT();
  const resolver = useMemo(() => zodResolver(schema as never, { error: zodErrorMap }), [schema]);
  const form = useForm<TIn, unknown, TOut>({
    ...options,
    resolver: resolver as never,
    mode: 'onSubmit',
    reValidateMode: 'onChange',
    // Focus follows the page order (see focusFirstError), not the order fields registered in.
    shouldFocusError: false,
  });
  const formRef = useRef<HTMLFormElement>(null);
  const [serverAlert, setServerAlert] = useState<ServerAlert | null>(null);
  const [focusRequest, setFocusRequest] = useState(0);
  // Read during render, so that a change of errors renders the form again.
  const { errors } = form.formState;

  useEffect(() => {
    if (focusRequest === 0) return;
    const root = formRef.current;
    const target =
      root?.querySelector<HTMLElement>('[aria-invalid="true"]') ?? root?.querySelector<HTMLElement>('[role="alert"]');
    target?.focus();
  }, [focusRequest]);

  const focusFirstError = useCallback(() => setFocusRequest((count) => count + 1), []);

  const fieldError = (name: string): string | undefined => {
    const error = get(errors, name) as { message?: unknown; root?: { message?: unknown } } | undefined;
    const message = error?.message ?? error?.root?.message;
    return typeof message === 'string' && message !== '' ? fieldMessageText(t, message) : undefined;
  };

  const handleSubmit: UseFormReturn<TIn, unknown, TOut>['handleSubmit'] = (onValid, onInvalid) => {
    const submit = form.handleSubmit(onValid, (invalid, event) => {
      focusFirstError();
      return onInvalid?.(invalid, event);
    });
    return (event) => {
      setServerAlert(null);
      return submit(event);
    };
  };

  const alert = useMemo((): FormAlertContent | null => {
    if (!serverAlert) return null;
    const { key, params } = errorMessage(serverAlert.error);
    const reference = errorReference(serverAlert.error);
    return {
      message: t(key, params),
      // Name the field: the message alone ("Required.") would not say which.
      details: serverAlert.details.map(
        ({ field, messages }) =>
          `${fieldLabel(t, field)}: ${messages.map((message) => fieldMessageWords(t, message)).join(' ')}`,
      ),
      reference: reference ? t('problem.reference', { id: reference }) : null,
    };
  }, [serverAlert, t, fieldLabel]);

  return {
    ...form,
    handleSubmit,
    formRef,
    fieldError,
    field: (name, registerOptions) => ({ ...form.register(name, registerOptions), error: fieldError(name) }),
    alert,
    focusFirstError,
    setServerAlert,
  };
}

/** An error to set with setError whose words are message keys, e.g. `setError('email', serverMessage({ key: 'problem.emailTaken' }))`. */
export function serverMessage(...messages: Message[]): ErrorOption {
  return { type: 'server', message: encodeFieldMessages(messages) };
}

/** `a[2].b` as react-hook-form writes paths: `a.2.b`. */
function formPath(field: string): string {
  return field.replace(/\[([^\]]*)\]/g, '.$1').replace(/^\./, '');
}

/**
 * Shows a failed submit: each field error of an RFC 9457 problem on its input (setError; nested and array paths
 * such as `imAccounts[0].handle` mapped), and the rest (fields the form does not show, problems about no field,
 * network failures) in the form's alert, all in the reader's words. Then focuses the first invalid field, or else
 * the alert. A field counts as shown when the form has a value at its path (give every field a default value), or
 * through `options.fieldPath`.
 */
export function applyServerErrors<TIn extends FieldValues, TOut>(
  form: ZodForm<TIn, TOut>,
  error: unknown,
  options: ApplyServerErrorsOptions = {},
): void {
  const onFields = new Map<string, Message[]>();
  const elsewhere = new Map<string, Message[]>();
  const values = form.getValues();
  const fieldErrors = error instanceof ApiError ? error.problem.errors : [];
  for (const fieldError of fieldErrors) {
    const normal = formPath(fieldError.field);
    const path = options.fieldPath ? options.fieldPath(normal) : normal;
    const shown = path !== null && path !== undefined && path !== '' && get(values, path) !== undefined;
    const target = shown ? onFields : elsewhere;
    const key = shown ? path : fieldError.field;
    target.set(key, [...(target.get(key) ?? []), fieldErrorMessage(fieldError)]);
  }
  for (const [path, messages] of onFields) form.setError(path as Path<TIn>, serverMessage(...messages));
  form.setServerAlert({ error, details: [...elsewhere].map(([field, messages]) => ({ field, messages })) });
  form.focusFirstError();
}
