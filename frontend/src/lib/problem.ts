import type { Message, MessageKey, Translate } from './i18n';

/** RFC 9457 problem details as the Harbor API sends them, after normalisation. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  requestId?: string;
  errorId?: string;
  errors: FieldError[];
}

/** What the API says is wrong with a field: `code` and its limits are what the UI words; `message` is never shown. */
export interface FieldError {
  field: string;
  message: string;
  code: string;
  min?: number;
  max?: number;
  otherField?: string;
}

/** Field name (as the API names it, e.g. `email`) → message to show next to that field, in the reader's words. */
export type FieldErrors = Record<string, string>;

/** The last segment of a problem `type` URI, e.g. `email-taken`. */
export type ProblemKind =
  | 'validation'
  | 'invalid-credentials'
  | 'too-many-attempts'
  | 'email-taken'
  | 'unauthorized'
  | 'forbidden'
  | 'not-found'
  | 'internal'
  | (string & {});

/** Thrown by every API fetcher for a non-2xx answer. */
export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem;
  /** From the `Retry-After` header, when the server sent one. */
  readonly retryAfterSeconds: number | null;
  /** The answer's body as sent, for problem types with members of their own (e.g. `matches`). */
  readonly body: unknown;

  constructor(problem: Problem, retryAfterSeconds: number | null = null, body: unknown = undefined) {
    super(problem.title || `HTTP ${problem.status}`);
    this.name = 'ApiError';
    this.status = problem.status;
    this.problem = problem;
    this.retryAfterSeconds = retryAfterSeconds;
    this.body = body;
  }

  get kind(): ProblemKind {
    return problemKind(this.problem.type);
  }
}

export function problemKind(type: string): ProblemKind {
  return type.slice(type.lastIndexOf('/') + 1);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function optionalString(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function optionalNumber(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

function parseFieldErrors(value: unknown): FieldError[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item): FieldError[] => {
    if (!isRecord(item) || typeof item.field !== 'string' || typeof item.message !== 'string') return [];
    const error: FieldError = { field: item.field, message: item.message, code: optionalString(item.code) ?? 'INVALID' };
    const min = optionalNumber(item.min);
    const max = optionalNumber(item.max);
    const otherField = optionalString(item.otherField);
    if (min !== undefined) error.min = min;
    if (max !== undefined) error.max = max;
    if (otherField !== undefined) error.otherField = otherField;
    return [error];
  });
}

/**
 * Reads whatever an error answer carried (a problem object, HTML from a proxy,
 * plain text, nothing) into a Problem; the HTTP status wins over the body's.
 */
export function parseProblem(body: unknown, status: number): Problem {
  const record = isRecord(body) ? body : {};
  return {
    type: optionalString(record.type) ?? 'about:blank',
    title: optionalString(record.title) ?? '',
    status,
    detail: optionalString(record.detail),
    instance: optionalString(record.instance),
    requestId: optionalString(record.requestId),
    errorId: optionalString(record.errorId),
    errors: parseFieldErrors(record.errors),
  };
}

/** `Retry-After` is either delay-seconds or an HTTP date (RFC 9110 §10.2.3). */
export function parseRetryAfter(header: string | null, now: number = Date.now()): number | null {
  if (header === null || header.trim() === '') return null;
  const trimmed = header.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return null;
  return Math.max(0, Math.ceil((date - now) / 1000));
}

export function toApiError(body: unknown, response: Response): ApiError {
  return new ApiError(
    parseProblem(body, response.status),
    parseRetryAfter(response.headers.get('Retry-After')),
    body,
  );
}

export function isProblem(error: unknown, kind: ProblemKind): error is ApiError {
  return error instanceof ApiError && error.kind === kind;
}

/** A product an `insufficient-stock` answer names: how many were asked for, and how many are free. */
export interface Shortage {
  productId: number;
  sku: string;
  requested: number;
  available: number;
}

/** The member `shortages` of an `insufficient-stock` answer; [] for any other error. */
export function shortagesOf(error: unknown): Shortage[] {
  if (!isProblem(error, 'insufficient-stock') || !isRecord(error.body) || !Array.isArray(error.body.shortages)) return [];
  return error.body.shortages.flatMap((item: unknown): Shortage[] => {
    if (!isRecord(item) || typeof item.requested !== 'number' || typeof item.available !== 'number') return [];
    return [
      {
        productId: typeof item.productId === 'number' ? item.productId : 0,
        sku: typeof item.sku === 'string' ? item.sku : '',
        requested: item.requested,
        available: item.available,
      },
    ];
  });
}

/** The member `allowed` of an `order-transition-not-allowed` answer: the steps the order can take now. */
export function allowedStepsOf(error: unknown): string[] {
  if (!isProblem(error, 'order-transition-not-allowed') || !isRecord(error.body) || !Array.isArray(error.body.allowed)) {
    return [];
  }
  return error.body.allowed.filter((step: unknown): step is string => typeof step === 'string');
}

/** Fields another field is compared with, in the words of the forms that show them. */
const otherFieldLabels: Record<string, MessageKey> = {
  occurredAt: 'followUp.occurredAt',
  from: 'stats.period.from',
  to: 'stats.period.to',
  returnAfterDaysWithoutFollowUp: 'poolRules.returnAfterDaysWithoutFollowUp',
  returnAfterDaysWithoutDeal: 'poolRules.returnAfterDaysWithoutDeal',
};

/** Above this, a limit is no limit (Bean Validation's default Size max is 2^31 - 1). */
const NO_LIMIT = 1_000_000_000;

/** A field error in the reader's words, from its code and limits; the server's English is never shown. */
export function fieldErrorMessage(error: FieldError): Message {
  const max = error.max !== undefined && error.max < NO_LIMIT ? error.max : undefined;
  const bounded = (prefix: 'fieldError.LENGTH' | 'fieldError.RANGE', min: number | undefined): Message => {
    if (min !== undefined && max !== undefined) return { key: `${prefix}.between`, params: { min, max } };
    if (max !== undefined) return { key: `${prefix}.max`, params: { max } };
    if (min !== undefined) return { key: `${prefix}.min`, params: { min } };
    return { key: 'fieldError.INVALID' };
  };
  switch (error.code) {
    case 'LENGTH':
      // A length of at least 0 is no lower limit.
      return bounded('fieldError.LENGTH', error.min !== undefined && error.min > 0 ? error.min : undefined);
    case 'RANGE':
      return bounded('fieldError.RANGE', error.min);
    case 'AFTER_FIELD':
    case 'NOT_BEFORE_FIELD':
    case 'LESS_THAN_FIELD': {
      return { key: `fieldError.${error.code}`, params: { other: error.otherField ?? '', max: error.max ?? 0 } };
    }
    case 'PERIOD_TOO_LONG':
      return { key: 'fieldError.PERIOD_TOO_LONG', params: { max: error.max ?? 0 } };
    case 'REQUIRED':
    case 'FORMAT':
    case 'EMAIL':
    case 'ONE_OF':
    case 'TAKEN':
    case 'UNKNOWN':
    case 'READ_ONLY':
    case 'NOT_FUTURE':
      return { key: `fieldError.${error.code}` };
    default:
      return { key: 'fieldError.INVALID' };
  }
}

/** A field error message in words; the other field it names (`other`), by the label a form shows it under. */
export function fieldMessageWords(t: Translate, { key, params }: Message): string {
  const otherLabel = typeof params?.other === 'string' ? otherFieldLabels[params.other] : undefined;
  return t(key, otherLabel ? { ...params, other: t(otherLabel) } : params);
}

/** Each field's errors in the reader's words; several for one field are all shown. */
export function fieldErrorsOf(error: unknown, t: Translate): FieldErrors {
  if (!(error instanceof ApiError)) return {};
  const fieldErrors: FieldErrors = {};
  for (const fieldError of error.problem.errors) {
    const words = fieldMessageWords(t, fieldErrorMessage(fieldError));
    const field = fieldError.field;
    fieldErrors[field] = fieldErrors[field] ? `${fieldErrors[field]} ${words}` : words;
  }
  return fieldErrors;
}

const messageByKind: Record<string, MessageKey> = {
  validation: 'problem.validation',
  'invalid-credentials': 'problem.invalidCredentials',
  'email-taken': 'problem.emailTaken',
  unauthorized: 'problem.unauthorized',
  forbidden: 'problem.forbidden',
  'not-found': 'problem.notFound',
  internal: 'problem.internal',
  'sku-taken': 'problem.skuTaken',
  'product-in-use': 'problem.productInUse',
  'insufficient-stock': 'problem.insufficientStock',
  'order-transition-not-allowed': 'problem.orderTransition',
  'order-not-editable': 'problem.orderNotEditable',
  'quotation-already-converted': 'problem.quotationConverted',
  'plan-ended': 'problem.planEnded',
};

function messageByStatus(status: number, hasFieldErrors: boolean): MessageKey {
  if (status === 400 || status === 422) return hasFieldErrors ? 'problem.validation' : 'problem.badRequest';
  if (status === 401) return 'problem.unauthorized';
  if (status === 403) return 'problem.forbidden';
  if (status === 404) return 'problem.notFound';
  if (status === 409) return 'problem.conflict';
  if (status === 412) return 'problem.stale';
  if (status === 502 || status === 503 || status === 504) return 'problem.unavailable';
  if (status >= 500) return 'problem.internal';
  return 'problem.unexpected';
}

function tooManyAttemptsMessage(retryAfterSeconds: number | null): Message {
  if (retryAfterSeconds === null) return { key: 'problem.tooManyAttempts.unknown' };
  const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
  return minutes === 1
    ? { key: 'problem.tooManyAttempts.one' }
    : { key: 'problem.tooManyAttempts.other', params: { minutes } };
}

/** The one sentence a sales rep sees for a failed call (fetch failure, problem answer, or a bug). */
export function errorMessage(error: unknown): Message {
  if (error instanceof ApiError) {
    if (error.kind === 'too-many-attempts' || error.status === 429) {
      return tooManyAttemptsMessage(error.retryAfterSeconds);
    }
    const key = messageByKind[error.kind] ?? messageByStatus(error.status, error.problem.errors.length > 0);
    return { key };
  }
  // fetch() rejects with a TypeError when the request never got an answer.
  if (error instanceof TypeError) return { key: 'problem.network' };
  return { key: 'problem.unexpected' };
}

/** What support needs to find the failure in the logs; only for server-side failures. */
export function errorReference(error: unknown): string | null {
  if (!(error instanceof ApiError) || error.status < 500) return null;
  return error.problem.errorId ?? error.problem.requestId ?? null;
}

/** {@link errorMessage} as a sentence, followed by the reference support needs when the server failed. */
export function errorSentence(t: Translate, error: unknown): string {
  const { key, params } = errorMessage(error);
  const reference = errorReference(error);
  return reference ? `${t(key, params)} ${t('problem.reference', { id: reference })}` : t(key, params);
}
