import type { MemberRecord } from '@memberflow/shared/api/member-records';
import type { MemberInput, MemberSearch } from '@memberflow/shared/api/members';
import type pg from 'pg';
import type { Database } from '../db/database.ts';
import { withMemberLocks } from './member-lock.ts';

// Fields a caller may set, and their columns: the only names that ever reach SQL text.
const columns = { name: 'name', phone: 'phone', email: 'email', birthday: 'birthday', timeZone: 'time_zone', locale: 'locale', tags: 'tags' } as const;

/**
 * Inserts or updates members, a whole batch in two statements; omitted fields keep their value,
 * consents and attributes merge. An id given twice is applied in order (one round per repeat).
 * An erased member stays erased (nothing is written): callers refuse those first (erasedAmong),
 * or make the id a new person with recreateMember.
 */
export async function upsertMemberRows(c: pg.ClientBase, members: MemberInput[]): Promise<void> {
  if (!members.length) return;
  const rounds: MemberInput[][] = [];
  const seen = new Map<string, number>();
  for (const m of members) {
    const n = seen.get(m.id) ?? 0;
    seen.set(m.id, n + 1);
    (rounds[n] ??= []).push(m);
  }
  for (const round of rounds) await upsertRound(c, round);
}

// A field present in the document (even as null) is set; an absent one keeps the column's value.
const setText = Object.entries(columns)
  .filter(([, col]) => col !== 'tags')
  .map(([field, col]) => `${col} = CASE WHEN d.doc ? '${field}' THEN d.doc->>'${field}' ELSE m.${col} END`)
  .join(',\n    ');

async function upsertRound(c: pg.ClientBase, members: MemberInput[]): Promise<void> {
  await c.query(`INSERT INTO member (id) SELECT unnest($1::text[]) ON CONFLICT (id) DO NOTHING`, [members.map((m) => m.id)]);
  await c.query(
    `UPDATE member m SET
    ${setText},
    tags = CASE WHEN jsonb_typeof(d.doc->'tags') = 'array' THEN ARRAY(SELECT jsonb_array_elements_text(d.doc->'tags')) ELSE m.tags END,
    joined_at = CASE WHEN d.doc ? 'joinedAt' THEN (d.doc->>'joinedAt')::timestamptz ELSE m.joined_at END,
    consents = m.consents || coalesce(d.doc->'consents', '{}'), attributes = m.attributes || coalesce(d.doc->'attributes', '{}'),
    updated_at = now()
     FROM jsonb_array_elements($1::jsonb) AS d(doc) WHERE m.id = d.doc->>'id' AND m.deleted_at IS NULL`,
    [JSON.stringify(members)],
  );
}

/** Which of these ids were erased (DELETE /api/v1/members/:id). */
export async function erasedAmong(c: pg.ClientBase, ids: string[]): Promise<Set<string>> {
  const { rows } = await c.query<{ id: string }>(`SELECT id FROM member WHERE id = ANY($1::text[]) AND deleted_at IS NOT NULL`, [ids]);
  return new Set(rows.map((r) => r.id));
}

export const ERASED_MEMBER_MESSAGE =
  'names a member who was erased: erasure is final; an admin may start a new person with this id (PUT /api/v1/members/:id?recreate=1)';

/** Upserting ids that were erased, without the admin's explicit `recreate`. */
export class ErasedMembers extends Error {
  constructor(readonly indexes: number[]) {
    super('member erased');
  }
}

/**
 * An erased id made into a new person: none of the old person's standing carries over (tier,
 * balances, order history, RFM); their anonymous ledger rows stay as history, old points lots spent.
 */
async function recreateMember(c: pg.ClientBase, id: string): Promise<void> {
  const r = await c.query(
    `UPDATE member SET deleted_at = NULL, tier = NULL, tags = '{}', time_zone = 'UTC', points_balance = 0, stored_value = 0,
       order_count = 0, total_spent = 0, first_purchase_at = NULL, last_purchase_at = NULL,
       rfm_r = NULL, rfm_f = NULL, rfm_m = NULL, rfm_segment = NULL, rfm_at = NULL, created_at = now(), updated_at = now()
     WHERE id = $1 AND deleted_at IS NOT NULL`,
    [id],
  );
  if (r.rowCount) await c.query(`UPDATE points_entry SET remaining = 0 WHERE member_id = $1 AND remaining > 0`, [id]);
}

/**
 * Upserts members. Erasure is final: an erased id is refused (ErasedMembers, with the indexes)
 * unless `recreate` says this is a new person with that id.
 */
export async function upsertMembers(db: Database, members: MemberInput[], opts: { recreate?: boolean } = {}): Promise<void> {
  await withMemberLocks(
    db,
    members.map((m) => m.id),
    async (c) => {
      const erased = await erasedAmong(c, members.map((m) => m.id));
      if (erased.size && !opts.recreate) throw new ErasedMembers(members.flatMap((m, i) => (erased.has(m.id) ? [i] : [])));
      for (const id of erased) await recreateMember(c, id);
      await upsertMemberRows(c, members);
    },
  );
}

const PUBLIC = `id, name, phone, email, birthday, time_zone AS "timeZone", locale, joined_at AS "joinedAt", tier, tags,
  points_balance AS "pointsBalance", stored_value::float8 AS "storedValue", order_count AS "orderCount", total_spent::float8 AS "totalSpent",
  first_purchase_at AS "firstPurchaseAt", last_purchase_at AS "lastPurchaseAt", consents, attributes,
  CASE WHEN rfm_segment IS NULL THEN NULL ELSE jsonb_build_object('r', rfm_r, 'f', rfm_f, 'm', rfm_m, 'segment', rfm_segment) END AS rfm,
  deleted_at AS "deletedAt", created_at AS "createdAt", updated_at AS "updatedAt"`;

export async function getMember(db: Database, id: string): Promise<MemberRecord | null> {
  return (await db.pool.query<MemberRecord>(`SELECT ${PUBLIC} FROM member WHERE id = $1`, [id])).rows[0] ?? null;
}

/** Keyset paging by id: stable however many members come and go between pages. */
export async function searchMembers(db: Database, q: MemberSearch): Promise<{ members: MemberRecord[]; next: string | null }> {
  const { rows } = await db.pool.query<MemberRecord>(
    `SELECT ${PUBLIC} FROM member
     WHERE deleted_at IS NULL
       AND ($1::text IS NULL OR id ILIKE '%' || $1 || '%' OR name ILIKE '%' || $1 || '%' OR email ILIKE '%' || $1 || '%' OR phone LIKE '%' || $1 || '%')
       AND ($2::text IS NULL OR tier = $2) AND ($3::text IS NULL OR $3 = ANY(tags)) AND ($4::text IS NULL OR rfm_segment = $4)
       AND ($5::text IS NULL OR id > $5)
     ORDER BY id LIMIT $6`,
    [q.q ?? null, q.tier ?? null, q.tag ?? null, q.rfmSegment ?? null, q.after ?? null, q.limit + 1],
  );
  const more = rows.length > q.limit;
  const page = more ? rows.slice(0, q.limit) : rows;
  return { members: page, next: more ? String(page.at(-1)!.id) : null };
}

const ERASED_SKIP = 'member erased';

/**
 * Erasure: personal data goes, the member leaves every running journey, nothing not yet sent
 * goes out, and what remains is anonymous ledger history (points, stored value, orders) kept
 * for the programme's totals.
 */
export async function eraseMember(db: Database, id: string, at: number): Promise<boolean> {
  return withMemberLocks(db, [id], async (c) => {
    const r = await c.query(
      `UPDATE member SET name = NULL, phone = NULL, email = NULL, birthday = NULL, locale = NULL, joined_at = NULL, tags = '{}',
         consents = '{}', attributes = '{}', deleted_at = now(), updated_at = now() WHERE id = $1 AND deleted_at IS NULL`,
      [id],
    );
    if (!r.rowCount) return false;
    await c.query(`UPDATE journey SET status = 'exited', ended_at = to_timestamp($2::float8 / 1000), wake_at = NULL WHERE member_id = $1 AND status IN ('active', 'waiting')`, [id, at]);
    // Rendered messages and task titles hold names and numbers: blank them, keep the records.
    await c.query(`UPDATE effect SET payload = payload - 'to' - 'body' - 'subject' - 'title' WHERE member_id = $1`, [id]);
    await c.query(`UPDATE task SET title = '(erased member)' WHERE member_id = $1`, [id]);
    // Nothing more reaches them: unsent messages and webhooks are dropped, unused coupons voided.
    await c.query(`UPDATE effect SET status = 'skipped', error = $2 WHERE member_id = $1 AND status IN ('pending', 'held')`, [id, ERASED_SKIP]);
    await c.query(`UPDATE coupon SET status = 'voided', voided_at = to_timestamp($2::float8 / 1000), void_reason = $3 WHERE member_id = $1 AND status = 'issued'`, [id, at, ERASED_SKIP]);
    return true;
  });
}
