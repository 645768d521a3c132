import { buildWorkflow } from '@memberflow/shared/templates/build';
import { describe, expect } from 'vitest';
import { DAY, JAN_1, test } from './infra-fixture.ts';

const nudge = buildWorkflow({
  nodes: [
    ['t', 'event_trigger', 'First purchase', { eventType: 'purchase' }],
    ['w', 'wait_for_event', 'Wait', { eventType: 'purchase', timeout: { amount: 30, unit: 'days' } }],
    ['x', 'exit', 'Done', { reason: 'done' }],
  ],
  edges: [
    ['t', 'next', 'w'],
    ['w', 'event', 'x'],
    ['w', 'timeout', 'x'],
  ],
});

describe('a stored step keeps its reason as message keys beside the English', () => {
  test('steps the runner writes and an admin stop carry parts the member page can say in the reader’s language', async ({
    infra,
  }) => {
    const id = await infra.publishDefinition('Parts', nudge);
    const at = (d: number) => new Date(JAN_1 + d * DAY).toISOString();
    await infra.api('POST', '/api/v1/events', {
      events: [
        { type: 'purchase', memberId: 'p1', timestamp: at(0), properties: {} },
        { type: 'purchase', memberId: 'p2', timestamp: at(0), properties: {} },
      ],
    });
    await infra.api('POST', '/api/v1/events', { type: 'purchase', memberId: 'p1', timestamp: at(1), properties: {} });
    await infra.drain();
    const steps = async (m: string) =>
      ((await infra.api('GET', `/api/v1/members/${m}/journeys`)).body.journeys as { steps: unknown[] }[]).flatMap(
        (j) => j.steps,
      ) as Record<string, unknown>[];
    expect(await steps('p1')).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          reason: 'Entered: purchase matched the trigger "First purchase"',
          reasonParts: [{ key: 'enteredOnEvent', vars: { event: 'purchase', node: 'First purchase' } }],
        }),
        expect.objectContaining({
          reason: expect.stringContaining('purchase arrived while at "Wait"'),
          reasonParts: [
            expect.objectContaining({
              key: 'arrived',
              vars: expect.objectContaining({ event: 'purchase', node: 'Wait', nodeId: 'w' }),
            }),
          ],
        }),
      ]),
    );
    expect((await infra.api('POST', `/api/v1/workflows/${id}/stop`)).status).toBe(200);
    expect((await steps('p2')).at(-1)).toMatchObject({
      reason: 'Workflow stopped by an admin: exited',
      reasonParts: [{ key: 'adminStopped', vars: {} }],
    });
  });
});
