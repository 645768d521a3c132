import type { MemberPage } from '@memberflow/shared/api/member-row';
import type { RfmGrid } from '@memberflow/shared/api/rfm-routes';
import { rfmGroups, rfmSegment, type RfmGroup } from '@memberflow/shared/rfm';
import type pg from 'pg';
import { MEMBER_ROW_SQL, toMemberRow, type MemberRowSql } from '../members/member-rows.ts';
import { loadStoredRfm } from './rfm-store.ts';

/** FM as the grid reads it: round((F + M) / 2), half-points up, the same as `rfmSegment`. */
const FM_SQL = `floor((m.rfm_f + m.rfm_m + 1) / 2)::int`;

const share = (part: number, whole: number) => (whole > 0 ? part / whole : null);

/**
 * Members and lifetime revenue per R×FM cell and per named group, in one grouped scan of
 * `member`. The group of a cell comes from the shared grid (`rfmSegment`), so the page and the
 * runtime's stored `rfm_segment` name cells alike.
 */
export async function rfmGrid(pool: pg.Pool): Promise<RfmGrid> {
  const [stored, cellsQ, unscoredQ] = await Promise.all([
    loadStoredRfm(pool),
    pool.query<{ r: number; fm: number; segment: string; n: number; revenue: string }>(
      `SELECT m.rfm_r AS r, ${FM_SQL} AS fm, m.rfm_segment AS segment, count(*)::int AS n, coalesce(sum(m.total_spent), 0)::text AS revenue
       FROM member m WHERE m.deleted_at IS NULL AND m.rfm_segment IS NOT NULL AND m.rfm_r IS NOT NULL
       GROUP BY 1, 2, 3`,
    ),
    pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM member WHERE deleted_at IS NULL AND rfm_segment IS NULL`),
  ]);
  const cells = new Map<string, { members: number; revenue: number }>();
  const groups = new Map<RfmGroup, { members: number; revenue: number }>(rfmGroups.map((g) => [g, { members: 0, revenue: 0 }]));
  let scored = 0;
  let revenue = 0;
  for (const row of cellsQ.rows) {
    const money = Number(row.revenue);
    const key = `${row.r}:${row.fm}`;
    const cell = cells.get(key) ?? { members: 0, revenue: 0 };
    cells.set(key, { members: cell.members + row.n, revenue: cell.revenue + money });
    const g = groups.get(row.segment as RfmGroup);
    if (g) {
      g.members += row.n;
      g.revenue += money;
    }
    scored += row.n;
    revenue += money;
  }
  const grid: RfmGrid['cells'] = [];
  for (let r = 5; r >= 1; r--) {
    for (let fm = 1; fm <= 5; fm++) grid.push({ r, fm, group: rfmSegment(r, fm, fm), ...(cells.get(`${r}:${fm}`) ?? { members: 0, revenue: 0 }) });
  }
  return {
    computedAt: stored?.computedAt ?? null,
    scored,
    unscored: unscoredQ.rows[0]!.n,
    revenue,
    cells: grid,
    groups: [...groups].map(([group, g]) => ({ group, members: g.members, memberShare: share(g.members, scored), revenue: g.revenue, revenueShare: share(g.revenue, revenue) })),
  };
}

/** Members of a named group or of one R×FM cell, most valuable first. */
export async function rfmMembers(pool: pg.Pool, q: { group?: RfmGroup | undefined; r?: number | undefined; fm?: number | undefined; limit: number; offset: number }): Promise<MemberPage> {
  const where = [`m.deleted_at IS NULL`, `m.rfm_segment IS NOT NULL`];
  const params: unknown[] = [];
  if (q.group) where.push(`m.rfm_segment = $${params.push(q.group)}`);
  if (q.r !== undefined && q.fm !== undefined) where.push(`m.rfm_r = $${params.push(q.r)} AND ${FM_SQL} = $${params.push(q.fm)}`);
  const whereSql = where.join(' AND ');
  const [total, page] = await Promise.all([
    pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM member m WHERE ${whereSql}`, params),
    pool.query<MemberRowSql>(`SELECT ${MEMBER_ROW_SQL} FROM member m WHERE ${whereSql} ORDER BY m.total_spent DESC, m.id LIMIT $${params.length + 1} OFFSET $${params.length + 2}`, [
      ...params,
      q.limit,
      q.offset,
    ]),
  ]);
  return { total: total.rows[0]!.n, members: page.rows.map(toMemberRow) };
}
