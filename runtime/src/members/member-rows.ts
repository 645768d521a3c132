import type { MemberRow } from '@memberflow/shared/api/member-row';

/** The columns of `MemberRow`, selected from `member` aliased as m. */
export const MEMBER_ROW_SQL = `m.id, m.name, m.order_count, m.total_spent::text AS total_spent, m.last_purchase_at, m.rfm_segment`;

export interface MemberRowSql {
  id: string;
  name: string | null;
  order_count: number;
  total_spent: string;
  last_purchase_at: Date | null;
  rfm_segment: string | null;
}

export const toMemberRow = (r: MemberRowSql): MemberRow => ({
  id: r.id,
  name: r.name,
  orderCount: r.order_count,
  totalSpent: Number(r.total_spent),
  lastPurchaseAt: r.last_purchase_at?.toISOString() ?? null,
  rfmSegment: r.rfm_segment,
});

export const MEMBER_CSV_HEADER = ['member_id', 'name', 'order_count', 'total_spent', 'last_purchase_at', 'rfm_segment'];
export const memberCsvRow = (r: MemberRow): unknown[] => [r.id, r.name, r.orderCount, r.totalSpent, r.lastPurchaseAt, r.rfmSegment];
