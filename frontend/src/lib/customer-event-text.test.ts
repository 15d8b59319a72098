import { describe, expect, it } from 'vitest';
import { customerEventSentence } from './customer-event-text';
import { translate, type Locale, type Translate } from './i18n';

const translator =
  (locale: Locale): Translate =>
  (key, params) =>
    translate(locale, key, params);

const tagsById = new Map([
  [1, 'VIP'],
  [2, 'Distributor'],
]);
const reasonsById = new Map([[11, 'Price']]);

describe('customerEventSentence', () => {
  it('says a stage change, a release with its reason and a tags change in English', () => {
    const t = translator('en');
    expect(customerEventSentence(t, { type: 'STAGE_CHANGED', data: { from: 'INQUIRY', to: 'SAMPLE_ORDER' } }, tagsById)).toBe(
      'Stage changed from Inquiry to Sample order',
    );
    expect(
      customerEventSentence(t, { type: 'OWNER_CHANGED', data: { kind: 'RELEASED', reasonId: 11, note: 'No reply' } }, tagsById, reasonsById),
    ).toBe('Given back to the pool: reason “Price”. Note: No reply');
    expect(customerEventSentence(t, { type: 'TAGS_CHANGED', data: { added: [1], removed: [2, 9] } }, tagsById)).toBe(
      'Tags changed. Added: VIP. Removed: Distributor, #9.',
    );
  });

  it('says the same in Chinese', () => {
    const t = translator('zh-CN');
    expect(customerEventSentence(t, { type: 'STAGE_CHANGED', data: { from: 'INQUIRY', to: 'SAMPLE_ORDER' } }, tagsById)).toBe(
      '阶段从“询盘”改为“样单”',
    );
    expect(
      customerEventSentence(t, { type: 'OWNER_CHANGED', data: { kind: 'RELEASED', reasonId: 11, note: 'No reply' } }, tagsById, reasonsById),
    ).toBe('退回公海: 原因“Price”。 备注：No reply');
    expect(customerEventSentence(t, { type: 'TAGS_CHANGED', data: { added: [1], removed: [2, 9] } }, tagsById)).toBe(
      '标签已修改。 添加：VIP。 移除：Distributor, #9。',
    );
  });

  it('names the pool a release put the customer in, when the reader sees it', () => {
    const pools = new Map([[7, 'Middle East']]);
    const released = (toPoolId: number) => ({ type: 'OWNER_CHANGED', data: { kind: 'RELEASED', reasonId: 11, toPoolId } });
    expect(customerEventSentence(translator('en'), released(7), tagsById, reasonsById, pools)).toBe(
      'Given back to the pool Middle East: reason “Price”.',
    );
    expect(customerEventSentence(translator('zh-CN'), released(7), tagsById, reasonsById, pools)).toBe('退回公海「Middle East」: 原因“Price”。');
    // A pool the reader does not see (or since deleted): the plain sentence.
    expect(customerEventSentence(translator('en'), released(8), tagsById, reasonsById, pools)).toBe(
      'Given back to the pool: reason “Price”.',
    );
  });

  it('says which rule of the pool handed a customer out automatically', () => {
    const auto = (rule?: string) => ({ type: 'OWNER_CHANGED', data: { kind: 'AUTO_ASSIGNED', rule, toOwnerId: 3 } });
    expect(customerEventSentence(translator('en'), auto('ROUND_ROBIN'), tagsById)).toBe('Handed out by the pool, to the next rep in turn');
    expect(customerEventSentence(translator('en'), auto('RETURNING_BUYER'), tagsById)).toBe(
      'A returning buyer, handed back to their previous rep',
    );
    expect(customerEventSentence(translator('zh-CN'), auto('CAPACITY'), tagsById)).toBe('公海自动分配：客户最少的业务员');
    // A rule newer than the app: the plain sentence.
    expect(customerEventSentence(translator('en'), auto('LOTTERY'), tagsById)).toBe('Handed out by the pool');
  });

  it('leaves out an unknown reason, and says a type newer than the app as the server spells it', () => {
    const t = translator('en');
    expect(customerEventSentence(t, { type: 'LOST', data: { reasonId: 99 } }, tagsById, reasonsById)).toBe('Marked as lost');
    expect(customerEventSentence(t, { type: 'LOST', data: null }, tagsById)).toBe('Marked as lost');
    expect(customerEventSentence(t, { type: 'SOMETHING_NEW' }, tagsById)).toBe('SOMETHING_NEW');
  });
});
