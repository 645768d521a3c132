import type { WorkflowDefinition } from '@memberflow/shared/definition';
import { referenceViolations, type KnownReferences, type RetiredReferences } from '@memberflow/shared/references';
import type { Violation } from '@memberflow/shared/violations';
import type pg from 'pg';

/**
 * The coupon templates, tiers and saved segments a new version may name now, and the archived
 * coupon templates (they exist, issue nothing, and a new version may not name them).
 */
export async function readKnownReferences(c: pg.Pool | pg.ClientBase): Promise<{ known: Required<KnownReferences>; retired: RetiredReferences }> {
  const keys = async (sql: string) => (await c.query<{ key: string }>(sql)).rows.map((r) => r.key);
  const [couponTemplate, archived, tier, segment] = await Promise.all([
    keys('SELECT key FROM coupon_template WHERE archived_at IS NULL'),
    keys('SELECT key FROM coupon_template WHERE archived_at IS NOT NULL'),
    keys('SELECT key FROM tier'),
    keys('SELECT key FROM segment'),
  ]);
  return { known: { couponTemplate, tier, segment }, retired: { couponTemplate: archived } };
}

/** Each coupon template, tier or saved segment the definition names that does not exist or is archived. */
export async function missingReferences(c: pg.Pool | pg.ClientBase, def: WorkflowDefinition): Promise<Violation[]> {
  const { known, retired } = await readKnownReferences(c);
  return referenceViolations(def, known, retired);
}
