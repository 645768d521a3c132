import type { MallItem } from '@memberflow/shared/api/points-mall';
import type { useT } from '../../i18n/i18n.ts';
import type { LocaleFormat } from '../locale-format.ts';

type T = ReturnType<typeof useT>;

/** "500 pts", "200 pts + 9.9", "100 pts = 5 off". */
export function priceText(t: T, f: LocaleFormat, i: Pick<MallItem, 'pricing' | 'points' | 'cash' | 'deductionValue'>): string {
  return t(`mall.price.${i.pricing}`, { points: f.number(i.points), cash: f.money(i.cash), value: f.money(i.deductionValue ?? 0) });
}

export function limitText(t: T, f: LocaleFormat, i: Pick<MallItem, 'perMemberLimit' | 'limitPeriod'>): string {
  if (i.perMemberLimit === null) return t('mall.noLimit');
  const count = f.number(i.perMemberLimit);
  return i.limitPeriod ? t('mall.limitPer', { count, period: t(`mall.period.${i.limitPeriod}`) }) : t('mall.limitEver', { count });
}

// The shared schema's rules between fields, by their English wording.
const RULES = {
  'pick the coupon template this reward issues': 'mallForm.problem.couponTemplate',
  'a cash + points price needs a cash amount greater than 0': 'mallForm.problem.cash',
  'say how much money off the points are worth': 'mallForm.problem.deductionValue',
  'set how many per period, or clear the period': 'mallForm.problem.perMemberLimit',
  'give the reward a name': 'mallForm.problem.name',
} as const;

/** The form's own wording for the schema's cross-field rules; null keeps the schema's text. */
export function mallProblemText(t: T, message: string): string | null {
  const key = RULES[message as keyof typeof RULES];
  return key ? t(key) : null;
}
