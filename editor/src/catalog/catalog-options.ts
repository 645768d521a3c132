import type { Translate } from '../i18n/i18n.ts';
import type { CouponTemplateItem, PickerOption, SegmentItem, TierItem } from './catalog-types.ts';

const num = (n: number) => n.toLocaleString('en-US');
const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** "10 off", "15% off", "free shipping", "gift", plus the minimum spend when there is one. */
export function couponBenefit(t: Translate, c: CouponTemplateItem): string {
  const base =
    c.kind === 'amount_off'
      ? t('catalog.coupon.amountOff', { value: num(c.value) })
      : c.kind === 'percent_off'
        ? t('catalog.coupon.percentOff', { value: num(c.value) })
        : t(`catalog.coupon.${c.kind}`);
  return c.minSpend > 0 ? `${base} ${t('catalog.coupon.minSpend', { value: num(c.minSpend) })}` : base;
}

/** Relative validity wins (that is what the node issues with); otherwise the fixed window. */
export function couponValidity(t: Translate, c: CouponTemplateItem): string {
  if (c.validityDays !== null) return t('catalog.coupon.validDays', { days: c.validityDays });
  if (c.validTo !== null) return t('catalog.coupon.validUntil', { date: day(c.validTo) });
  return '';
}

export function couponOption(t: Translate, c: CouponTemplateItem): PickerOption {
  return { value: c.key, label: [c.name, couponBenefit(t, c), couponValidity(t, c)].filter(Boolean).join(' · ') };
}

export function segmentOption(t: Translate, s: SegmentItem): PickerOption {
  const count = s.countedAt === null ? t('catalog.segment.notCounted') : t('catalog.segment.members', { count: num(s.memberCount) });
  return { value: s.key, label: `${s.name} · ${count}` };
}

/** Tiers are listed by rank, lowest first, the way the ladder reads. */
export function tierOptions(t: Translate, tiers: readonly TierItem[]): PickerOption[] {
  return [...tiers]
    .sort((a, b) => a.rank - b.rank)
    .map((tier) => ({
      value: tier.key,
      label: `${tier.name} · ${t(tier.basis === 'points' ? 'catalog.tier.fromPoints' : 'catalog.tier.fromSpend', { value: num(tier.threshold) })}`,
    }));
}

/**
 * The hint under a picker: the chosen item's description, a warning for a key the list does not
 * know (free text stays allowed: the item may be created later), or where to define items.
 */
export function pickerHint(
  t: Translate,
  options: readonly PickerOption[] | null,
  value: unknown,
  empty: string,
  unknown: string,
  fallback: string,
): string {
  if (options === null) return fallback;
  if (options.length === 0) return empty;
  const v = typeof value === 'string' ? value.trim() : '';
  if (v === '') return fallback;
  const hit = options.find((o) => o.value === v);
  return hit ? hit.label : t('catalog.unknown', { value: v, what: unknown });
}
