import { MS_PER_DAY } from '@memberflow/shared/duration';
import { emptyMember, type MemberFacts } from '@memberflow/shared/member-facts';
import type pg from 'pg';
import { CAPPED_EFFECT_KINDS } from './effect-kinds.ts';

/** How far back purchases are loaded for windowed conditions ("spend in the last N days"). */
export const PURCHASE_WINDOW_DAYS = 730;

/** The member columns conditions read; shared by the lane and batch loaders. */
export interface MemberRow {
  id: string;
  name: string | null;
  email: string | null;
  phone: string | null;
  time_zone: string;
  locale: string | null;
  birthday: string | null;
  joined_at: Date | null;
  tier: string | null;
  tags: string[] | null;
  points_balance: number;
  stored_value: string;
  consents: Record<string, boolean>;
  attributes: Record<string, unknown>;
  order_count: number;
  total_spent: string;
  first_purchase_at: Date | null;
  last_purchase_at: Date | null;
  rfm_r: number | null;
  rfm_f: number | null;
  rfm_m: number | null;
  rfm_segment: string | null;
  card_multiplier?: number | null;
  cards?: { kind: string; lapsesAt: number | null }[] | null;
  sign_in_streak: number;
  /** YYYY-MM-DD (selected as text, never a Date shifted by the server's zone). */
  last_sign_in_day: string | null;
}

export const MEMBER_FACT_COLUMNS = `id, name, email, phone, time_zone, locale, birthday, joined_at, tier, tags, points_balance, stored_value,
  consents, attributes, order_count, total_spent, first_purchase_at, last_purchase_at, rfm_r, rfm_f, rfm_m, rfm_segment,
  (SELECT max((k.definition->'benefits'->>'pointsMultiplier')::float8) FROM member_card c JOIN card_kind k ON k.key = c.card_kind
    WHERE c.member_id = member.id AND c.status IN ('active', 'expiring')) AS card_multiplier,
  (SELECT json_agg(json_build_object('kind', c.card_kind, 'lapsesAt',
      (extract(epoch FROM c.ends_at) * 1000 + coalesce((k.definition->'billing'->>'graceDays')::int, 0) * 86400000)::float8) ORDER BY c.card_kind)
    FROM member_card c JOIN card_kind k ON k.key = c.card_kind WHERE c.member_id = member.id AND c.status IN ('active', 'expiring')) AS cards,
  sign_in_streak, last_sign_in_day::text AS last_sign_in_day`;

export function memberRowToFacts(r: MemberRow, purchases: MemberFacts['purchases'], pointsExpiring: MemberFacts['pointsExpiring']): MemberFacts {
  return {
    id: r.id,
    name: r.name,
    email: r.email,
    phone: r.phone,
    timeZone: r.time_zone,
    ...(r.locale ? { locale: r.locale } : {}),
    tier: r.tier,
    tags: r.tags ?? [],
    pointsBalance: r.points_balance,
    storedValue: Number(r.stored_value),
    orderCount: r.order_count,
    totalSpent: Number(r.total_spent),
    firstPurchaseAt: r.first_purchase_at?.getTime() ?? null,
    lastPurchaseAt: r.last_purchase_at?.getTime() ?? null,
    birthday: r.birthday,
    joinedAt: r.joined_at?.getTime() ?? null,
    attributes: r.attributes ?? {},
    consents: r.consents ?? {},
    rfm: r.rfm_segment ? { r: r.rfm_r ?? 0, f: r.rfm_f ?? 0, m: r.rfm_m ?? 0, segment: r.rfm_segment } : null,
    purchases,
    pointsExpiring,
    // Lapsed and cancelled cards no longer count: their benefits stopped.
    ...(r.card_multiplier && r.card_multiplier !== 1 ? { cardMultiplier: Number(r.card_multiplier) } : {}),
    ...(r.cards?.length ? { cards: r.cards } : {}),
    signInStreak: r.sign_in_streak ?? 0,
    lastSignInDay: r.last_sign_in_day ?? null,
  };
}

export interface LaneContext {
  member: MemberFacts;
  /** Coupon templates the member already holds a coupon of (once-per-member rules). */
  heldTemplates: Set<string>;
  /** Decision times of the member's marketing messages since `marketingSince` (frequency caps). */
  recentMarketing: number[];
}

const ms = (v: string | null) => (v === null ? null : new Date(v));

type ContextRow = {
  id: string;
  member: (Omit<MemberRow, 'joined_at' | 'first_purchase_at' | 'last_purchase_at'> & { joined_at: string | null; first_purchase_at: string | null; last_purchase_at: string | null }) | null;
  purchases: { at: number; amount: string | null }[];
  lots: { points: number; expiresAt: number }[];
  held: string[];
  marketing: number[];
};

/**
 * Everything a lane pass needs to know about each of its members, in one round trip for the
 * whole batch: the profile and totals, recent purchases, expiring point lots, coupon templates
 * held and recent marketing sends. Each subquery is an index lookup per member.
 */
export async function loadLaneContexts(c: pg.ClientBase, memberIds: string[], now: number, marketingSince: number): Promise<Map<string, LaneContext>> {
  const { rows } = await c.query<ContextRow>(
    `SELECT u.id,
       (SELECT row_to_json(m) FROM (SELECT ${MEMBER_FACT_COLUMNS} FROM member WHERE id = u.id) m) AS member,
       (SELECT coalesce(json_agg(json_build_object('at', extract(epoch FROM occurred_at) * 1000, 'amount', properties->>'amount') ORDER BY occurred_at), '[]')
          FROM event WHERE member_id = u.id AND type = 'purchase' AND processed_at IS NOT NULL AND occurred_at > to_timestamp($2::float8 / 1000)) AS purchases,
       (SELECT coalesce(json_agg(json_build_object('points', remaining, 'expiresAt', extract(epoch FROM expires_at) * 1000) ORDER BY expires_at), '[]')
          FROM points_entry WHERE member_id = u.id AND remaining > 0 AND expires_at IS NOT NULL) AS lots,
       (SELECT coalesce(array_agg(DISTINCT template), '{}') FROM coupon WHERE member_id = u.id) AS held,
       (SELECT coalesce(array_agg((extract(epoch FROM at) * 1000)::float8), '{}') FROM effect
          WHERE member_id = u.id AND kind = ANY($4::text[]) AND at > to_timestamp($3::float8 / 1000)
            AND status IN ('done', 'pending', 'held') AND (payload->>'marketing')::boolean) AS marketing
     FROM unnest($1::text[]) AS u(id)`,
    [memberIds, now - PURCHASE_WINDOW_DAYS * MS_PER_DAY, marketingSince, CAPPED_EFFECT_KINDS],
  );
  return new Map(rows.map((r) => [r.id, contextFromRow(r)]));
}

function contextFromRow(r: ContextRow): LaneContext {
  const member = r.member
    ? memberRowToFacts(
        { ...r.member, joined_at: ms(r.member.joined_at), first_purchase_at: ms(r.member.first_purchase_at), last_purchase_at: ms(r.member.last_purchase_at) },
        r.purchases.map((p) => ({ at: Number(p.at), amount: Number(p.amount) || 0 })),
        r.lots.map((l) => ({ points: l.points, expiresAt: Number(l.expiresAt) })),
      )
    : emptyMember(r.id);
  return { member, heldTemplates: new Set(r.held), recentMarketing: r.marketing.map(Number) };
}

/** One member's lane context (a batch of one). */
export async function loadLaneContext(c: pg.ClientBase, memberId: string, now: number, marketingSince: number): Promise<LaneContext> {
  return (await loadLaneContexts(c, [memberId], now, marketingSince)).get(memberId)!;
}

/** The member as conditions and waits see it, read inside the lane's transaction. */
export async function loadMemberFacts(c: pg.ClientBase, memberId: string, now: number): Promise<MemberFacts> {
  return (await loadLaneContext(c, memberId, now, now)).member;
}
