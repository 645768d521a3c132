import { randomInt } from 'node:crypto';
import type { CardKindRow } from '@memberflow/shared/api/card-routes';
import { CardKind, type CardKindBody } from '@memberflow/shared/loyalty/cards';
import { cardNumber } from '@memberflow/shared/loyalty/cards-numbers';
import type pg from 'pg';

/** Domain errors of the card model; the HTTP layer maps them (404 / 409). */
export class CardNotFound extends Error {}
export class CardConflict extends Error {
  constructor(
    message: string,
    readonly field: string,
  ) {
    super(message);
  }
}

export interface StoredCardKind extends CardKind {
  archived: boolean;
}

type Db = pg.ClientBase | pg.Pool;

function toKind(r: { key: string; definition: unknown; archived_at: Date | null }): StoredCardKind {
  return { ...CardKind.parse({ ...(r.definition as object), key: r.key }), archived: r.archived_at !== null };
}

export async function readCardKinds(c: Db): Promise<Map<string, StoredCardKind>> {
  const { rows } = await c.query('SELECT key, definition, archived_at FROM card_kind ORDER BY created_at, key');
  return new Map(rows.map((r) => [r.key as string, toKind(r)]));
}

export async function readCardKind(c: Db, key: string): Promise<StoredCardKind> {
  const { rows } = await c.query('SELECT key, definition, archived_at FROM card_kind WHERE key = $1', [key]);
  if (!rows[0]) throw new CardNotFound(`Card kind ${key} not found`);
  return toKind(rows[0]);
}

/** Creates or replaces a kind; a coupon pack may only name coupon templates that exist. */
export async function saveCardKind(c: Db, key: string, body: CardKindBody, now: number): Promise<void> {
  const pack = body.benefits.couponPack;
  if (pack.length) {
    const { rows } = await c.query<{ key: string }>('SELECT key FROM coupon_template WHERE key = ANY($1)', [pack]);
    const missing = pack.filter((k) => !rows.some((r) => r.key === k));
    if (missing.length) throw new CardConflict(`Coupon template ${missing.join(', ')} does not exist`, 'benefits.couponPack');
  }
  if (body.type === 'tier') {
    const { rows } = await c.query('SELECT 1 FROM tier WHERE key = $1', [body.tier]);
    if (!rows.length) throw new CardConflict(`Tier ${body.tier} does not exist`, 'tier');
  }
  await c.query(
    `INSERT INTO card_kind (key, name, type, definition, created_at, updated_at) VALUES ($1, $2, $3, $4, to_timestamp($5::float8 / 1000), to_timestamp($5::float8 / 1000))
     ON CONFLICT (key) DO UPDATE SET name = $2, type = $3, definition = $4, archived_at = NULL, updated_at = to_timestamp($5::float8 / 1000)`,
    [key, body.name, body.type, JSON.stringify(body), now],
  );
  // Changed rules (a new coupon pack, another grace) reach the kind's cards at the next upkeep.
  await c.query(
    `UPDATE member_card SET next_due_at = to_timestamp($2::float8 / 1000) WHERE card_kind = $1 AND status IN ('active', 'expiring')`,
    [key, now],
  );
}

export async function archiveCardKind(c: Db, key: string, now: number): Promise<void> {
  const r = await c.query(
    'UPDATE card_kind SET archived_at = coalesce(archived_at, to_timestamp($2::float8 / 1000)) WHERE key = $1',
    [key, now],
  );
  if (!r.rowCount) throw new CardNotFound(`Card kind ${key} not found`);
}

/** Kinds with holders per status and free numbers, for the Cards page. */
export async function cardKindRows(c: Db): Promise<CardKindRow[]> {
  const kinds = await readCardKinds(c);
  const held = await c.query<{ card_kind: string; status: string; n: number }>(
    'SELECT card_kind, status, count(*)::int AS n FROM member_card GROUP BY 1, 2',
  );
  const free = await c.query<{ card_kind: string; n: number }>(
    'SELECT card_kind, count(*)::int AS n FROM card_number WHERE member_card_id IS NULL GROUP BY 1',
  );
  return [...kinds.values()].map((k) => {
    const holders = { active: 0, expiring: 0, lapsed: 0, cancelled: 0 };
    for (const r of held.rows) if (r.card_kind === k.key) holders[r.status as keyof typeof holders] = r.n;
    return { ...k, holders, numbersFree: free.rows.find((r) => r.card_kind === k.key)?.n ?? 0 };
  });
}

const cryptoRandom = () => randomInt(0, 1_000_000) / 1_000_000;

/**
 * Adds `count` new numbers to a kind's pool, each unique across every kind and batch (the
 * primary key refuses a repeat; a collision draws again). Returns them in order.
 */
export async function generateCardNumbers(c: Db, key: string, count: number, batch: string): Promise<string[]> {
  const kind = await readCardKind(c, key);
  const out: string[] = [];
  for (let tries = 0; out.length < count && tries < count * 20; tries++) {
    const n = cardNumber(kind.numbering, cryptoRandom);
    const r = await c.query(
      `INSERT INTO card_number (number, card_kind, source, batch) VALUES ($1, $2, 'generated', $3) ON CONFLICT DO NOTHING`,
      [n, key, batch],
    );
    if (r.rowCount) out.push(n);
  }
  if (out.length < count)
    throw new CardConflict(`Only ${out.length} of ${count} numbers were free: widen the pattern (more digits)`, 'count');
  return out;
}

/** Imports numbers printed elsewhere; ones already known (in any kind) are returned, not added. */
export async function importCardNumbers(
  c: Db,
  key: string,
  numbers: string[],
  batch: string,
): Promise<{ imported: number; duplicates: string[] }> {
  await readCardKind(c, key);
  const duplicates: string[] = [];
  let imported = 0;
  for (const n of numbers) {
    const r = await c.query(
      `INSERT INTO card_number (number, card_kind, source, batch) VALUES ($1, $2, 'imported', $3) ON CONFLICT DO NOTHING`,
      [n, key, batch],
    );
    if (r.rowCount) imported++;
    else duplicates.push(n);
  }
  return { imported, duplicates };
}

/** Takes a free number from the kind's pool, or makes one when the pool is empty. */
export async function takeCardNumber(c: pg.ClientBase, kind: StoredCardKind, cardId: string): Promise<string> {
  const { rows } = await c.query<{ number: string }>(
    `UPDATE card_number SET member_card_id = $2 WHERE number = (
       SELECT number FROM card_number WHERE card_kind = $1 AND member_card_id IS NULL ORDER BY created_at, number LIMIT 1 FOR UPDATE SKIP LOCKED)
     RETURNING number`,
    [kind.key, cardId],
  );
  if (rows[0]) return rows[0].number;
  for (;;) {
    const n = cardNumber(kind.numbering, cryptoRandom);
    const r = await c.query(
      `INSERT INTO card_number (number, card_kind, source, batch, member_card_id) VALUES ($1, $2, 'generated', 'on-issue', $3) ON CONFLICT DO NOTHING`,
      [n, kind.key, cardId],
    );
    if (r.rowCount) return n;
  }
}

/** Claims a given number for a card: it must be free (in this kind's pool, or not known at all). */
export async function claimCardNumber(c: pg.ClientBase, kind: StoredCardKind, cardId: string, n: string): Promise<string> {
  const r = await c.query(
    `INSERT INTO card_number (number, card_kind, source, batch, member_card_id) VALUES ($1, $2, 'imported', 'on-issue', $3)
     ON CONFLICT (number) DO UPDATE SET member_card_id = $3 WHERE card_number.member_card_id IS NULL AND card_number.card_kind = $2`,
    [n, kind.key, cardId],
  );
  if (!r.rowCount) throw new CardConflict(`Card number ${n} is taken or belongs to another kind`, 'number');
  return n;
}
