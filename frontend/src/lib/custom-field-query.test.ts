import { describe, expect, it } from 'vitest';
import { withCustomFieldParams } from './custom-field-query';

describe('withCustomFieldParams', () => {
  it('turns cf.<key> into repeatable customField=key:value and keeps the rest', () => {
    expect(withCustomFieldParams({ stage: ['INQUIRY'], 'cf.incoterm': 'FOB', 'cf.markets': ['EU', 'US'], limit: 50 })).toEqual({
      stage: ['INQUIRY'],
      limit: 50,
      customField: ['incoterm:FOB', 'markets:EU', 'markets:US'],
    });
  });

  it('keeps a value with a colon whole and drops empty ones', () => {
    expect(withCustomFieldParams({ 'cf.note': 'a:b', 'cf.empty': '' })).toEqual({ customField: ['note:a:b'] });
    expect(withCustomFieldParams({ q: 'x' })).toEqual({ q: 'x' });
  });
});
