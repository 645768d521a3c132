import { secondPurchaseNudge } from '@memberflow/shared/templates/second-purchase-nudge';
import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { simulationMachine } from './simulation-machine.ts';

const run = { type: 'run', definition: secondPurchaseNudge, workflowId: 'wf', workflowName: 'Nudge' } as const;

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
});
