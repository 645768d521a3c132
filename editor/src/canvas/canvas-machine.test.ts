import type { SaveDraftBody, WorkflowDetail } from '@memberflow/shared/api/workflows';
import { secondPurchaseNudge } from '@memberflow/shared/templates/second-purchase-nudge';
import { describe, expect, it } from 'vitest';
import { createActor, fromPromise, waitFor } from 'xstate';
import { ApiRequestError } from '../api/http.ts';
import { canvasMachine } from './canvas-machine.ts';
import { draftBody, draftKey } from './draft-body.ts';

const detail: WorkflowDetail = {
  id: 'wf1',
  name: 'Nudge',
  description: '',
  status: 'draft',
  liveVersion: null,
  updatedAt: '2026-01-01T00:00:00.000Z',
  journeys: { active: 0, waiting: 0, completed: 0, converted: 0, exited: 0, failed: 0 },
  draft: secondPurchaseNudge,
  violations: [],
  versions: [],
};

function start(publish: () => Promise<{ version: number }>) {
  const saved: SaveDraftBody[] = [];
  const machine = canvasMachine.provide({
    actors: {
      loadWorkflow: fromPromise(async () => detail),
      saveDraft: fromPromise(async ({ input }: { input: { id: string; body: SaveDraftBody } }) => {
        saved.push(input.body);
        return { ...detail, name: input.body.name ?? detail.name };
      }),
      publishWorkflow: fromPromise(publish),
    },
  });
  const actor = createActor(machine, { input: { workflowId: 'wf1' } }).start();
  return { actor, saved };
}

describe('canvasMachine', () => {
  it('loads, then treats the untouched draft as saved', async () => {
    const { actor } = start(async () => ({ version: 1 }));
    const snap = await waitFor(actor, (s) => s.matches('editing'));
    expect(snap.context.savedKey).toBe(draftKey(draftBody('Nudge', '', secondPurchaseNudge)));
  });

  it('saves a draft and remembers it as the saved state', async () => {
    const { actor, saved } = start(async () => ({ version: 1 }));
    await waitFor(actor, (s) => s.matches('editing'));
    const body = draftBody('Renamed', '', secondPurchaseNudge);
    actor.send({ type: 'save', body });
    const snap = await waitFor(actor, (s) => s.matches('editing') && s.context.notice !== null);
    expect(saved).toEqual([body]);
    expect(snap.context.savedKey).toBe(draftKey(body));
    expect(snap.context.detail?.name).toBe('Renamed');
  });

  it('saves before publishing and reports the new version', async () => {
    const { actor, saved } = start(async () => ({ version: 4 }));
    await waitFor(actor, (s) => s.matches('editing'));
    actor.send({ type: 'publish', body: draftBody('Nudge', '', secondPurchaseNudge) });
    const snap = await waitFor(actor, (s) => s.matches('editing') && s.context.notice !== null);
    expect(saved).toHaveLength(1);
    expect(snap.context.notice).toEqual({ kind: 'published', version: 4, enteringNow: 0 });
  });

  it('keeps the violations of a refused publish until the next edit', async () => {
    const violation = { code: 'trigger_count' as const, message: 'A workflow needs a trigger' };
    const { actor } = start(async () => {
      throw new ApiRequestError(422, { error: 'Workflow has problems', violations: [violation] });
    });
    await waitFor(actor, (s) => s.matches('editing'));
    actor.send({ type: 'publish', body: draftBody('Nudge', '', secondPurchaseNudge) });
    const snap = await waitFor(actor, (s) => s.matches('editing') && s.context.actionError !== null);
    expect(snap.context.serverViolations).toEqual([violation]);
    actor.send({ type: 'edited' });
    expect(actor.getSnapshot().context.serverViolations).toEqual([]);
  });

  it('an autosave updates the saved state without a notice', async () => {
    const { actor, saved } = start(async () => ({ version: 1 }));
    await waitFor(actor, (s) => s.matches('editing'));
    const body = draftBody('Auto', '', secondPurchaseNudge);
    actor.send({ type: 'save', body, auto: true });
    await waitFor(actor, (s) => s.matches('saving'));
    const snap = await waitFor(actor, (s) => s.matches('editing'));
    expect(saved).toEqual([body]);
    expect(snap.context.savedKey).toBe(draftKey(body));
    expect(snap.context.notice).toBeNull();
  });
});
