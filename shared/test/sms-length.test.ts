import { describe, expect, it } from 'vitest';
import { smsLength, withSmsSignature } from '../src/sms-length.ts';

describe('SMS length and segments', () => {
  it('counts GSM-7: 160 in one segment, 153 per segment once split; extension characters count twice', () => {
    expect(smsLength('')).toEqual({ encoding: 'gsm7', units: 0, segments: 0, perSegment: 160 });
    expect(smsLength('a'.repeat(160))).toEqual({ encoding: 'gsm7', units: 160, segments: 1, perSegment: 160 });
    expect(smsLength('a'.repeat(161))).toEqual({ encoding: 'gsm7', units: 161, segments: 2, perSegment: 153 });
    expect(smsLength('a'.repeat(306)).segments).toBe(2);
    expect(smsLength('a'.repeat(307)).segments).toBe(3);
    expect(smsLength('€[]').units).toBe(6);
    expect(smsLength('a'.repeat(159) + '€')).toMatchObject({ units: 161, segments: 2 });
  });

  it('counts Chinese (and any non-GSM character) as UCS-2: 70, then 67 per segment', () => {
    expect(smsLength('您好'.repeat(35))).toEqual({ encoding: 'ucs2', units: 70, segments: 1, perSegment: 70 });
    expect(smsLength('a'.repeat(70) + '好')).toEqual({ encoding: 'ucs2', units: 71, segments: 2, perSegment: 67 });
    expect(smsLength('😀').units).toBe(2);
  });

  it('appends the signature, which counts in the length', () => {
    expect(withSmsSignature('会员日快乐', ' 【品牌】 ')).toBe('会员日快乐【品牌】');
    expect(withSmsSignature('Hi', '')).toBe('Hi');
    expect(smsLength(withSmsSignature('a'.repeat(66), '【品牌】')).segments).toBe(1);
  });
});
