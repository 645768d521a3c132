import { describe, expect, it } from 'vitest';
import { translate, type Translate } from '../i18n/i18n.ts';
import { couponOption, pickerHint, segmentOption, tierOptions } from './catalog-options.ts';
import type { CouponTemplateItem } from './catalog-types.ts';

const en: Translate = (key, vars) => translate('en', key, vars);
const zh: Translate = (key, vars) => translate('zh-CN', key, vars);

const coupon: CouponTemplateItem = {
  key: 'COMEBACK10',
  name: 'Come back',
  kind: 'amount_off',
  value: 10,
  minSpend: 50,
  validityDays: 30,
  validFrom: null,
  validTo: null,
  oncePerMember: false,
  stockLimit: null,
  issuedCount: 0,
  archivedAt: null,
};

describe('catalog picker options', () => {
  it('describes a coupon template by kind, value and validity', () => {
    expect(couponOption(en, coupon)).toEqual({ value: 'COMEBACK10', label: 'Come back · 10 off on spend ≥ 50 · valid 30 days' });
    expect(couponOption(en, { ...coupon, kind: 'percent_off', value: 15, minSpend: 0 }).label).toBe('Come back · 15% off · valid 30 days');
    expect(couponOption(en, { ...coupon, kind: 'free_shipping', minSpend: 0, validityDays: null, validTo: Date.UTC(2027, 0, 31) }).label).toBe(
      'Come back · free shipping · valid until 2027-01-31',
    );
    expect(couponOption(zh, coupon).label).toBe('Come back · 减 10 满 50 可用 · 有效 30 天');
  });

  it('shows a segment with its member count, or that it was never counted', () => {
    expect(segmentOption(en, { key: 'vip', name: 'VIPs', memberCount: 1234, countedAt: '2026-01-01T00:00:00Z' }).label).toBe('VIPs · 1,234 members');
    expect(segmentOption(en, { key: 'vip', name: 'VIPs', memberCount: 0, countedAt: null }).label).toBe('VIPs · not counted yet');
  });

  it('lists tiers by rank with their threshold', () => {
    const tiers = [
      { key: 'gold', name: 'Gold', rank: 3, basis: 'spend' as const, threshold: 5000 },
      { key: 'silver', name: 'Silver', rank: 2, basis: 'points' as const, threshold: 1000 },
    ];
    expect(tierOptions(en, tiers)).toEqual([
      { value: 'silver', label: 'Silver · from 1,000 points' },
      { value: 'gold', label: 'Gold · from 5,000 spend' },
    ]);
  });

  it('hints at the chosen item, an unknown key, or where to define items', () => {
    const options = [couponOption(en, coupon)];
    const hint = (opts: typeof options | null, value: unknown) => pickerHint(en, opts, value, 'EMPTY', 'coupon template', 'FALLBACK');
    expect(hint(null, 'X')).toBe('FALLBACK');
    expect(hint([], 'X')).toBe('EMPTY');
    expect(hint(options, '')).toBe('FALLBACK');
    expect(hint(options, 'COMEBACK10')).toBe(options[0]!.label);
    expect(hint(options, 'NOPE')).toBe('“NOPE” is not a known coupon template (yet); it must exist when the step runs.');
  });
});
