import { benefitPeriodsDue, nextCardDue } from '@memberflow/shared/loyalty/cards-terms';
import type pg from 'pg';
import { couponCode } from './coupon-code.ts';
import { readCouponTemplates, reserveStock } from './coupons.ts';
import type { StoredCardKind } from './cards-kinds.ts';

const DAY_MS = 86_400_000;

export interface PackCard {
  id: string;
  memberId: string;
  startsAt: number;
  endsAt: number | null;
}

/**
 * Issues the card's coupon pack for every monthly period begun by `now` and not issued yet.
 * Each (card, period, template) is written once (its primary key), in the caller's transaction
 * with the coupon itself, so running the upkeep twice at one moment, or two processes at once,
 * issues nothing twice. A template archived or sold out is recorded as skipped with the reason.
 * Returns the coupon codes issued now.
 */
export async function issueCouponPacks(c: pg.ClientBase, card: PackCard, kind: StoredCardKind, now: number): Promise<string[]> {
  const pack = kind.benefits.couponPack;
  if (!pack.length) return [];
  const done = await c.query<{ period_index: number; template: string }>(
    'SELECT period_index, template FROM card_benefit_issue WHERE card_id = $1',
    [card.id],
  );
  const seen = new Set(done.rows.map((r) => `${r.period_index}:${r.template}`));
  const last = done.rows.reduce((m, r) => Math.max(m, r.period_index), -1);
  // Periods before the last one recorded were all handled when it was.
  const due = benefitPeriodsDue(card.startsAt, card.endsAt, now, Math.max(0, last));
  if (!due.some((k) => pack.some((t) => !seen.has(`${k}:${t}`)))) return [];
  const templates = await readCouponTemplates(c);
  const codes: string[] = [];
  for (const k of due) {
    for (const key of pack) {
      if (seen.has(`${k}:${key}`)) continue;
      const claimed = await c.query(
        `INSERT INTO card_benefit_issue (card_id, period_index, template, issued_at) VALUES ($1, $2, $3, to_timestamp($4::float8 / 1000)) ON CONFLICT DO NOTHING`,
        [card.id, k, key, now],
      );
      if (!claimed.rowCount) continue;
      const t = templates.get(key);
      const skipped = !t
        ? 'template missing'
        : t.archivedAt !== null
          ? 'template archived'
          : !(await reserveStock(c, key))
            ? 'sold out'
            : null;
      if (skipped || !t) {
        await c.query('UPDATE card_benefit_issue SET skipped = $4 WHERE card_id = $1 AND period_index = $2 AND template = $3', [
          card.id,
          k,
          key,
          skipped,
        ]);
        continue;
      }
      const code = couponCode(key);
      const expiresAt = t.validityDays !== null ? now + t.validityDays * DAY_MS : t.validTo;
      await c.query(
        `INSERT INTO coupon (id, code, template, member_id, issued_at, expires_at) VALUES (gen_random_uuid(), $1, $2, $3, to_timestamp($4::float8 / 1000), to_timestamp($5::float8 / 1000))`,
        [code, key, card.memberId, now, expiresAt],
      );
      await c.query('UPDATE card_benefit_issue SET coupon_code = $4 WHERE card_id = $1 AND period_index = $2 AND template = $3', [
        card.id,
        k,
        key,
        code,
      ]);
      codes.push(code);
    }
  }
  return codes;
}

/**
 * Stores when the upkeep next has work for this card (reminder, lapse, next pack period), so a
 * pass reads only the cards due. Called after every change to a live card, in its transaction.
 */
export async function scheduleCard(c: pg.ClientBase, cardId: string, kind: StoredCardKind): Promise<void> {
  const { rows } = await c.query<{
    starts_at: Date;
    ends_at: Date | null;
    term: number;
    reminded_term: number | null;
    last: number | null;
  }>(
    `SELECT starts_at, ends_at, term, reminded_term, (SELECT max(period_index) FROM card_benefit_issue WHERE card_id = $1) AS last FROM member_card WHERE id = $1`,
    [cardId],
  );
  const r = rows[0];
  if (!r) return;
  const due = nextCardDue(
    { startsAt: r.starts_at.getTime(), endsAt: r.ends_at?.getTime() ?? null, term: r.term, remindedTerm: r.reminded_term },
    { reminderDays: kind.reminderDays, graceDays: kind.billing?.graceDays ?? 0, hasPack: kind.benefits.couponPack.length > 0 },
    r.last ?? -1,
  );
  await c.query('UPDATE member_card SET next_due_at = to_timestamp($2::float8 / 1000) WHERE id = $1', [cardId, due]);
}
