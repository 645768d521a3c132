import { cardStatusAt } from '@memberflow/shared/loyalty/cards-terms';
import type pg from 'pg';
import type { EngineDeps } from '../engine/member-lane.ts';
import { withMemberLocks } from '../members/member-lock.ts';
import { issueCouponPacks, scheduleCard } from './cards-benefits.ts';
import { CardConflict, readCardKinds, type StoredCardKind } from './cards-kinds.ts';
import { CARD_COLUMNS, cancelCardIn, issueCardIn, packCard, toMemberCard, type CardRow } from './cards-members.ts';

type Raise = (memberId: string, type: string, props: Record<string, unknown>, at: number) => Promise<void>;

export interface CardUpkeepResult {
  granted: number;
  withdrawn: number;
  expiring: number;
  lapsed: number;
  coupons: number;
}

/** What workflows get with every card event. */
export const cardEventProps = (
  card: { id: string; kind: string; number: string; endsAt: string | null; lapsesAt: string | null },
  extra: Record<string, unknown> = {},
) => ({
  card: card.kind,
  cardId: card.id,
  number: card.number,
  endsAt: card.endsAt,
  lapsesAt: card.lapsesAt,
  ...extra,
});

/**
 * Periodic card upkeep on the injected clock: tier cards follow member.tier (granted to members
 * in the tier, withdrawn from those who left it), paid cards raise card_expiring once per term
 * (`reminderDays` before the end; `reminded_term` remembers the term) and card_lapsed once when
 * the grace after the end passes, and coupon packs go out for each monthly period begun.
 * Every change happens in the member's locked transaction with a guard on the row, so a second
 * run at the same moment changes and raises nothing. A pass reads only the cards due (next_due_at).
 */
export async function maintainCards(deps: EngineDeps, raise: Raise): Promise<CardUpkeepResult> {
  const now = deps.clock.now();
  const kinds = await readCardKinds(deps.db.pool);
  const result: CardUpkeepResult = { granted: 0, withdrawn: 0, expiring: 0, lapsed: 0, coupons: 0 };
  if (!kinds.size) return result;
  await followTiers(
    deps,
    [...kinds.values()].filter((k) => k.type === 'tier' && !k.archived),
    raise,
    result,
    now,
  );

  // Only the cards with something due: each stores when (scheduleCard).
  const { rows } = await deps.db.pool.query<{ id: string; member_id: string }>(
    `SELECT id, member_id FROM member_card WHERE status IN ('active', 'expiring') AND next_due_at <= to_timestamp($1::float8 / 1000) ORDER BY next_due_at, id`,
    [now],
  );
  for (const { id, member_id } of rows) {
    const events = await withMemberLocks(deps.db, [member_id], async (c) => {
      const card = (
        await c.query<CardRow>(`SELECT ${CARD_COLUMNS} FROM member_card WHERE id = $1 AND status IN ('active', 'expiring')`, [id])
      ).rows[0];
      const kind = card && kinds.get(card.card_kind);
      if (!card || !kind) return [];
      return upkeepCard(c, card, kind, now, result);
    });
    for (const [type, props] of events) await raise(member_id, type, props, now);
  }
  return result;
}

async function upkeepCard(
  c: pg.PoolClient,
  card: CardRow,
  kind: StoredCardKind,
  now: number,
  result: CardUpkeepResult,
): Promise<[string, Record<string, unknown>][]> {
  const rules = { reminderDays: kind.reminderDays, graceDays: kind.billing?.graceDays ?? 0 };
  const status = cardStatusAt({ endsAt: card.ends_at?.getTime() ?? null, status: card.status }, rules, now);
  if (status === 'lapsed') {
    const { rows } = await c.query<CardRow>(
      `UPDATE member_card SET status = 'lapsed', lapsed_at = to_timestamp($2::float8 / 1000) WHERE id = $1 AND status IN ('active', 'expiring') RETURNING ${CARD_COLUMNS}`,
      [card.id, now],
    );
    if (!rows[0]) return [];
    result.lapsed++;
    return [['card_lapsed', cardEventProps(toMemberCard(rows[0], kind))]];
  }
  const events: [string, Record<string, unknown>][] = [];
  if (status === 'expiring') {
    const { rows } = await c.query<CardRow>(
      `UPDATE member_card SET status = 'expiring', reminded_term = term WHERE id = $1 AND reminded_term IS DISTINCT FROM term RETURNING ${CARD_COLUMNS}`,
      [card.id],
    );
    if (rows[0]) {
      result.expiring++;
      const days = Math.ceil((rows[0].ends_at!.getTime() - now) / 86_400_000);
      events.push([
        'card_expiring',
        cardEventProps(toMemberCard(rows[0], kind), { daysLeft: days, autoRenew: kind.billing?.autoRenew ?? false }),
      ]);
    }
  }
  result.coupons += (await issueCouponPacks(c, packCard(card), kind, now)).length;
  await scheduleCard(c, card.id, kind);
  return events;
}

/** Tier cards: members whose tier is the card's get one; holders who left the tier lose it. */
async function followTiers(
  deps: EngineDeps,
  tierKinds: StoredCardKind[],
  raise: Raise,
  result: CardUpkeepResult,
  now: number,
): Promise<void> {
  for (const kind of tierKinds) {
    const grant = await deps.db.pool.query<{ id: string }>(
      `SELECT m.id FROM member m WHERE m.tier = $1 AND m.deleted_at IS NULL
         AND NOT EXISTS (SELECT 1 FROM member_card mc WHERE mc.member_id = m.id AND mc.card_kind = $2 AND mc.status IN ('active', 'expiring'))`,
      [kind.tier, kind.key],
    );
    for (const { id } of grant.rows) {
      const card = await withMemberLocks(deps.db, [id], async (c) => {
        const still = await c.query('SELECT 1 FROM member WHERE id = $1 AND tier = $2', [id, kind.tier]);
        return still.rowCount ? (await issueCardIn(c, id, { kind: kind.key }, 'tier', now)).card : null;
      }).catch((e: unknown) => (e instanceof CardConflict ? null : Promise.reject(e)));
      if (!card) continue;
      result.granted++;
      await raise(id, 'card_issued', cardEventProps(card, { type: 'tier' }), now);
    }
    const withdraw = await deps.db.pool.query<{ member_id: string; id: string }>(
      `SELECT mc.member_id, mc.id FROM member_card mc JOIN member m ON m.id = mc.member_id
       WHERE mc.card_kind = $1 AND mc.status IN ('active', 'expiring') AND (m.tier IS DISTINCT FROM $2 OR m.deleted_at IS NOT NULL)`,
      [kind.key, kind.tier],
    );
    for (const w of withdraw.rows) {
      const card = await withMemberLocks(deps.db, [w.member_id], async (c) => {
        const still = await c.query('SELECT 1 FROM member WHERE id = $1 AND tier = $2 AND deleted_at IS NULL', [
          w.member_id,
          kind.tier,
        ]);
        return still.rowCount ? null : cancelCardIn(c, w.member_id, w.id, `left tier ${kind.tier}`, now);
      });
      if (!card) continue;
      result.withdrawn++;
      await raise(w.member_id, 'card_cancelled', cardEventProps(card, { reason: card.cancelReason }), now);
    }
  }
}
