import type { CouponCounts, CouponReport, CouponRow, CouponStatus } from '@memberflow/shared/api/coupon-admin';
import type pg from 'pg';
import type { Database } from '../db/database.ts';
import { withMemberLocks } from '../members/member-lock.ts';

/** No coupon with this code belongs to this member. */
export class CouponNotFound extends Error {}
/** The coupon was redeemed, voided or has expired: it cannot be voided now. */
export class CouponNotVoidable extends Error {}

const DAY_MS = 86_400_000;

/** Issued, redeemed, expired and voided per template (all time), and issued/redeemed per day of the last `days`. */
export async function couponReport(pool: pg.Pool, now: number, days: number): Promise<CouponReport> {
  // An issued coupon past its end counts as expired before the expiry sweep has marked it.
  const counts = await pool.query<{
    template: string;
    issued: number;
    active: number;
    redeemed: number;
    expired: number;
    voided: number;
  }>(
    `SELECT template, count(*)::int AS issued,
            count(*) FILTER (WHERE status = 'issued' AND (expires_at IS NULL OR expires_at > to_timestamp($1::float8 / 1000)))::int AS active,
            count(*) FILTER (WHERE status = 'redeemed')::int AS redeemed,
            count(*) FILTER (WHERE status = 'expired' OR (status = 'issued' AND expires_at <= to_timestamp($1::float8 / 1000)))::int AS expired,
            count(*) FILTER (WHERE status = 'voided')::int AS voided
     FROM coupon GROUP BY template`,
    [now],
  );
  const since =
    Date.UTC(new Date(now).getUTCFullYear(), new Date(now).getUTCMonth(), new Date(now).getUTCDate()) - (days - 1) * DAY_MS;
  const daily = await pool.query<{ day: string; template: string; issued: number; redeemed: number }>(
    `SELECT to_char(d.day, 'YYYY-MM-DD') AS day, d.template, sum(d.issued)::int AS issued, sum(d.redeemed)::int AS redeemed FROM (
       SELECT date_trunc('day', issued_at AT TIME ZONE 'UTC') AS day, template, 1 AS issued, 0 AS redeemed FROM coupon WHERE issued_at >= to_timestamp($1::float8 / 1000)
       UNION ALL
       SELECT date_trunc('day', redeemed_at AT TIME ZONE 'UTC'), template, 0, 1 FROM coupon WHERE redeemed_at >= to_timestamp($1::float8 / 1000)
     ) d GROUP BY d.day, d.template ORDER BY d.day, d.template`,
    [since],
  );
  const templates: Record<string, CouponCounts> = {};
  for (const r of counts.rows) {
    templates[r.template] = {
      issued: r.issued,
      active: r.active,
      redeemed: r.redeemed,
      expired: r.expired,
      voided: r.voided,
      redemptionRate: r.issued ? r.redeemed / r.issued : null,
    };
  }
  return { templates, daily: daily.rows, since: new Date(since).toISOString() };
}

const COLUMNS = `code, template, member_id AS "memberId", status, issued_at AS "issuedAt", expires_at AS "expiresAt", redeemed_at AS "redeemedAt",
  voided_at AS "voidedAt", void_reason AS "voidReason", order_id AS "orderId"`;

interface Found extends Omit<CouponRow, 'issuedAt' | 'expiresAt' | 'redeemedAt' | 'voidedAt'> {
  issuedAt: Date;
  expiresAt: Date | null;
  redeemedAt: Date | null;
  voidedAt: Date | null;
}

function toRow(r: Found, now: number): CouponRow {
  const iso = (d: Date | null) => (d ? d.toISOString() : null);
  // Shown as it is now, not as the last expiry sweep left it.
  const status: CouponStatus = r.status === 'issued' && r.expiresAt && r.expiresAt.getTime() <= now ? 'expired' : r.status;
  return {
    ...r,
    status,
    issuedAt: r.issuedAt.toISOString(),
    expiresAt: iso(r.expiresAt),
    redeemedAt: iso(r.redeemedAt),
    voidedAt: iso(r.voidedAt),
  };
}

/** A template's coupons (or all), newest first; `q` matches part of a code or a whole member id. */
export async function listCoupons(
  pool: pg.Pool,
  f: { template?: string | undefined; q?: string | undefined; status?: CouponStatus | undefined; limit: number },
  now: number,
): Promise<CouponRow[]> {
  const where: string[] = [];
  const params: unknown[] = [];
  if (f.template) where.push(`template = $${params.push(f.template)}`);
  if (f.q) where.push(`(code ILIKE $${params.push(`%${f.q.replace(/[\\%_]/g, '\\$&')}%`)} OR member_id = $${params.push(f.q)})`);
  if (f.status === 'expired')
    where.push(`(status = 'expired' OR (status = 'issued' AND expires_at <= to_timestamp($${params.push(now)}::float8 / 1000)))`);
  else if (f.status === 'issued')
    where.push(`status = 'issued' AND (expires_at IS NULL OR expires_at > to_timestamp($${params.push(now)}::float8 / 1000))`);
  else if (f.status) where.push(`status = $${params.push(f.status)}`);
  const { rows } = await pool.query<Found>(
    `SELECT ${COLUMNS} FROM coupon ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY issued_at DESC, code LIMIT $${params.push(f.limit)}`,
    params,
  );
  return rows.map((r) => toRow(r, now));
}

/** Voids a member's coupon that is still usable; a voided coupon is never redeemed. */
export async function voidCoupon(db: Database, memberId: string, code: string, reason: string, now: number): Promise<CouponRow> {
  return withMemberLocks(db, [memberId], async (c) => {
    const found = (
      await c.query<Found>(`SELECT ${COLUMNS} FROM coupon WHERE code = $1 AND member_id = $2 FOR UPDATE`, [code, memberId])
    ).rows[0];
    if (!found) throw new CouponNotFound(`Coupon ${code} not found for member ${memberId}`);
    const shown = toRow(found, now);
    if (shown.status !== 'issued')
      throw new CouponNotVoidable(`Coupon ${code} is ${shown.status}: only a coupon still usable can be voided`);
    const { rows } = await c.query<Found>(
      `UPDATE coupon SET status = 'voided', voided_at = to_timestamp($2::float8 / 1000), void_reason = $3 WHERE code = $1 RETURNING ${COLUMNS}`,
      [code, now, reason],
    );
    return toRow(rows[0]!, now);
  });
}

/** No coupon template with this key. */
export class CouponTemplateNotFound extends Error {}

/**
 * Archives a coupon template (or brings it back): archived, it issues no more coupons and
 * leaves the pickers; coupons already issued stay valid, redeemable and counted. Idempotent:
 * archiving twice keeps the first moment.
 */
export async function setCouponTemplateArchived(pool: pg.Pool, key: string, archived: boolean, now: number): Promise<void> {
  const r = await pool.query(
    `UPDATE coupon_template SET archived_at = CASE WHEN $2 THEN coalesce(archived_at, to_timestamp($3::float8 / 1000)) END WHERE key = $1`,
    [key, archived, now],
  );
  if (!r.rowCount) throw new CouponTemplateNotFound(`No coupon template "${key}"`);
}
