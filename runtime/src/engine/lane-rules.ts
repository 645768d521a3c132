import { randomUUID } from 'node:crypto';
import type { ConditionGroup } from '@memberflow/shared/condition';
import type { CompiledJourney } from '@memberflow/shared/journey-machine';
import { moduleOfGroup } from '@memberflow/shared/node-module';
import { nodeModule } from '@memberflow/shared/node-registry';
import type { LiveWorkflow, RunnerRules } from '@memberflow/shared/runner/runner-input';
import type pg from 'pg';
import { couponCode } from '../loyalty/coupon-code.ts';
import { loyaltyRules } from '../loyalty/loyalty-cache.ts';
import { segmentCondition } from '../segments/segment-store.ts';
import { liveWorkflowsCache } from './live-workflows-cache.ts';
import type { EngineDeps } from './member-lane.ts';

/** Events older than this when they arrive update the member's facts but start no journey (live only). */
export const DEFAULT_LATE_HORIZON_MS = 24 * 3_600_000;

/** The programme, the live workflows and the compiled versions the member's journeys need: the runner's rules for one pass. */
export async function loadRunnerRules(deps: EngineDeps, c: pg.ClientBase, versionIds: Iterable<string>): Promise<RunnerRules> {
  const { program, tiers, couponTemplates, rfm, contactPolicy, smsSignature } = await loyaltyRules(c, deps.db.schema);
  const live = await loadLiveWorkflows(deps, c);
  const versions = new Map<string, CompiledJourney>(live.map((w) => [w.versionId, w.compiled]));
  for (const id of versionIds) if (!versions.has(id)) versions.set(id, await deps.versions.get(c, id));
  // Stock is read fresh (not from the cache): the runner decides sold-out, the flush only confirms.
  const stock = await c.query<{ key: string; left: number }>('SELECT key, greatest(stock_limit - issued_count, 0) AS left FROM coupon_template WHERE stock_limit IS NOT NULL');
  const provider = deps.contact?.provider ?? (() => ({ kind: 'log' }) as const);
  return {
    live,
    version: (id) => {
      const v = versions.get(id);
      if (!v) throw new Error(`version ${id} is not loaded`);
      return v;
    },
    program,
    tiers,
    couponTemplates,
    stockLeft: new Map(stock.rows.map((r) => [r.key, Number(r.left)])),
    rfm: rfm?.boundaries ?? null,
    // The policy marketers saved wins over the environment's cap; its quiet hours serve workflows without their own.
    contact: { cap: contactPolicy?.policy.cap ?? deps.contact?.cap ?? { count: 2, days: 7 }, quietHours: contactPolicy?.policy.quietHours ?? null, provider, smsSignature },
    mode: deps.mode ?? 'live',
    lateHorizonMs: deps.lateHorizonMs ?? DEFAULT_LATE_HORIZON_MS,
    ids: { journeyId: randomUUID, couponCode },
  };
}

/** Live workflows with their compiled version, parsed trigger config and (segment triggers) condition. */
export async function loadLiveWorkflows(deps: EngineDeps, c: pg.ClientBase): Promise<LiveWorkflow[]> {
  let hit = liveWorkflowsCache.get(deps.db.schema);
  if (!hit || Date.now() - hit.at > 1000) {
    const q = await c.query<{ id: string; name: string; live_version_id: string }>(
      `SELECT id, name, live_version_id FROM workflow WHERE status = 'active' AND live_version_id IS NOT NULL ORDER BY created_at`,
    );
    hit = { at: Date.now(), rows: q.rows };
    liveWorkflowsCache.set(deps.db.schema, hit);
  }
  const out: LiveWorkflow[] = [];
  for (const r of hit.rows) {
    const compiled = await deps.versions.get(c, r.live_version_id);
    const triggerConfig = parsedTrigger(compiled);
    let segment: ConditionGroup | undefined;
    const trigger = moduleOfGroup(nodeModule(compiled.trigger.kind), 'trigger');
    if (trigger.fires === 'segment') {
      const s = trigger.segment(triggerConfig);
      segment = (s.segmentKey ? await segmentCondition(c, s.segmentKey) : null) ?? s.condition;
    }
    out.push({ workflowId: r.id, name: r.name, versionId: r.live_version_id, compiled, settings: compiled.definition.settings, triggerConfig, ...(segment ? { segmentCondition: segment } : {}) });
  }
  return out;
}

const parsedTriggers = new WeakMap<CompiledJourney, Record<string, unknown>>();
function parsedTrigger(c: CompiledJourney): Record<string, unknown> {
  let cfg = parsedTriggers.get(c);
  if (!cfg) {
    cfg = nodeModule(c.trigger.kind).config.parse(c.trigger.config);
    parsedTriggers.set(c, cfg);
  }
  return cfg;
}
