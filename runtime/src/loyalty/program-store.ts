import { defaultProgram, LoyaltyProgramSettings } from '@memberflow/shared/loyalty-program';
import type { TierLadderRow } from '@memberflow/shared/api/programme-routes';
import type { TierRule } from '@memberflow/shared/runner/runner-input';
import type pg from 'pg';

/** A rung of the tier ladder as the runner applies it. */
export type TierRow = TierRule;

export async function readProgram(c: pg.ClientBase | pg.Pool): Promise<LoyaltyProgramSettings> {
  const { rows } = await c.query<{ settings: unknown }>('SELECT settings FROM loyalty_program WHERE id = 1');
  const parsed = LoyaltyProgramSettings.safeParse(rows[0]?.settings ?? {});
  return parsed.success ? parsed.data : defaultProgram();
}

export async function writeProgram(c: pg.ClientBase | pg.Pool, settings: LoyaltyProgramSettings): Promise<void> {
  // Other keys (RFM boundaries) live beside the rules in the same row: merge, never replace them.
  await c.query(
    `INSERT INTO loyalty_program (id, settings, updated_at) VALUES (1, $1, now())
     ON CONFLICT (id) DO UPDATE SET settings = loyalty_program.settings || EXCLUDED.settings, updated_at = now()`,
    [JSON.stringify(settings)],
  );
}

export async function readTiers(c: pg.ClientBase | pg.Pool): Promise<TierRow[]> {
  const { rows } = await c.query<{ key: string; name: string; rank: number; basis: TierRow['basis']; period: TierRow['period']; threshold: string; points_multiplier: string }>(
    'SELECT key, name, rank, basis, period, threshold, points_multiplier FROM tier ORDER BY rank',
  );
  return rows.map((r) => ({ key: r.key, name: r.name, rank: r.rank, basis: r.basis, period: r.period, threshold: Number(r.threshold), pointsMultiplier: Number(r.points_multiplier) }));
}

/** The ladder as the Tiers page edits it: the runner's fields and the benefits text. */
export async function readTierLadder(c: pg.ClientBase | pg.Pool): Promise<TierLadderRow[]> {
  const { rows } = await c.query<{ key: string; benefits: string }>('SELECT key, benefits FROM tier');
  const benefits = new Map(rows.map((r) => [r.key, r.benefits]));
  return (await readTiers(c)).map((t) => ({ ...t, benefits: benefits.get(t.key) ?? '' }));
}

/** Adds rungs to the ladder (the caller clears it first when replacing it). */
export async function insertTiers(c: pg.ClientBase | pg.Pool, tiers: readonly TierLadderRow[]): Promise<void> {
  for (const t of tiers) {
    await c.query(`INSERT INTO tier (key, name, rank, basis, period, threshold, points_multiplier, benefits) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`, [
      t.key,
      t.name,
      t.rank,
      t.basis,
      t.period,
      t.threshold,
      t.pointsMultiplier,
      t.benefits,
    ]);
  }
}
