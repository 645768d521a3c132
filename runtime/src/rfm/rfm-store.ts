import type { RfmBoundaries } from '@memberflow/shared/rfm';
import type pg from 'pg';

/** What a recompute leaves in `loyalty_program.settings.rfm`. */
export interface StoredRfm {
  boundaries: RfmBoundaries;
  computedAt: string;
}

export async function loadStoredRfm(c: pg.ClientBase | pg.Pool): Promise<StoredRfm | null> {
  const { rows } = await c.query<{ rfm: StoredRfm | null }>(`SELECT settings->'rfm' AS rfm FROM loyalty_program WHERE id = 1`);
  const rfm = rows[0]?.rfm;
  return rfm && Array.isArray(rfm.boundaries?.recency) ? rfm : null;
}

/** Merges only the `rfm` key: the rest of the programme settings (points, tiers) belong to others. */
export async function saveStoredRfm(c: pg.ClientBase | pg.Pool, rfm: StoredRfm): Promise<void> {
  await c.query(
    `INSERT INTO loyalty_program (id, settings, updated_at) VALUES (1, jsonb_build_object('rfm', $1::jsonb), now())
     ON CONFLICT (id) DO UPDATE SET settings = loyalty_program.settings || jsonb_build_object('rfm', $1::jsonb), updated_at = now()`,
    [JSON.stringify(rfm)],
  );
}
