import { randomUUID } from 'node:crypto';
import type { CreateSegmentBody, Segment, UpdateSegmentBody } from '@memberflow/shared/api/segments';
import { ConditionGroup } from '@memberflow/shared/condition';
import type pg from 'pg';

interface SegmentRow {
  id: string;
  key: string;
  name: string;
  description: string;
  condition: ConditionGroup;
  member_count: number;
  counted_at: Date | null;
  created_at: Date;
  updated_at: Date;
}

const toSegment = (r: SegmentRow): Segment => ({
  id: r.id,
  key: r.key,
  name: r.name,
  description: r.description,
  condition: r.condition,
  memberCount: r.member_count,
  countedAt: r.counted_at?.toISOString() ?? null,
  createdAt: r.created_at.toISOString(),
  updatedAt: r.updated_at.toISOString(),
});

export async function listSegments(c: pg.Pool | pg.ClientBase): Promise<Segment[]> {
  const { rows } = await c.query<SegmentRow>('SELECT * FROM segment ORDER BY key');
  return rows.map(toSegment);
}

export async function getSegment(c: pg.Pool | pg.ClientBase, key: string): Promise<Segment | null> {
  const { rows } = await c.query<SegmentRow>('SELECT * FROM segment WHERE key = $1', [key]);
  return rows[0] ? toSegment(rows[0]) : null;
}

/** Null when the key is taken. */
export async function createSegment(c: pg.Pool | pg.ClientBase, body: CreateSegmentBody): Promise<Segment | null> {
  const { rows } = await c.query<SegmentRow>(
    `INSERT INTO segment (id, key, name, description, condition, updated_at) VALUES ($5, $1, $2, $3, $4, now())
     ON CONFLICT (key) DO NOTHING RETURNING *`,
    [body.key, body.name, body.description, JSON.stringify(body.condition), randomUUID()],
  );
  return rows[0] ? toSegment(rows[0]) : null;
}

/** A changed condition keeps the last count until the next count: `countedAt` says how old it is. */
export async function updateSegment(c: pg.Pool | pg.ClientBase, key: string, body: UpdateSegmentBody): Promise<Segment | null> {
  const { rows } = await c.query<SegmentRow>(
    `UPDATE segment SET name = coalesce($2, name), description = coalesce($3, description), condition = coalesce($4::jsonb, condition), updated_at = now()
     WHERE key = $1 RETURNING *`,
    [key, body.name ?? null, body.description ?? null, body.condition ? JSON.stringify(body.condition) : null],
  );
  return rows[0] ? toSegment(rows[0]) : null;
}

export async function deleteSegment(c: pg.Pool, key: string): Promise<boolean> {
  const { rowCount } = await c.query(
    `WITH s AS (DELETE FROM segment WHERE key = $1 RETURNING id), m AS (DELETE FROM segment_member WHERE segment_id IN (SELECT id FROM s))
     SELECT 1 FROM s`,
    [key],
  );
  return (rowCount ?? 0) > 0;
}

/**
 * The condition of a saved segment, for a segment-entry trigger or a filter naming it by key;
 * null when no such segment exists. Stored conditions were validated on save; they are parsed
 * again so that a row edited by hand cannot reach evaluateCondition malformed.
 */
export async function segmentCondition(client: pg.ClientBase | pg.Pool, key: string): Promise<ConditionGroup | null> {
  const { rows } = await client.query<{ condition: unknown }>('SELECT condition FROM segment WHERE key = $1', [key]);
  if (!rows[0]) return null;
  const parsed = ConditionGroup.safeParse(rows[0].condition);
  return parsed.success ? parsed.data : null;
}
