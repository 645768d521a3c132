import { describe, expect, expectTypeOf, it } from 'vitest';
import { z } from 'zod';
import { isKindOf, NodeKind, nodeKindsByGroup } from '../src/node-kind.ts';
import { defineNode, firstVersion, type ActionModule, type TriggerModule, type WaitModule } from '../src/node-module.ts';
import { nodeModule, type VersionsOf } from '../src/node-registry.ts';
import { nodeExecutors } from '../src/runner/effects/registry.ts';

// What every module has; each case below adds (or leaves out) what its group requires.
const Config = z.object({ days: z.number() });
const base = {
  title: 'Test',
  description: 'A node kind that exists only in this test.',
  config: Config,
  defaults: () => ({ days: 1 }),
  outputs: () => [{ id: 'next', label: 'Then' }],
  summary: (c: { days: number }) => `${c.days} days`,
  compile: () => ({}),
};

// `tsc --noEmit -p shared` checks this file: each `@ts-expect-error` fails the typecheck if the
// module under it stops being an error, i.e. if its group's hook became optional again.
describe('node modules by group (typecheck)', () => {
  it('a module missing a hook its group requires does not typecheck', () => {
    const missing = [
      // @ts-expect-error a trigger must say how it fires
      defineNode({ ...base, kind: 'event_trigger', group: 'trigger' }),
      // @ts-expect-error an event trigger must match events and say why a match is refused
      defineNode({ ...base, kind: 'event_trigger', group: 'trigger', fires: 'event', matchesEvent: () => true }),
      // @ts-expect-error a time trigger must say its next moment
      defineNode({ ...base, kind: 'date_trigger', group: 'trigger', fires: 'time', audience: () => null }),
      // @ts-expect-error a segment trigger must name its segment
      defineNode({ ...base, kind: 'segment_trigger', group: 'trigger', fires: 'segment' }),
      // @ts-expect-error a branch must decide
      defineNode({ ...base, kind: 'condition', group: 'logic' }),
      // @ts-expect-error a wait must say when it wakes
      defineNode({ ...base, kind: 'wait_duration', group: 'wait' }),
      // @ts-expect-error an action must say what effect it produces
      defineNode({ ...base, kind: 'issue_coupon', group: 'action' }),
      // @ts-expect-error an end must say how it counts
      defineNode({ ...base, kind: 'exit', group: 'end' }),
    ];
    expect(missing).toHaveLength(8);
  });

  it('defineNode keeps the config type and the group, and the registry takes only a module of the kind group', () => {
    const wait = defineNode({ ...base, kind: 'wait_duration', group: 'wait', wakeAt: (c, { at }) => at + c.days });
    expectTypeOf(wait).toEqualTypeOf<WaitModule<{ days: number }>>();
    const trigger = defineNode({ ...base, kind: 'date_trigger', group: 'trigger', fires: 'time', nextFireAt: (c, { after }) => after + c.days, audience: () => null });
    expectTypeOf(trigger).toEqualTypeOf<TriggerModule<{ days: number }>>();
    const action = defineNode({ ...base, kind: 'issue_coupon', group: 'action', effect: { delivery: 'in_step', preview: () => undefined } });
    expectTypeOf(action).toEqualTypeOf<ActionModule<{ days: number }>>();
    const fine: VersionsOf<'wait_duration'> = firstVersion(wait);
    // @ts-expect-error a wait kind cannot be registered with an action's module
    const wrong: VersionsOf<'wait_duration'> = firstVersion(action);
    expect(wait.wakeAt({ days: 2 }, { at: 10, member: {} as never })).toBe(12);
    expect([fine.latest, wrong.latest]).toEqual([1, 1]);
  });
});

describe('every registry has every kind', () => {
  it('each kind is in exactly one group, and its module is of that group', () => {
    const grouped = Object.values(nodeKindsByGroup).flat();
    expect([...grouped].sort()).toEqual([...NodeKind.options].sort());
    for (const [group, kinds] of Object.entries(nodeKindsByGroup)) {
      for (const k of kinds) {
        expect(nodeModule(k).group, k).toBe(group);
        expect(isKindOf(group as keyof typeof nodeKindsByGroup, k)).toBe(true);
      }
    }
  });

  it('the runner executes every kind: waits set a wake-up, actions write their effect', () => {
    expect(Object.keys(nodeExecutors).sort()).toEqual([...NodeKind.options].sort());
    for (const k of NodeKind.options) expect(typeof nodeExecutors[k].execute, k).toBe('function');
  });
});
