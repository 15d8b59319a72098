import { describe, expect, it } from 'vitest';
import { smsParts } from './sms';

describe('smsParts', () => {
  it('counts GSM text as 160 in one message and 153 per part', () => {
    expect(smsParts('')).toEqual({ encoding: 'GSM', units: 0, parts: 0, perPart: 160 });
    expect(smsParts('a'.repeat(160))).toMatchObject({ encoding: 'GSM', parts: 1, perPart: 160 });
    expect(smsParts('a'.repeat(161))).toMatchObject({ parts: 2, perPart: 153 });
    expect(smsParts('a'.repeat(306))).toMatchObject({ parts: 2 });
    expect(smsParts('a'.repeat(307))).toMatchObject({ parts: 3 });
  });

  it('counts the extension characters twice', () => {
    expect(smsParts('€'.repeat(80))).toMatchObject({ encoding: 'GSM', units: 160, parts: 1 });
    expect(smsParts('{'.repeat(81))).toMatchObject({ units: 162, parts: 2 });
  });

  it('sends Chinese as UCS-2: 70 in one message, 67 per part', () => {
    expect(smsParts('您好'.repeat(35))).toMatchObject({ encoding: 'UCS2', units: 70, parts: 1, perPart: 70 });
    expect(smsParts('您好'.repeat(35) + '!')).toMatchObject({ units: 71, parts: 2, perPart: 67 });
  });
});
