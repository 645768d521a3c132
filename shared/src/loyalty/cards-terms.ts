import type { CardBilling, CardStatus } from './cards.ts';

const DAY_MS = 86_400_000;

/** `at` plus `n` calendar months (UTC), the day held to the month's last (31 Jan + 1 = 28/29 Feb). */
export function addMonths(at: number, n: number): number {
  const d = new Date(at);
  const day = d.getUTCDate();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() + n);
  const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(day, last));
  return d.getTime();
}

/** Months one purchase (or renewal) buys. */
export const termMonths = (b: CardBilling): number => b.term * (b.period === 'yearly' ? 12 : 1);

/** When a card with this end and grace lapses; null for cards without a term. */
export const lapseAt = (endsAt: number | null, graceDays: number): number | null =>
  endsAt === null ? null : endsAt + graceDays * DAY_MS;

/** When card_expiring is due: `reminderDays` before the end. */
export const reminderAt = (endsAt: number, reminderDays: number): number => endsAt - reminderDays * DAY_MS;

/**
 * Monthly benefit periods that have begun by `now`: period k starts k months after the card
 * starts (0 = activation) and must begin before the term ends. A card without a term has a
 * period every month while it holds. The coupon pack is issued once per period.
 */
export function benefitPeriodsDue(startsAt: number, endsAt: number | null, now: number, fromIndex = 0): number[] {
  const out: number[] = [];
  for (let k = fromIndex; k < fromIndex + 1200; k++) {
    const at = addMonths(startsAt, k);
    if (at > now || (endsAt !== null && at >= endsAt)) break;
    out.push(k);
  }
  return out;
}

/**
 * A live card's status at `now` from its dates: lapsed once the grace after the end has passed,
 * expiring from `reminderDays` before the end until then, active before. Cancelled is set by staff.
 */
export function cardStatusAt(
  c: { endsAt: number | null; status: CardStatus },
  rules: { reminderDays: number; graceDays: number },
  now: number,
): CardStatus {
  if (c.status === 'cancelled' || c.status === 'lapsed' || c.endsAt === null) return c.status;
  if (now >= lapseAt(c.endsAt, rules.graceDays)!) return 'lapsed';
  if (now >= reminderAt(c.endsAt, rules.reminderDays)) return 'expiring';
  return 'active';
}

/** Days from `now` until the card lapses (rounded up), or null when it has no term. */
export function daysUntilLapse(endsAt: number | null, graceDays: number, now: number): number | null {
  const at = lapseAt(endsAt, graceDays);
  return at === null ? null : Math.max(0, Math.ceil((at - now) / DAY_MS));
}

/**
 * When the upkeep next has something to do for a live card: its reminder (once per term), its
 * lapse, or the start of its next coupon-pack period after `lastPeriod` (-1 before any). Null
 * when nothing will ever be due (no term and no pack).
 */
export function nextCardDue(
  c: { startsAt: number; endsAt: number | null; term: number; remindedTerm: number | null },
  rules: { reminderDays: number; graceDays: number; hasPack: boolean },
  lastPeriod: number,
): number | null {
  const due: number[] = [];
  if (c.endsAt !== null) {
    if (c.remindedTerm !== c.term) due.push(reminderAt(c.endsAt, rules.reminderDays));
    due.push(lapseAt(c.endsAt, rules.graceDays)!);
  }
  if (rules.hasPack) {
    const next = addMonths(c.startsAt, lastPeriod + 1);
    if (c.endsAt === null || next < c.endsAt) due.push(next);
  }
  return due.length ? Math.min(...due) : null;
}
