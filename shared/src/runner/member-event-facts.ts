import { toNumber } from '../coerce.ts';
import type { MemberFacts } from '../member-facts.ts';

/** How a member's facts change with an event, at the event's own time (a late purchase is still the purchase it was). */
export function applyMemberEvent(m: MemberFacts, e: { type: string; at: number; properties?: Record<string, unknown> }): void {
  const props = e.properties ?? {};
  if (e.type === 'purchase') {
    const amount = toNumber(props.amount);
    const value = Number.isFinite(amount) ? amount : 0;
    m.orderCount += 1;
    m.totalSpent = Math.round((m.totalSpent + value) * 100) / 100;
    m.firstPurchaseAt = m.firstPurchaseAt === null ? e.at : Math.min(m.firstPurchaseAt, e.at);
    m.lastPurchaseAt = m.lastPurchaseAt === null ? e.at : Math.max(m.lastPurchaseAt, e.at);
    m.purchases = [...m.purchases, { at: e.at, amount: value }];
  } else if (e.type === 'tier_changed' && typeof props.tier === 'string') {
    m.tier = props.tier;
  } else if (e.type === 'points_changed' && Number.isFinite(toNumber(props.balance))) {
    m.pointsBalance = toNumber(props.balance);
  }
}
