import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { decodeFieldMessages, encodeFieldMessages, fieldMessageText, zodErrorMap } from './form-messages';
import { translate, type Message } from './i18n';

/** The messages a schema's issues become, by path. */
function messages(schema: z.ZodMiniType, input: unknown): Record<string, Message[]> {
  const result = schema.safeParse(input, { error: zodErrorMap });
  const byPath: Record<string, Message[]> = {};
  for (const issue of result.error?.issues ?? []) {
    byPath[issue.path.join('.')] = decodeFieldMessages(issue.message) ?? [];
  }
  return byPath;
}

describe('zod issues as the server’s field error keys', () => {
  const schema = z.object({
    name: z.string().check(z.trim(), z.minLength(1), z.maxLength(5)),
    nick: z.string().check(z.maxLength(3)),
    password: z.string().check(z.minLength(8)),
    email: z.email(),
    stage: z.enum(['INQUIRY', 'WON']),
    stars: z.number().check(z.gte(0), z.lte(3)),
    age: z.number().check(z.gte(18)),
    count: z.number(),
    missing: z.string(),
    tags: z.array(z.string()).check(z.minLength(1)),
    flag: z.boolean(),
  });

  it('maps each kind of issue', () => {
    expect(
      messages(schema, {
        name: '   ',
        nick: 'toolong',
        password: 'short',
        email: 'nope',
        stage: 'LOST',
        stars: 7,
        age: 3,
        count: Number.NaN,
        tags: [],
        flag: 'yes',
      }),
    ).toEqual({
      name: [{ key: 'fieldError.REQUIRED' }],
      nick: [{ key: 'fieldError.LENGTH.max', params: { max: 3 } }],
      password: [{ key: 'fieldError.LENGTH.min', params: { min: 8 } }],
      email: [{ key: 'fieldError.EMAIL' }],
      stage: [{ key: 'fieldError.ONE_OF' }],
      stars: [{ key: 'fieldError.RANGE.between', params: { min: 0, max: 3 } }],
      age: [{ key: 'fieldError.RANGE.min', params: { min: 18 } }],
      count: [{ key: 'fieldError.FORMAT' }],
      missing: [{ key: 'fieldError.REQUIRED' }],
      tags: [{ key: 'fieldError.REQUIRED' }],
      flag: [{ key: 'fieldError.INVALID' }],
    });
  });

  it('takes a refinement’s own key and values', () => {
    const future = z.string().check(z.refine(() => false, { params: { key: 'fieldError.NOT_FUTURE' } }));
    const after = z.string().check(z.refine(() => false, { params: { key: 'fieldError.AFTER_FIELD', values: { other: 'occurredAt' } } }));
    expect(messages(z.object({ future, after }), { future: 'x', after: 'y' })).toEqual({
      future: [{ key: 'fieldError.NOT_FUTURE' }],
      after: [{ key: 'fieldError.AFTER_FIELD', params: { other: 'occurredAt' } }],
    });
  });
});

describe('fieldMessageText', () => {
  const t = (locale: 'en' | 'zh-CN') => (key: Parameters<typeof translate>[1], params?: Parameters<typeof translate>[2]) =>
    translate(locale, key, params);

  it('words encoded messages in the reader’s language, naming another field by its label', () => {
    const text = encodeFieldMessages([
      { key: 'fieldError.LENGTH.max', params: { max: 30 } },
      { key: 'fieldError.AFTER_FIELD', params: { other: 'occurredAt' } },
    ]);
    expect(fieldMessageText(t('en'), text)).toBe('At most 30 characters. Must be later than “When”.');
    expect(fieldMessageText(t('zh-CN'), text)).toMatch(/^最多 30 个字符。 必须晚于“.+”。$/);
  });

  it('shows other text as it is', () => {
    expect(fieldMessageText(t('en'), 'Already worded.')).toBe('Already worded.');
    expect(decodeFieldMessages('[{"key": broken')).toBeNull();
  });
});
