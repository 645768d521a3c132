import { ingestEvents } from '../engine/ingest.ts';
import type { AppDeps } from './app-deps.ts';

/** Events the API raises for workflows (recharge, coupon_redeemed, points_changed) go in like any other. */
export async function raiseEvent(deps: AppDeps, memberId: string, type: string, properties: Record<string, unknown>, at: number): Promise<void> {
  await ingestEvents(deps.engine, deps.queue, [{ type, memberId, timestamp: new Date(at).toISOString(), properties }]);
}
