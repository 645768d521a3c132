import type { KnownReferences } from '@memberflow/shared/references';
import { referenceViolations } from '@memberflow/shared/references';
import type { WorkflowDefinition } from '@memberflow/shared/definition';
import type { Violation } from '@memberflow/shared/violations';
import type pg from 'pg';

/** The coupon templates, tiers and saved segments that exist now: what a published workflow may name. */
export async function readKnownReferences(c: pg.Pool | pg.ClientBase): Promise<Required<KnownReferences>> {
  const keys = async (sql: string) => (await c.query<{ key: string }>(sql)).rows.map((r) => r.key);
  const [couponTemplate, tier, segment] = await Promise.all([
    keys('SELECT key FROM coupon_template'),
    keys('SELECT key FROM tier'),
    keys('SELECT key FROM segment'),
  ]);
  return { couponTemplate, tier, segment };
}

/** Each coupon template, tier or saved segment the definition names that does not exist. */
export async function missingReferences(c: pg.Pool | pg.ClientBase, def: WorkflowDefinition): Promise<Violation[]> {
  return referenceViolations(def, await readKnownReferences(c));
}
