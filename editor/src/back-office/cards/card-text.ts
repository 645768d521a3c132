import type { CardBenefits, CardKind } from '@memberflow/shared/loyalty/cards';
import type { Translate } from '../../i18n/i18n.ts';
import type { LocaleFormat } from '../locale-format.ts';

/** A benefit pack as short lines, in the user's language. */
export function benefitLines(b: CardBenefits, t: Translate, f: LocaleFormat): string[] {
  const out: string[] = [];
  if (b.pointsMultiplier !== 1) out.push(t('cards.benefit.multiplier', { value: f.number(b.pointsMultiplier) }));
  if (b.freeShipping) out.push(t('cards.benefit.freeShipping'));
  if (b.discountPercent > 0) out.push(t('cards.benefit.discount', { value: f.number(b.discountPercent) }));
  if (b.couponPack.length) out.push(t('cards.benefit.coupons', { keys: b.couponPack.join(', ') }));
  if (b.memberDay) out.push(t('cards.benefit.memberDay', { text: b.memberDay }));
  return out.length ? out : [t('cards.benefit.none')];
}

/** Price and term for paid cards; who holds it for the others. */
export function termText(k: CardKind, t: Translate, f: LocaleFormat): string {
  if (k.type === 'tier') return t('cards.tierOf', { tier: k.tier ?? '' });
  if (!k.billing) return t('cards.noTerm');
  const b = k.billing;
  const parts = [
    t('cards.priceTerm', { price: f.money(b.price), term: b.term, period: t(`cards.period.${b.period}`) }),
    t('cards.grace', { days: b.graceDays }),
  ];
  if (b.autoRenew) parts.push(t('cards.autoRenew'));
  return parts.join(' · ');
}
