import { describe, expect, it } from 'vitest';
import { translate, type Locale, type Translate } from '@/lib/i18n';
import { describeCadence, type CadenceLike } from './describe-cadence';

const inLocale = (locale: Locale): Translate => (key, params) => translate(locale, key, params);
const en = inLocale('en');
const zh = inLocale('zh-CN');

const cases: { cadence: CadenceLike; en: string; zh: string }[] = [
  {
    cadence: { cadence: 'INTERVAL', every: 14, unit: 'DAYS', firstAfterDays: 7, taskType: 'CALL' },
    en: 'Call after 7 days, then every 14 days',
    zh: '电话：7 天后首次，之后每 14 天一次',
  },
  {
    cadence: { cadence: 'INTERVAL', every: 1, unit: 'DAYS', firstAfterDays: 1, taskType: 'EMAIL' },
    en: 'Email after 1 day, then every day',
    zh: '邮件：1 天后首次，之后每天一次',
  },
  {
    cadence: { cadence: 'INTERVAL', every: 2, unit: 'WEEKS', firstAfterDays: 0, taskType: 'VISIT' },
    en: 'Visit every 2 weeks',
    zh: '拜访：每 2 周一次',
  },
  {
    cadence: { cadence: 'INTERVAL', every: 1, unit: 'MONTHS', taskType: 'QUOTATION', maxCount: 6 },
    en: 'Quotation every month (6 tasks in all)',
    zh: '报价：每月一次（共 6 次）',
  },
  {
    cadence: { cadence: 'INTERVAL', every: 3, unit: 'MONTHS', taskType: 'MEETING', maxCount: 1 },
    en: 'Meeting every 3 months (1 task in all)',
    zh: '会议：每 3 个月一次（共 1 次）',
  },
  {
    // In the week's order, whatever order they were chosen in.
    cadence: { cadence: 'WEEKDAYS', weekdays: ['FRIDAY', 'MONDAY', 'WEDNESDAY'], taskType: 'CALL' },
    en: 'Call every Monday, Wednesday and Friday',
    zh: '电话：每周一、周三和周五',
  },
  {
    cadence: { cadence: 'WEEKDAYS', weekdays: ['TUESDAY'], taskType: 'CHAT', firstAfterDays: 10 },
    en: 'Chat / IM every Tuesday, starting after 10 days',
    zh: '即时通讯：每周二，10 天后开始',
  },
  {
    cadence: { cadence: 'SEQUENCE', steps: [{ day: 0, type: 'CALL' }, { day: 3, type: 'EMAIL' }, { day: 10, type: 'VISIT' }] },
    en: 'Call on the start day, then Email after 3 days, then Visit after 10 days',
    zh: '开始当天：电话；3 天后：邮件；10 天后：拜访',
  },
  {
    cadence: { cadence: 'SEQUENCE', steps: [{ day: 1, type: 'SAMPLE' }] },
    en: 'Sample after 1 day',
    zh: '1 天后：寄样',
  },
  {
    cadence: { cadence: 'SEQUENCE', steps: [] },
    en: 'No steps yet',
    zh: '还没有步骤',
  },
];

describe('describeCadence', () => {
  it.each(cases)('words $en', ({ cadence, en: english, zh: chinese }) => {
    expect(describeCadence(cadence, en)).toBe(english);
    expect(describeCadence(cadence, zh)).toBe(chinese);
  });

  it('writes counts as the language writes numbers, and a type newer than the app as sent', () => {
    expect(describeCadence({ cadence: 'INTERVAL', every: 2, unit: 'DAYS', taskType: 'CALL', maxCount: 1000 }, en)).toBe(
      'Call every 2 days (1,000 tasks in all)',
    );
    expect(describeCadence({ cadence: 'SEQUENCE', steps: [{ day: 0, type: 'FAX' as 'CALL' }] }, en)).toBe('FAX on the start day');
  });

  it('describes a plan as the API sends it', () => {
    const plan = { cadence: 'WEEKDAYS' as const, every: null, unit: null, firstAfterDays: 0, weekdays: ['SATURDAY' as const], steps: null, taskType: 'VISIT' as const, maxCount: null };
    expect(describeCadence(plan, en)).toBe('Visit every Saturday');
    expect(describeCadence(plan, zh)).toBe('拜访：每周六');
  });
});
