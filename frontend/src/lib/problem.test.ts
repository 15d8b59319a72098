import { describe, expect, it } from 'vitest';
import { translate } from './i18n';
import {
  allowedStepsOf,
  ApiError,
  errorMessage,
  errorReference,
  fieldErrorsOf,
  parseProblem,
  parseRetryAfter,
  shortagesOf,
  toApiError,
} from './problem';

const PROBLEMS = 'https://harbor-crm.dev/problems';

function inEnglish(error: unknown): string {
  const { key, params } = errorMessage(error);
  return translate('en', key, params);
}

function apiError(body: unknown, status: number, headers: Record<string, string> = {}): ApiError {
  return toApiError(body, new Response(null, { status, headers }));
}

describe('parseProblem', () => {
  it('reads a complete problem', () => {
    const problem = parseProblem(
      {
        type: `${PROBLEMS}/validation`,
        title: 'Validation failed',
        status: 400,
        detail: 'Two fields are invalid',
        instance: '/api/v1/auth/signup',
        requestId: 'req-1',
        errors: [{ field: 'email', message: 'must be a well-formed email address', code: 'EMAIL' }],
      },
      400,
    );
    expect(problem).toEqual({
      type: `${PROBLEMS}/validation`,
      title: 'Validation failed',
      status: 400,
      detail: 'Two fields are invalid',
      instance: '/api/v1/auth/signup',
      requestId: 'req-1',
      errorId: undefined,
      errors: [{ field: 'email', message: 'must be a well-formed email address', code: 'EMAIL' }],
    });
  });

  it.each([
    ['an empty body', undefined],
    ['null', null],
    ['an HTML page from a proxy', '<html><body>Bad Gateway</body></html>'],
    ['an array', [1, 2]],
  ])('turns %s into a blank problem with the HTTP status', (_, body) => {
    expect(parseProblem(body, 502)).toMatchObject({ type: 'about:blank', title: '', status: 502, errors: [] });
  });

  it('ignores malformed field errors', () => {
    const problem = parseProblem({ errors: [{ field: 'email' }, 'oops', { field: 'name', message: 'required' }] }, 400);
    expect(problem.errors).toEqual([{ field: 'name', message: 'required', code: 'INVALID' }]);
  });
});

describe('fieldErrorsOf', () => {
  const en = (key: Parameters<typeof translate>[1], params?: Parameters<typeof translate>[2]) => translate('en', key, params);
  const zh = (key: Parameters<typeof translate>[1], params?: Parameters<typeof translate>[2]) => translate('zh-CN', key, params);

  it('words each field error from its code and limits, never with the server\'s English', () => {
    const error = apiError(
      {
        type: `${PROBLEMS}/validation`,
        title: 'Validation failed',
        status: 400,
        errors: [
          { field: 'password', message: 'size must be between 8 and 72', code: 'LENGTH', min: 8, max: 72 },
          { field: 'email', message: 'must be a well-formed email address', code: 'EMAIL' },
          { field: 'password', message: 'must not be null', code: 'REQUIRED' },
          { field: 'name', message: 'size must be between 0 and 2147483647', code: 'LENGTH', min: 0, max: 2147483647 },
          { field: 'warnDaysBeforeReturn', message: 'must be less than returnAfterDaysWithoutFollowUp (2)',
            code: 'LESS_THAN_FIELD', otherField: 'returnAfterDaysWithoutFollowUp', max: 2 },
          { field: 'score', message: 'must be between 0 and 100', code: 'RANGE', min: 0, max: 100 },
          { field: 'legacy', message: 'something only an old server says' },
        ],
      },
      400,
    );
    expect(fieldErrorsOf(error, en)).toEqual({
      password: 'Use 8 to 72 characters. Required.',
      email: 'Enter an e-mail address such as name@example.com.',
      name: 'This value is not accepted.',
      warnDaysBeforeReturn: 'Must be less than “Days without follow-up” (2).',
      score: 'Enter a number from 0 to 100.',
      legacy: 'This value is not accepted.',
    });
    const chinese = fieldErrorsOf(error, zh);
    expect(chinese.password).toBe('请输入 8 到 72 个字符。 必填。');
    expect(chinese.warnDaysBeforeReturn).toBe(`必须小于“${zh('poolRules.returnAfterDaysWithoutFollowUp')}”（2）。`);
    // No server text, in either language.
    expect(Object.values(chinese).join(' ')).not.toMatch(/must|size|returnAfter/);
  });

  it('is empty for problems without field errors and for other errors', () => {
    expect(fieldErrorsOf(apiError({ type: `${PROBLEMS}/internal` }, 500), en)).toEqual({});
    expect(fieldErrorsOf(new TypeError('Failed to fetch'), en)).toEqual({});
    expect(fieldErrorsOf(undefined, en)).toEqual({});
  });
});

describe('errorMessage', () => {
  it.each([
    ['validation', 400, 'Some details need fixing: see the messages next to the fields.'],
    ['invalid-credentials', 401, 'The email or password is not right. Check both and try again.'],
    ['email-taken', 409, 'An account with this email already exists. Log in instead, or use another email.'],
    ['unauthorized', 401, 'Your session has ended. Please log in again.'],
    ['forbidden', 403, 'Your role does not allow this. Ask your store administrator if you need it.'],
    ['not-found', 404, 'This could not be found. It may have been deleted.'],
    ['internal', 500, 'Something went wrong on our side. Please try again in a moment.'],
  ])('explains a %s problem in plain words', (kind, status, words) => {
    expect(inEnglish(apiError({ type: `${PROBLEMS}/${kind}`, title: 'x', status }, status))).toBe(words);
  });

  it('says how many minutes to wait after too many attempts, from Retry-After', () => {
    const tooMany = (retryAfter?: string) =>
      apiError(
        { type: `${PROBLEMS}/too-many-attempts`, title: 'Too many attempts', status: 429 },
        429,
        retryAfter ? { 'Retry-After': retryAfter } : {},
      );
    expect(inEnglish(tooMany('300'))).toBe('Too many attempts, try again in 5 minutes.');
    expect(inEnglish(tooMany('301'))).toBe('Too many attempts, try again in 6 minutes.');
    expect(inEnglish(tooMany('20'))).toBe('Too many attempts, try again in 1 minute.');
    expect(inEnglish(tooMany())).toBe('Too many attempts, wait a few minutes and try again.');
  });

  it.each([
    [400, 'Harbor CRM could not accept this. Check what you entered and try again.'],
    [409, 'Someone else changed this at the same time. Reload and try again.'],
    [412, 'This was changed by someone else since you opened it. Reload to see the latest version.'],
    [503, 'Harbor CRM is not available right now. Please try again in a moment.'],
    [500, 'Something went wrong on our side. Please try again in a moment.'],
    [418, 'Something unexpected happened. Please try again.'],
  ])('falls back on the status %i for unknown or missing problem types', (status, words) => {
    expect(inEnglish(apiError(undefined, status))).toBe(words);
    expect(inEnglish(apiError({ type: `${PROBLEMS}/something-new`, status }, status))).toBe(words);
  });

  it('reports a request that got no answer as a network problem', () => {
    expect(inEnglish(new TypeError('Failed to fetch'))).toBe(
      'Cannot reach Harbor CRM. Check your internet connection and try again.',
    );
  });

  it('does not blame the network for a programming error', () => {
    expect(inEnglish(new Error('boom'))).toBe('Something unexpected happened. Please try again.');
  });
});

describe('errorReference', () => {
  it('gives support the error id of a server failure, else the request id', () => {
    expect(errorReference(apiError({ errorId: 'err-7', requestId: 'req-7' }, 500))).toBe('err-7');
    expect(errorReference(apiError({ requestId: 'req-8' }, 503))).toBe('req-8');
  });

  it('gives none for the user’s own mistakes or network failures', () => {
    expect(errorReference(apiError({ requestId: 'req-9' }, 400))).toBeNull();
    expect(errorReference(new TypeError('Failed to fetch'))).toBeNull();
  });
});

describe('parseRetryAfter', () => {
  it('reads seconds and HTTP dates', () => {
    const now = Date.parse('2025-01-01T12:00:00Z');
    expect(parseRetryAfter('120', now)).toBe(120);
    expect(parseRetryAfter('Wed, 01 Jan 2025 12:03:00 GMT', now)).toBe(180);
    expect(parseRetryAfter('soon', now)).toBeNull();
    expect(parseRetryAfter(null, now)).toBeNull();
  });
});

describe('problems of products and orders', () => {
  it('reads the shortages of insufficient-stock, and nothing from other problems', () => {
    const error = apiError(
      {
        type: `${PROBLEMS}/insufficient-stock`,
        title: 'Not enough stock',
        status: 409,
        shortages: [{ productId: 3, sku: 'LAMP', requested: 40, available: 36 }, { bogus: true }],
      },
      409,
    );
    expect(shortagesOf(error)).toEqual([{ productId: 3, sku: 'LAMP', requested: 40, available: 36 }]);
    expect(translate('en', 'problem.shortage', { sku: 'LAMP', requested: 40, available: 36 })).toBe(
      'Not enough LAMP: 40 asked, 36 available.',
    );
    expect(shortagesOf(apiError({ type: `${PROBLEMS}/conflict`, shortages: [] }, 409))).toEqual([]);
  });

  it('reads the steps an order may take from order-transition-not-allowed', () => {
    const error = apiError({ type: `${PROBLEMS}/order-transition-not-allowed`, title: 'No', status: 409, allowed: ['PAID', 'CANCELLED'] }, 409);
    expect(allowedStepsOf(error)).toEqual(['PAID', 'CANCELLED']);
    expect(inEnglish(error)).toBe('This step is not possible for the order as it stands now.');
  });

  it('words the catalogue and order conflicts in the reader’s language, never the server’s title', () => {
    expect(inEnglish(apiError({ type: `${PROBLEMS}/product-in-use`, title: 'Product LAMP is on 2 orders' }, 409))).toBe(
      'This product is on orders, so it cannot be deleted. Deactivate it instead.',
    );
    expect(inEnglish(apiError({ type: `${PROBLEMS}/quotation-already-converted`, title: 'x' }, 409))).toBe(
      'This quotation was already converted to an order.',
    );
    expect(inEnglish(apiError({ type: `${PROBLEMS}/order-not-editable`, title: 'x' }, 409))).toBe(
      'This is no longer a draft, so it cannot be changed or deleted.',
    );
  });
});
