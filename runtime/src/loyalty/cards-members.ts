import { randomUUID } from 'node:crypto';
import type { CardRenewal } from '@memberflow/shared/api/card-routes';
import type { IssueCard, MemberCard, MemberCardView } from '@memberflow/shared/loyalty/cards';
import { addMonths, cardStatusAt, lapseAt, termMonths } from '@memberflow/shared/loyalty/cards-terms';
import type pg from 'pg';
import type { Database } from '../db/database.ts';
import { withMemberLocks } from '../members/member-lock.ts';
import { issueCouponPacks, scheduleCard } from './cards-benefits.ts';
import {
  CardConflict,
  CardNotFound,
  claimCardNumber,
  readCardKind,
  readCardKinds,
  takeCardNumber,
  type StoredCardKind,
} from './cards-kinds.ts';

export interface CardRow {
  id: string;
  member_id: string;
  card_kind: string;
  number: string;
  status: MemberCard['status'];
  issued_at: Date;
  starts_at: Date;
  ends_at: Date | null;
  term: number;
  reminded_term: number | null;
  cancelled_at: Date | null;
  cancel_reason: string | null;
}

export const CARD_COLUMNS =
  'id, member_id, card_kind, number, status, issued_at, starts_at, ends_at, term, reminded_term, cancelled_at, cancel_reason';

export function toMemberCard(r: CardRow, kind: StoredCardKind | undefined): MemberCard {
  const lapses = lapseAt(r.ends_at?.getTime() ?? null, kind?.billing?.graceDays ?? 0);
  return {
    id: r.id,
    memberId: r.member_id,
    kind: r.card_kind,
    number: r.number,
    status: r.status,
    issuedAt: r.issued_at.toISOString(),
    startsAt: r.starts_at.toISOString(),
    endsAt: r.ends_at?.toISOString() ?? null,
    term: r.term,
    lapsesAt: lapses === null ? null : new Date(lapses).toISOString(),
    cancelledAt: r.cancelled_at?.toISOString() ?? null,
    cancelReason: r.cancel_reason,
  };
}

/** A card in the life of one member lane: it and its kind. */
export const packCard = (r: CardRow) => ({
  id: r.id,
  memberId: r.member_id,
  startsAt: r.starts_at.getTime(),
  endsAt: r.ends_at?.getTime() ?? null,
});

async function memberPhone(c: pg.ClientBase, memberId: string): Promise<string | null> {
  const { rows } = await c.query<{ phone: string | null }>('SELECT phone FROM member WHERE id = $1 AND deleted_at IS NULL', [
    memberId,
  ]);
  if (!rows[0]) throw new CardNotFound(`Member ${memberId} not found`);
  return rows[0].phone;
}

/**
 * Issues a card in the caller's member-locked transaction: a number from the pool (or the one
 * given), dates from the kind (a paid card runs one term), and the coupon pack's first period.
 * `issuedBy` 'tier' is the upkeep granting a tier card; people and systems cannot issue those.
 */
export async function issueCardIn(
  c: pg.ClientBase,
  memberId: string,
  input: IssueCard,
  issuedBy: string,
  now: number,
): Promise<{ card: MemberCard; issued: boolean }> {
  const phone = await memberPhone(c, memberId);
  const kind = await readCardKind(c, input.kind);
  if (kind.archived) throw new CardConflict(`Card kind ${kind.key} is archived`, 'kind');
  if (kind.type === 'tier' && issuedBy !== 'tier')
    throw new CardConflict(`${kind.name} is a tier card: members get it by reaching tier ${kind.tier}`, 'kind');
  if (kind.type === 'paid' && input.paymentRef) {
    const { rows } = await c.query<CardRow>(`SELECT ${CARD_COLUMNS} FROM member_card WHERE card_kind = $1 AND payment_ref = $2`, [
      kind.key,
      input.paymentRef,
    ]);
    if (rows[0] && rows[0].member_id === memberId) return { card: toMemberCard(rows[0], kind), issued: false };
    if (rows[0]) throw new CardConflict(`Payment ${input.paymentRef} already paid for another member's card`, 'paymentRef');
  }
  if (kind.type === 'free' && !input.phone && !phone)
    throw new CardConflict(`${kind.name} is claimed by binding a phone number: give phone`, 'phone');
  const live = await c.query('SELECT 1 FROM member_card WHERE member_id = $1 AND card_kind = $2 AND status IN ($3, $4)', [
    memberId,
    kind.key,
    'active',
    'expiring',
  ]);
  if (live.rowCount) throw new CardConflict(`Member ${memberId} already holds a live ${kind.name}`, 'kind');
  if (input.phone) await c.query('UPDATE member SET phone = $2, updated_at = now() WHERE id = $1', [memberId, input.phone]);

  const id = randomUUID();
  const number = input.number ? await claimCardNumber(c, kind, id, input.number) : await takeCardNumber(c, kind, id);
  const endsAt = kind.billing ? addMonths(now, termMonths(kind.billing)) : null;
  const { rows } = await c.query<CardRow>(
    `INSERT INTO member_card (id, member_id, card_kind, number, status, issued_at, starts_at, ends_at, issued_by, payment_ref)
     VALUES ($1, $2, $3, $4, 'active', to_timestamp($5::float8 / 1000), to_timestamp($5::float8 / 1000), to_timestamp($6::float8 / 1000), $7, $8)
     RETURNING ${CARD_COLUMNS}`,
    [id, memberId, kind.key, number, now, endsAt, issuedBy, kind.type === 'paid' ? (input.paymentRef ?? null) : null],
  );
  await issueCouponPacks(c, packCard(rows[0]!), kind, now);
  await scheduleCard(c, id, kind);
  return { card: toMemberCard(rows[0]!, kind), issued: true };
}

export function issueCard(db: Database, memberId: string, input: IssueCard, issuedBy: string, now: number) {
  return withMemberLocks(db, [memberId], (c) => issueCardIn(c, memberId, input, issuedBy, now));
}

async function lockCard(c: pg.ClientBase, memberId: string, ref: string): Promise<CardRow> {
  // The shop knows the card by its number; the back office by its id.
  const { rows } = await c.query<CardRow>(
    `SELECT ${CARD_COLUMNS} FROM member_card WHERE member_id = $1 AND (number = $2 OR id::text = $2) FOR UPDATE`,
    [memberId, ref],
  );
  if (!rows[0]) throw new CardNotFound(`Card ${ref} not found for member ${memberId}`);
  return rows[0];
}

/** Renews a paid card for one more term from its current end; a payment reference applies once. */
export function renewCard(
  db: Database,
  memberId: string,
  ref: string,
  r: { paymentRef: string; amount?: number | undefined },
  now: number,
): Promise<CardRenewal> {
  return withMemberLocks(db, [memberId], async (c) => {
    const card = await lockCard(c, memberId, ref);
    const kind = await readCardKind(c, card.card_kind);
    const seen = await c.query('SELECT 1 FROM card_renewal WHERE card_id = $1 AND payment_ref = $2', [card.id, r.paymentRef]);
    if (seen.rowCount) return { renewed: false, card: toMemberCard(card, kind) };
    if (!kind.billing || !card.ends_at)
      throw new CardConflict(`${kind.name} is not a paid card: it has no term to renew`, 'card');
    if (card.status === 'lapsed' || card.status === 'cancelled')
      throw new CardConflict(`Card ${card.number} is ${card.status}: issue a new card instead`, 'card');
    const endsAt = addMonths(card.ends_at.getTime(), termMonths(kind.billing));
    const status = cardStatusAt(
      { endsAt, status: 'active' },
      { reminderDays: kind.reminderDays, graceDays: kind.billing.graceDays },
      now,
    );
    const { rows } = await c.query<CardRow>(
      `UPDATE member_card SET ends_at = to_timestamp($2::float8 / 1000), term = term + 1, status = $3 WHERE id = $1 RETURNING ${CARD_COLUMNS}`,
      [card.id, endsAt, status],
    );
    await c.query(
      `INSERT INTO card_renewal (card_id, payment_ref, amount, term, ends_at, renewed_at) VALUES ($1, $2, $3, $4, to_timestamp($5::float8 / 1000), to_timestamp($6::float8 / 1000))`,
      [card.id, r.paymentRef, r.amount ?? null, rows[0]!.term, endsAt, now],
    );
    await scheduleCard(c, card.id, kind);
    return { renewed: true, card: toMemberCard(rows[0]!, kind) };
  });
}

/** Cancels a live card now: its benefits stop. */
export async function cancelCardIn(
  c: pg.ClientBase,
  memberId: string,
  ref: string,
  reason: string,
  now: number,
): Promise<MemberCard> {
  const card = await lockCard(c, memberId, ref);
  if (card.status === 'lapsed' || card.status === 'cancelled')
    throw new CardConflict(`Card ${card.number} is already ${card.status}`, 'card');
  const { rows } = await c.query<CardRow>(
    `UPDATE member_card SET status = 'cancelled', cancelled_at = to_timestamp($2::float8 / 1000), cancel_reason = $3 WHERE id = $1 RETURNING ${CARD_COLUMNS}`,
    [card.id, now, reason],
  );
  return toMemberCard(rows[0]!, await readCardKind(c, card.card_kind));
}

export function cancelCard(db: Database, memberId: string, ref: string, reason: string, now: number) {
  return withMemberLocks(db, [memberId], (c) => cancelCardIn(c, memberId, ref, reason, now));
}

/** A member's cards, newest first, with their kinds' benefits and the coupons their packs issued. */
export async function memberCards(c: pg.ClientBase | pg.Pool, memberId: string): Promise<MemberCardView[]> {
  const kinds = await readCardKinds(c);
  const { rows } = await c.query<CardRow & { coupons: number }>(
    `SELECT ${CARD_COLUMNS}, (SELECT count(*)::int FROM card_benefit_issue b WHERE b.card_id = member_card.id AND b.coupon_code IS NOT NULL) AS coupons
     FROM member_card WHERE member_id = $1 ORDER BY issued_at DESC, id`,
    [memberId],
  );
  return rows.map((r) => {
    const kind = kinds.get(r.card_kind);
    return {
      ...toMemberCard(r, kind),
      kindName: kind?.name ?? r.card_kind,
      type: kind?.type ?? 'internal',
      benefits: kind?.benefits ?? { pointsMultiplier: 1, freeShipping: false, discountPercent: 0, couponPack: [], memberDay: '' },
      couponsIssued: r.coupons,
    };
  });
}

/** Holders of a kind, newest first. */
export async function cardHolders(
  c: pg.Pool,
  key: string,
  q: { status?: MemberCard['status'] | undefined; limit: number },
): Promise<MemberCard[]> {
  const kind = await readCardKind(c, key);
  const { rows } = await c.query<CardRow>(
    `SELECT ${CARD_COLUMNS} FROM member_card WHERE card_kind = $1 AND ($2::text IS NULL OR status = $2) ORDER BY issued_at DESC, id LIMIT $3`,
    [key, q.status ?? null, q.limit],
  );
  return rows.map((r) => toMemberCard(r, kind));
}
