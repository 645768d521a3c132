import type { MemberFacts } from '@memberflow/shared/member-facts';
import { scoreMember, type RfmScore } from '@memberflow/shared/rfm';
import type pg from 'pg';
import { loadStoredRfm } from './rfm-store.ts';

/**
 * Scores one member against the stored boundaries and writes the scores, inside the caller's
 * transaction (the member lane, after it applied purchases). Returns the new score, or null when
 * the member never bought or no recompute has stored boundaries yet (the columns are then left
 * as they are). The lane should copy the result into `facts.rfm` for later steps of the pass.
 */
export async function rescoreMember(client: pg.ClientBase, memberId: string, facts: Pick<MemberFacts, 'orderCount' | 'totalSpent' | 'lastPurchaseAt'>, now: number): Promise<RfmScore | null> {
  const stored = await loadStoredRfm(client);
  if (!stored) return null;
  const score = scoreMember(facts, stored.boundaries, now);
  if (!score) return null;
  await writeRfmScore(client, memberId, score, now);
  return score;
}

/** Stores a member's scores (the lane writes its batch's scores with the member rows, lane-flush.ts). */
export async function writeRfmScore(client: pg.ClientBase, memberId: string, score: NonNullable<MemberFacts['rfm']>, at: number): Promise<void> {
  await client.query(
    `UPDATE member SET rfm_r = $2, rfm_f = $3, rfm_m = $4, rfm_segment = $5, rfm_at = to_timestamp($6::float8 / 1000) WHERE id = $1`,
    [memberId, score.r, score.f, score.m, score.segment, at],
  );
}
