import type { MemberInput, MemberSearch } from '@memberflow/shared/api/members';
import type pg from 'pg';
import type { Database } from '../db/database.ts';
import { withMemberLocks } from './member-lock.ts';

// Fields a caller may set, and their columns: the only names that ever reach SQL text.
const columns = { name: 'name', phone: 'phone', email: 'email', birthday: 'birthday', timeZone: 'time_zone', locale: 'locale', tags: 'tags' } as const;

/** Insert or update one member; omitted fields keep their value, consents and attributes merge. */
export async function upsertMember(c: pg.ClientBase, m: MemberInput): Promise<void> {
  const set: string[] = [];
  const params: unknown[] = [m.id];
  for (const [field, column] of Object.entries(columns)) {
    const v = m[field as keyof typeof columns];
    if (v === undefined) continue;
    params.push(v);
    set.push(`${column} = $${params.length}`);
  }
  if (m.joinedAt !== undefined) {
    params.push(m.joinedAt);
    set.push(`joined_at = $${params.length}::timestamptz`);
  }
  params.push(JSON.stringify(m.consents ?? {}), JSON.stringify(m.attributes ?? {}));
  const [cons, attrs] = [params.length - 1, params.length];
  set.push(`consents = member.consents || $${cons}::jsonb`, `attributes = member.attributes || $${attrs}::jsonb`);
  await c.query(`INSERT INTO member (id) VALUES ($1) ON CONFLICT (id) DO NOTHING`, [m.id]);
  await c.query(`UPDATE member SET ${set.join(', ')}, updated_at = now() WHERE id = $1`, params);
}

export async function upsertMembers(db: Database, members: MemberInput[]): Promise<void> {
  await withMemberLocks(
    db,
    members.map((m) => m.id),
    async (c) => {
      for (const m of members) await upsertMember(c, m);
    },
  );
}

const PUBLIC = `id, name, phone, email, birthday, time_zone AS "timeZone", locale, joined_at AS "joinedAt", tier, tags,
  points_balance AS "pointsBalance", stored_value::float8 AS "storedValue", order_count AS "orderCount", total_spent::float8 AS "totalSpent",
  first_purchase_at AS "firstPurchaseAt", last_purchase_at AS "lastPurchaseAt", consents, attributes,
  CASE WHEN rfm_segment IS NULL THEN NULL ELSE jsonb_build_object('r', rfm_r, 'f', rfm_f, 'm', rfm_m, 'segment', rfm_segment) END AS rfm,
  deleted_at AS "deletedAt", created_at AS "createdAt", updated_at AS "updatedAt"`;

export async function getMember(db: Database, id: string): Promise<Record<string, unknown> | null> {
  return (await db.pool.query(`SELECT ${PUBLIC} FROM member WHERE id = $1`, [id])).rows[0] ?? null;
}

/** Keyset paging by id: stable however many members come and go between pages. */
export async function searchMembers(db: Database, q: MemberSearch): Promise<{ members: Record<string, unknown>[]; next: string | null }> {
  const { rows } = await db.pool.query(
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

/**
 * Erasure: personal data goes, the member leaves every running journey, and what remains is
 * anonymous ledger history (points, stored value, orders) kept for the programme's totals.
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
    return true;
  });
}
