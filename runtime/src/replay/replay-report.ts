import type { BacktestReport } from '@memberflow/shared/api/backtests';
import type { WorkflowDefinition } from '@memberflow/shared/definition';
import type { NodeKind } from '@memberflow/shared/node-kind';
import { nodeModule } from '@memberflow/shared/node-registry';
import type pg from 'pg';

/** Triggers that fire on the clock rather than on an event (the trigger scheduler's kinds), as their modules say. */
function isTimeTrigger(kind: NodeKind): boolean {
  const m = nodeModule(kind);
  return m.group === 'trigger' && m.fires === 'time';
}

export interface ReplayEffect {
  memberId: string;
  workflowId: string;
  nodeId: string;
  kind: string;
  /** done, pending (would go out through a gateway), held (quiet hours) or skipped. */
  status: string;
  /** Why it was skipped (consent, frequency cap, out of stock, …). */
  skipped?: string;
  at: string;
}

/** The counts both the CLI and backtest jobs report; the CLI adds the list of effects. */
export type ReplayCounts = Pick<
  BacktestReport,
  'journeys' | 'nodes' | 'effects' | 'effectsByKind' | 'effectsByStatus' | 'skipped' | 'timeTrigger' | 'warnings'
>;

/** Reads what the replay's engine wrote into its throwaway schema. */
export async function collectReplayCounts(pool: pg.Pool, definition: WorkflowDefinition): Promise<ReplayCounts> {
  const q = async <R>(sql: string) => (await pool.query(sql)).rows as R[];
  const journeys = Object.fromEntries(
    (await q<{ status: string; n: number }>('SELECT status, count(*)::int AS n FROM journey GROUP BY 1')).map((r) => [
      r.status,
      r.n,
    ]),
  );
  const nodes: ReplayCounts['nodes'] = {};
  for (const r of await q<{ node: string; n: number }>(
    'SELECT node, count(*)::int AS n FROM journey_step, unnest(path) AS node GROUP BY 1',
  ))
    nodes[r.node] = { entered: r.n, current: 0 };
  for (const r of await q<{ node: string; n: number }>(
    `SELECT current_node AS node, count(*)::int AS n FROM journey WHERE status IN ('active', 'waiting') GROUP BY 1`,
  )) {
    nodes[r.node] = { entered: nodes[r.node]?.entered ?? 0, current: r.n };
  }
  const fx = await q<{ kind: string; status: string; reason: string | null; n: number }>(
    `SELECT kind, status, payload->>'skipped' AS reason, count(*)::int AS n FROM effect GROUP BY 1, 2, 3`,
  );
  const effectsByKind: Record<string, number> = {};
  const effectsByStatus: Record<string, number> = {};
  const skipped = new Map<string, number>();
  for (const r of fx) {
    effectsByKind[r.kind] = (effectsByKind[r.kind] ?? 0) + r.n;
    effectsByStatus[r.status] = (effectsByStatus[r.status] ?? 0) + r.n;
    if (r.status === 'skipped')
      skipped.set(r.reason ?? 'no reason given', (skipped.get(r.reason ?? 'no reason given') ?? 0) + r.n);
  }
  const trigger = definition.nodes.find((n) => isTimeTrigger(n.kind));
  const fires = trigger
    ? (
        await q<{ fires: number; members: number }>(
          'SELECT count(*)::int AS fires, count(DISTINCT member_id)::int AS members FROM trigger_fire',
        )
      )[0]!
    : null;
  const timeTrigger = trigger && fires ? { nodeId: trigger.id, kind: trigger.kind, ...fires } : null;
  const total = Object.values(journeys).reduce((a, b) => a + b, 0);
  const warnings: string[] = [];
  // A time trigger that never fired usually means the replay could not fire it, not that nobody qualified.
  if (timeTrigger && total === 0) {
    warnings.push(
      `No journeys: the time trigger "${timeTrigger.nodeId}" (${timeTrigger.kind}) fired for ${timeTrigger.members} members in this replay.`,
    );
  }
  return {
    journeys,
    nodes,
    effects: fx.reduce((a, r) => a + r.n, 0),
    effectsByKind,
    effectsByStatus,
    skipped: [...skipped]
      .map(([reason, count]) => ({ reason, count }))
      .sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason)),
    timeTrigger,
    warnings,
  };
}

/** Every effect in time order, for the CLI's report file. */
export async function listReplayEffects(pool: pg.Pool, workflowId: string): Promise<ReplayEffect[]> {
  const { rows } = await pool.query<{
    member_id: string;
    node_id: string;
    kind: string;
    status: string;
    skipped: string | null;
    at: Date;
  }>(`SELECT member_id, node_id, kind, status, payload->>'skipped' AS skipped, at FROM effect ORDER BY at, member_id, node_id`);
  return rows.map((r) => ({
    memberId: r.member_id,
    workflowId,
    nodeId: r.node_id,
    kind: r.kind,
    status: r.status,
    ...(r.skipped ? { skipped: r.skipped } : {}),
    at: r.at.toISOString(),
  }));
}
