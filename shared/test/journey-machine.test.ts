import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultSettings, SCHEMA_VERSION, type WorkflowDefinition } from '../src/definition.ts';
import { compileJourney, startJourney, stepJourney, type PersistedJourney } from '../src/journey-machine.ts';
import { TIMEOUT_EVENT, type JourneyEvent } from '../src/member-event.ts';
import { secondPurchaseNudge } from '../src/templates/second-purchase-nudge.ts';
import { validateWorkflow } from '../src/validate.ts';

const ev = (type: string, at = 0, properties: Record<string, unknown> = {}): JourneyEvent => ({ type, at, properties });
const timeout = (nodeId: string, visit: number): JourneyEvent => ({ type: TIMEOUT_EVENT, at: 0, properties: {}, nodeId, visit });

describe('compiled journey machine', () => {
  const c = compileJourney(secondPurchaseNudge);

  it('enters through the trigger and stops at the wait, returning node actions as data', () => {
    const s = startJourney(c, ev('purchase'), 'seed');
    expect(s.persisted.value).toBe('wait_second');
    expect(s.actions.map((a) => [a.nodeId, a.kind, a.visit])).toEqual([
      ['trigger', 'event_trigger', 1],
      ['wait_second', 'wait_for_event', 1],
    ]);
    expect(s.outcome).toBe('waiting');
  });

  it('a matching event takes the event branch to the goal', () => {
    const s = stepJourney(c, startJourney(c, ev('purchase'), 'seed').persisted, ev('purchase'))!;
    expect(s).toMatchObject({ outcome: 'converted', endKind: 'goal', path: ['converted'] });
  });

  it('the current wake-up takes the timeout branch and issues the coupon once', () => {
    const s = stepJourney(c, startJourney(c, ev('purchase'), 'seed').persisted, timeout('wait_second', 1))!;
    expect(s.actions.map((a) => a.kind)).toEqual(['issue_coupon', 'exit']);
    expect(s.actions[0]!.config).toEqual({ template: 'COMEBACK10', validityDays: 30 });
    expect(s.outcome).toBe('completed');
  });

  it('ignores stale wake-ups and unrelated events', () => {
    const p = startJourney(c, ev('purchase'), 'seed').persisted;
    expect(stepJourney(c, p, timeout('wait_second', 2))).toBeNull();
    expect(stepJourney(c, p, timeout('other', 1))).toBeNull();
    expect(stepJourney(c, p, ev('signup'))).toBeNull();
  });

  it('persisted snapshots round-trip through JSON and continue identically', () => {
    const direct = startJourney(c, ev('purchase', 5, { orderId: 'o1' }), 'seed');
    const stored: PersistedJourney = JSON.parse(JSON.stringify(direct.persisted));
    expect(stored).toEqual(direct.persisted);
    expect(stepJourney(c, stored, timeout('wait_second', 1))).toEqual(stepJourney(c, direct.persisted, timeout('wait_second', 1)));
  });

  it('matches the wait on a property of the entering event when asked', () => {
    const d = structuredClone(secondPurchaseNudge);
    Object.assign(d.nodes.find((n) => n.id === 'wait_second')!.config, { matchTriggerProperty: 'storeId' });
    const m = compileJourney(d);
    const p = startJourney(m, ev('purchase', 0, { storeId: 'sh-01' }), 'seed').persisted;
    expect(stepJourney(m, p, ev('purchase', 1, { storeId: 'bj-02' }))).toBeNull();
    expect(stepJourney(m, p, ev('purchase', 1, { storeId: 'sh-01' }))?.outcome).toBe('converted');
  });

  it('refuses to compile an invalid definition', () => {
    expect(() => compileJourney({ ...secondPurchaseNudge, edges: [] })).toThrow(/not valid/);
  });
});

// Random chains: trigger -> (coupon | wait)* -> exit | goal. Every valid graph compiles, and a
// member walked through it with wake-ups only ever ends, visiting each node in chain order.
const chain = fc.array(fc.constantFrom('issue_coupon', 'wait_for_event'), { maxLength: 12 }).chain((kinds) =>
  fc.record({ kinds: fc.constant(kinds), end: fc.constantFrom('exit', 'goal'), amount: fc.integer({ min: 1, max: 400 }) }),
);

function buildChain(kinds: string[], end: string, amount: number): WorkflowDefinition {
  const ids = ['t', ...kinds.map((_, i) => `n${i}`), 'end'];
  const config = (k: string) =>
    k === 'issue_coupon' ? { template: 'X', validityDays: amount } : { eventType: 'purchase', timeout: { amount, unit: 'hours' } };
  return {
    schemaVersion: SCHEMA_VERSION,
    settings: { ...defaultSettings(), entry: 'once_ever' },
    nodes: [
      { id: 't', kind: 'event_trigger', label: '', position: { x: 0, y: 0 }, config: { eventType: 'purchase' } },
      ...kinds.map((k, i) => ({ id: `n${i}`, kind: k as 'issue_coupon', label: '', position: { x: 0, y: 0 }, config: config(k) })),
      { id: 'end', kind: end as 'exit', label: '', position: { x: 0, y: 0 }, config: end === 'exit' ? { reason: 'r' } : { goal: 'g' } },
    ],
    edges: ids.slice(1).map((id, i) => {
      const src = ids[i]!;
      const handle = kinds[i - 1] === 'wait_for_event' ? 'timeout' : 'next';
      return { id: `e${i}`, source: src, sourceHandle: handle, target: id };
    }),
  };
}

describe('property: random chains', () => {
  it('timeout-only chains are invalid exactly when a wait has an unconnected event branch', () => {
    fc.assert(
      fc.property(chain, ({ kinds, end, amount }) => {
        const d = buildChain(kinds, end, amount);
        const waits = kinds.filter((k) => k === 'wait_for_event').length;
        const r = validateWorkflow(d);
        expect(r.violations.filter((v) => v.code === 'handle_unconnected')).toHaveLength(waits);
        expect(r.violations.filter((v) => v.code !== 'handle_unconnected')).toEqual([]);
      }),
    );
  });

  it('with event branches wired to the end, every chain compiles and a walk on wake-ups ends in order', () => {
    fc.assert(
      fc.property(chain, ({ kinds, end, amount }) => {
        const d = buildChain(kinds, end, amount);
        kinds.forEach((k, i) => {
          if (k === 'wait_for_event') d.edges.push({ id: `ev${i}`, source: `n${i}`, sourceHandle: 'event', target: 'end' });
        });
        const c = compileJourney(d);
        let step = startJourney(c, ev('purchase'), 'seed');
        const visited = [...step.path];
        let guard = 0;
        while (step.outcome === 'waiting') {
          const at = step.persisted.value;
          const s = stepJourney(c, step.persisted, timeout(at, step.persisted.context.visits[at]!));
          expect(s).not.toBeNull();
          step = s!;
          visited.push(...step.path);
          expect(guard++).toBeLessThan(kinds.length + 1);
        }
        expect(visited).toEqual(['t', ...kinds.map((_, i) => `n${i}`), 'end']);
        expect(step.outcome).toBe(end === 'goal' ? 'converted' : 'completed');
      }),
    );
  });
});
