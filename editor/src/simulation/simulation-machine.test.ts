import type { CouponTemplate } from '@memberflow/shared/api/loyalty';
import { defaultProgram } from '@memberflow/shared/loyalty-program';
import { secondPurchaseNudge } from '@memberflow/shared/templates/second-purchase-nudge';
import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import type { SimulationRules } from '../api/loyalty-rules-api.ts';
import { simulationMachine, type SimulationEvent } from './simulation-machine.ts';

const run = { type: 'run', definition: secondPurchaseNudge, workflowId: 'wf', workflowName: 'Nudge' } as const;

/** The nudge, issuing its come-back coupon twice in a row. */
const issuesTwice = {
  ...secondPurchaseNudge,
  nodes: [
    ...secondPurchaseNudge.nodes,
    { id: 'coupon_again', kind: 'issue_coupon', label: 'Same coupon again', position: { x: 180, y: 470 }, config: { template: 'COMEBACK10', validityDays: 30 } },
  ],
  edges: [
    ...secondPurchaseNudge.edges.filter((e) => e.id !== 'e_coupon_end'),
    { id: 'e_coupon_again', source: 'coupon', sourceHandle: 'next', target: 'coupon_again' },
    { id: 'e_again_end', source: 'coupon_again', sourceHandle: 'next', target: 'end' },
  ],
};
const runTwice = { ...run, definition: issuesTwice } as const;

const comeback: CouponTemplate = {
  key: 'COMEBACK10',
  name: 'Come back: 10 off',
  kind: 'amount_off',
  value: 10,
  minSpend: 0,
  validityDays: 30,
  validFrom: null,
  validTo: null,
  oncePerMember: true,
  stockLimit: null,
  issuedCount: 0,
  archivedAt: null,
};
const rules: SimulationRules = { program: defaultProgram(), tiers: [], couponTemplates: [comeback], segments: {} };

function resultOf(...events: SimulationEvent[]) {
  const actor = createActor(simulationMachine).start();
  actor.send({ type: 'open' });
  actor.send({ type: 'preset', key: 'first-no-second' });
  for (const e of events) actor.send(e);
  const snap = actor.getSnapshot();
  expect(snap.value).toBe('result');
  return snap.context.result!;
}
const coupons = (r: ReturnType<typeof resultOf>) => r.effects.map((e) => ({ node: e.nodeId, code: e.preview, skipped: e.skipped }));

describe('simulation machine', () => {
  it('runs the nudge preset: timeout, coupon, and steps through the trace', () => {
    const actor = createActor(simulationMachine).start();
    actor.send({ type: 'open' });
    actor.send({ type: 'preset', key: 'first-no-second' });
    actor.send(run);
    const snap = actor.getSnapshot();
    expect(snap.value).toBe('result');
    const result = snap.context.result!;
    expect(result.trace.map((t) => t.reason)).toContain(
      'No purchase within 30 days at "Wait for another purchase": took "After 30 days"',
    );
    expect(result.effects.map((e) => e.preview)).toEqual(['COMEBACK10-SIM1']);

    actor.send({ type: 'previous' });
    expect(actor.getSnapshot().context.step).toBe(0);
    for (let i = 0; i < 50; i++) actor.send({ type: 'next' });
    expect(actor.getSnapshot().context.step).toBe(result.trace.length - 1);
    actor.send({ type: 'goto', step: 2 });
    expect(actor.getSnapshot().context.step).toBe(2);
    actor.send({ type: 'back' });
    expect(actor.getSnapshot().value).toBe('setup');
  });

  it('stays on the setup and names the problems when the period is wrong', () => {
    const actor = createActor(simulationMachine).start();
    actor.send({ type: 'open' });
    const setup = actor.getSnapshot().context.setup;
    actor.send({ type: 'edit', setup: { ...setup, until: setup.from } });
    actor.send(run);
    expect(actor.getSnapshot().value).toBe('setup');
    expect(actor.getSnapshot().context.errors).toEqual({ until: 'Must be after the start' });
  });

  it('without the programme\'s rules, issues the same template as often as the journey asks (the defaults)', () => {
    expect(coupons(resultOf(runTwice))).toEqual([
      { node: 'coupon', code: 'COMEBACK10-SIM1', skipped: undefined },
      { node: 'coupon_again', code: 'COMEBACK10-SIM2', skipped: undefined },
    ]);
    // Rules that failed to load are the same as none.
    expect(coupons(resultOf({ type: 'rules', rules: null }, runTwice))).toHaveLength(2);
    expect(coupons(resultOf({ ...runTwice, rules: null })).map((c) => c.skipped)).toEqual([undefined, undefined]);
  });

  it('with the loaded rules, skips a once-per-member template the member already holds', () => {
    const expected = [
      { node: 'coupon', code: 'COMEBACK10-SIM1', skipped: undefined },
      { node: 'coupon_again', code: undefined, skipped: 'once per member: already holds a COMEBACK10 coupon' },
    ];
    // Loaded by the panel, then run.
    const loaded = resultOf({ type: 'rules', rules }, runTwice);
    expect(coupons(loaded)).toEqual(expected);
    expect(loaded.trace.map((t) => t.reason).join('\n')).toContain('once per member');
    // Or carried by the run event itself.
    expect(coupons(resultOf({ ...runTwice, rules }))).toEqual(expected);
    // The run event's own rules win over the loaded ones: null simulates with the defaults.
    expect(coupons(resultOf({ type: 'rules', rules }, { ...runTwice, rules: null })).map((c) => c.skipped)).toEqual([undefined, undefined]);
  });

  it('a sold-out template is a skip before any code is shown', () => {
    const soldOut = { ...rules, couponTemplates: [{ ...comeback, oncePerMember: false, stockLimit: 5, issuedCount: 5 }] };
    expect(coupons(resultOf({ ...run, rules: soldOut }))).toEqual([{ node: 'coupon', code: undefined, skipped: 'COMEBACK10 is out of stock' }]);
  });

  it('forgets the loaded rules on close: the panel loads them again on the next open', () => {
    const actor = createActor(simulationMachine).start();
    actor.send({ type: 'open' });
    actor.send({ type: 'rules', rules });
    expect(actor.getSnapshot().context.rules).toBe(rules);
    actor.send({ type: 'close' });
    expect(actor.getSnapshot().context.rules).toBeNull();
  });
});
