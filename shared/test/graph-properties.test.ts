import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultSettings, SCHEMA_VERSION, type WorkflowDefinition } from '../src/definition.ts';
import { compileJourney } from '../src/journey-machine.ts';
import { emptyMember } from '../src/member-facts.ts';
import { NodeKind } from '../src/node-kind.ts';
import { nodeModule } from '../src/node-registry.ts';
import { simulate } from '../src/simulate.ts';
import { validateWorkflow } from '../src/validate.ts';

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 0, 1);
const kinds = NodeKind.options;
const triggers = kinds.filter((k) => nodeModule(k).group === 'trigger');
const middles = kinds.filter((k) => ['logic', 'wait', 'action'].includes(nodeModule(k).group));
const ends = kinds.filter((k) => nodeModule(k).group === 'end');

const config = (k: NodeKind) => (k === 'enroll_workflow' ? { workflowId: '7f0c6c5e-6d2a-4a8e-9b1e-2a3f4b5c6d7e', workflowName: 'x' } : nodeModule(k).defaults());

/**
 * Random workflows: a trigger, middle nodes, end nodes; every output goes forward to a
 * random later node or, sometimes, back to an earlier node (a loop). Optional damage
 * (a dropped edge, a junk edge, a second trigger) makes some invalid on purpose.
 */
const graph = fc
  .record({
    trigger: fc.constantFrom(...triggers),
    middle: fc.array(fc.constantFrom(...middles), { maxLength: 10 }),
    end: fc.array(fc.constantFrom(...ends), { minLength: 1, maxLength: 2 }),
    seed: fc.array(fc.nat(), { minLength: 64, maxLength: 64 }),
    damage: fc.constantFrom('none', 'none', 'none', 'drop', 'junk', 'trigger'),
  })
  .map(({ trigger, middle, end, seed, damage }): WorkflowDefinition => {
    let r = 0;
    const pick = (n: number) => seed[r++ % seed.length]! % n;
    const ids = ['n0', ...middle.map((_, i) => `n${i + 1}`), ...end.map((_, i) => `e${i}`)];
    const ks = [trigger, ...middle, ...end];
    const nodes = ids.map((id, i) => ({ id, kind: ks[i]!, label: '', position: { x: 0, y: 0 }, config: config(ks[i]!) }));
    const edges: WorkflowDefinition['edges'] = [];
    const firstEnd = 1 + middle.length;
    const waitsBefore = (i: number) => nodes.slice(1, i).filter((x) => nodeModule(x.kind).group === 'wait').map((x) => ids.indexOf(x.id));
    nodes.forEach((n, i) => {
      const mod = nodeModule(n.kind);
      mod.outputs(mod.config.parse(n.config)).forEach((h, k) => {
        let target: number;
        if (k === 0) target = Math.min(i + 1, firstEnd); // a chain keeps every middle node reachable
        else if (i > 1 && pick(5) === 0) {
          // A loop: usually back to a wait (allowed), sometimes to any earlier node (refused unless it passes a wait).
          const w = waitsBefore(i + 1);
          target = w.length && pick(4) > 0 ? w[pick(w.length)]! : 1 + pick(i);
        } else target = i + 1 + pick(ids.length - i - 1);
        edges.push({ id: `${n.id}_${h.id}`, source: n.id, sourceHandle: h.id, target: ids[target]! });
      });
    });
    if (damage === 'drop' && edges.length) edges.splice(pick(edges.length), 1);
    if (damage === 'junk') edges.push({ id: 'junk', source: ids[pick(ids.length)]!, sourceHandle: 'nope', target: 'ghost' });
    if (damage === 'trigger') nodes.push({ id: 't2', kind: trigger, label: '', position: { x: 0, y: 0 }, config: config(trigger) });
    return { schemaVersion: SCHEMA_VERSION, settings: { ...defaultSettings(), entry: 'every_time' }, nodes, edges };
  });

const timeline = fc.array(
  fc.record({ type: fc.constantFrom('purchase', 'signup', 'recharge', 'survey_answered'), day: fc.integer({ min: 0, max: 120 }), amount: fc.integer({ min: 0, max: 900 }) }),
  { maxLength: 12 },
);

describe('property: random graphs', () => {
  it('validation never throws and every violation points at something that exists', () => {
    fc.assert(
      fc.property(graph, (def) => {
        const r = validateWorkflow(def);
        const nodeIds = new Set(def.nodes.map((n) => n.id));
        const edgeIds = new Set(def.edges.map((e) => e.id));
        for (const v of r.violations) {
          if (v.nodeId) expect(nodeIds.has(v.nodeId)).toBe(true);
          if (v.edgeId) expect(edgeIds.has(v.edgeId)).toBe(true);
          expect(v.message.length).toBeGreaterThan(5);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('a loop is refused exactly when it has no wait in it', () => {
    fc.assert(
      fc.property(graph, (def) => {
        const waits = new Set(def.nodes.filter((n) => nodeModule(n.kind).group === 'wait').map((n) => n.id));
        const succ = new Map<string, string[]>();
        for (const e of def.edges) if (!waits.has(e.source)) succ.set(e.source, [...(succ.get(e.source) ?? []), e.target]);
        // Is there a cycle among non-wait nodes (edges out of waits removed)?
        const state = new Map<string, number>();
        let cyclic = false;
        const dfs = (id: string) => {
          state.set(id, 1);
          for (const t of succ.get(id) ?? []) {
            if (waits.has(t) || !def.nodes.some((n) => n.id === t)) continue;
            if (state.get(t) === 1) cyclic = true;
            else if (!state.has(t)) dfs(t);
          }
          state.set(id, 2);
        };
        for (const n of def.nodes) if (!waits.has(n.id) && !state.has(n.id)) dfs(n.id);
        expect(validateWorkflow(def).violations.some((v) => v.code === 'cycle_without_wait')).toBe(cyclic);
      }),
      { numRuns: 400 },
    );
  });

  it('every valid graph compiles, and simulating any member timeline ends with a consistent trace', () => {
    let valid = 0;
    fc.assert(
      fc.property(graph, timeline, fc.constantFrom('UTC', 'Asia/Shanghai', 'America/New_York'), (def, events, tz) => {
        const r = validateWorkflow(def);
        if (!r.ok) return;
        valid++;
        expect(() => compileJourney(def)).not.toThrow();
        const member = { ...emptyMember('m', tz), birthday: '1990-03-10', lastPurchaseAt: T0 - 80 * DAY, pointsExpiring: [{ points: 500, expiresAt: T0 + 40 * DAY }] };
        const sim = simulate({
          definition: def,
          member,
          timeline: events.map((e) => ({ type: e.type, at: T0 + e.day * DAY, properties: { amount: e.amount, score: e.amount % 5 } })),
          from: T0,
          until: T0 + 150 * DAY,
        });
        const ids = new Set(def.nodes.map((n) => n.id));
        expect(sim.path.every((id) => ids.has(id))).toBe(true);
        expect(sim.path.filter((id) => id === 'n0')).toHaveLength(sim.entries);
        for (let i = 1; i < sim.trace.length; i++) expect(sim.trace[i]!.at).toBeGreaterThanOrEqual(sim.trace[i - 1]!.at);
        if (sim.entries === 0) expect(sim.outcome).toBe('not_entered');
      }),
      { numRuns: 300 },
    );
    // The generator must produce valid graphs often enough for this property to mean something.
    expect(valid).toBeGreaterThan(60);
  });
});
