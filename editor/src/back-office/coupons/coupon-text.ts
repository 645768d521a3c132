import type { CouponTemplate } from '@memberflow/shared/api/loyalty';
import type { Translate } from '../../i18n/i18n.ts';
import type { LocaleFormat } from '../locale-format.ts';

/** "20 off", "15% off", "Free shipping". */
export function offerText(t: Translate, f: LocaleFormat, c: Pick<CouponTemplate, 'kind' | 'value'>): string {
  return t(`coupons.offer.${c.kind}`, { value: f.money(c.value) });
}

/** "14 days after issue", "1 Jan 2027 to 31 Jan 2027". */
export function validityText(
  t: Translate,
  f: LocaleFormat,
  c: Pick<CouponTemplate, 'validityDays' | 'validFrom' | 'validTo'>,
): string {
  const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
  if (c.validTo !== null && c.validFrom !== null)
    return t('coupons.validDates', { from: f.date(iso(c.validFrom)), to: f.date(iso(c.validTo)) });
  if (c.validTo !== null) return t('coupons.validUntil', { to: f.date(iso(c.validTo)) });
  return t('coupons.validDays', { days: f.number(c.validityDays ?? 0) });
}

/** Minimum spend, once per member and stock, as short phrases. */
export function rulesText(
  t: Translate,
  f: LocaleFormat,
  c: Pick<CouponTemplate, 'minSpend' | 'oncePerMember' | 'stockLimit' | 'issuedCount'>,
): string[] {
  const out: string[] = [];
  if (c.minSpend > 0) out.push(t('coupons.minSpend', { amount: f.money(c.minSpend) }));
  if (c.oncePerMember) out.push(t('coupons.oncePerMember'));
  if (c.stockLimit !== null)
    out.push(t('coupons.stock', { left: f.number(Math.max(0, c.stockLimit - c.issuedCount)), limit: f.number(c.stockLimit) }));
  return out;
}

const WORDED = ['key', 'name', 'minSpend', 'validityDays', 'validFrom', 'validTo', 'stockLimit'] as const;

/** What is wrong with a field of the coupon form, worded for the field; null when it has no wording of its own. */
export function couponProblemText(t: Translate, field: string, kind: CouponTemplate['kind']): string | null {
  if (field === 'value') return kind === 'amount_off' || kind === 'percent_off' ? t(`couponForm.problem.value.${kind}`) : null;
  return (WORDED as readonly string[]).includes(field) ? t(`couponForm.problem.${field as (typeof WORDED)[number]}`) : null;
}
