import { describe, expect } from 'vitest';
import { DAY, JAN_1, test } from './infra-fixture.ts';

const purchase = (memberId: string, at: number) => ({ type: 'purchase', memberId, timestamp: new Date(at).toISOString(), properties: { amount: 10 } });

describe('pause, resume, stop, migrate', () => {
  test('pause: no new entries and waits hold; resume: overdue wake-ups fire', async ({ infra }) => {
    const id = await infra.publishTemplate('second-purchase-nudge');
    await infra.api('POST', '/api/v1/events', purchase('a', JAN_1));
    await infra.drain();
    expect(await infra.api('POST', `/api/v1/workflows/${id}/pause`)).toMatchObject({ status: 200, body: { status: 'paused' } });
    expect((await infra.api('POST', `/api/v1/workflows/${id}/pause`)).status).toBe(409);

    infra.clock.set(JAN_1 + 31 * DAY);
    await infra.api('POST', '/api/v1/events', purchase('b', JAN_1 + 31 * DAY));
    expect((await infra.runtime.sweepOnce()).wakes).toBe(0);
    await infra.drain();
    expect(await infra.sql(`SELECT member_id, status FROM journey`)).toEqual([{ member_id: 'a', status: 'waiting' }]);
    expect(await infra.sql(`SELECT count(*)::int AS n FROM coupon`)).toEqual([{ n: 0 }]);

    expect((await infra.api('POST', `/api/v1/workflows/${id}/resume`)).body.status).toBe('active');
    expect((await infra.runtime.sweepOnce()).wakes).toBe(1);
    await infra.drain();
    // The wake-up fires at its own time, so the coupon is dated day 30, not the day of resume.
    expect(await infra.sql(`SELECT member_id, issued_at FROM coupon`)).toEqual([{ member_id: 'a', issued_at: new Date(JAN_1 + 30 * DAY) }]);
  });

  test('stop: everyone still in the workflow exits, with a step that says why', async ({ infra }) => {
    const id = await infra.publishTemplate('second-purchase-nudge');
    await infra.api('POST', '/api/v1/events', { events: ['a', 'b', 'c'].map((m) => purchase(m, JAN_1)) });
    await infra.drain();
    expect(await infra.api('POST', `/api/v1/workflows/${id}/stop`)).toMatchObject({ status: 200, body: { status: 'stopped', exited: 3 } });
    expect(await infra.sql(`SELECT DISTINCT status, wake_at FROM journey`)).toEqual([{ status: 'exited', wake_at: null }]);
    expect(await infra.sql(`SELECT DISTINCT reason FROM journey_step WHERE cause = 'mf.admin'`)).toEqual([{ reason: 'Workflow stopped by an admin: exited' }]);
    infra.clock.set(JAN_1 + 40 * DAY);
    await infra.api('POST', '/api/v1/events', purchase('d', JAN_1 + 40 * DAY));
    await infra.runtime.sweepOnce();
    await infra.drain();
    expect(await infra.sql(`SELECT count(*)::int AS n FROM coupon`)).toEqual([{ n: 0 }]);
    expect(await infra.sql(`SELECT count(*)::int AS n FROM journey`)).toEqual([{ n: 3 }]);
    expect((await infra.api('POST', `/api/v1/workflows/${id}/resume`)).status).toBe(409);
  });

  test('migrate: members move to the new version at mapped waits and keep their remaining time', async ({ infra }) => {
    const id = await infra.publishTemplate('second-purchase-nudge');
    await infra.api('POST', '/api/v1/events', { events: ['a', 'b'].map((m) => purchase(m, JAN_1)) });
    await infra.drain();
    const wf = (await infra.api('GET', `/api/v1/workflows/${id}`)).body;
    const draft = structuredClone(wf.draft);
    draft.nodes.find((n: { id: string }) => n.id === 'wait_second').id = 'wait_again';
    for (const e of draft.edges) for (const k of ['source', 'target'] as const) if (e[k] === 'wait_second') e[k] = 'wait_again';
    draft.nodes.find((n: { id: string }) => n.id === 'coupon').config.template = 'COMEBACK15';
    await infra.api('PUT', `/api/v1/workflows/${id}/draft`, { definition: draft });
    await infra.defineReferences(draft);
    await infra.api('POST', `/api/v1/workflows/${id}/publish`);

    const unmapped = await infra.api('POST', `/api/v1/workflows/${id}/migrate`, { fromVersion: 1, toVersion: 2, mapping: {} });
    expect(unmapped).toMatchObject({ status: 400, body: { issues: [{ field: 'mapping.wait_second', message: 'members are here: map this node to a wait in the new version' }] } });
    const notWait = await infra.api('POST', `/api/v1/workflows/${id}/migrate`, { fromVersion: 1, toVersion: 2, mapping: { wait_second: 'coupon' } });
    expect(notWait.body.issues[0].message).toBe('"coupon" is not a wait; members can only be placed where they wait');

    expect((await infra.api('POST', `/api/v1/workflows/${id}/migrate`, { fromVersion: 1, toVersion: 2, mapping: { wait_second: 'wait_again' } })).body).toEqual({ migrated: 2, skipped: 0 });
    const rows = await infra.sql(`SELECT v.version, j.current_node, j.wake_at FROM journey j JOIN workflow_version v ON v.id = j.version_id`);
    expect(rows).toEqual([
      { version: 2, current_node: 'wait_again', wake_at: new Date(JAN_1 + 30 * DAY) },
      { version: 2, current_node: 'wait_again', wake_at: new Date(JAN_1 + 30 * DAY) },
    ]);
    infra.clock.set(JAN_1 + 30 * DAY);
    await infra.runtime.sweepOnce();
    await infra.drain();
    expect(await infra.sql(`SELECT DISTINCT template FROM coupon`)).toEqual([{ template: 'COMEBACK15' }]);
    expect(await infra.sql(`SELECT count(*)::int AS n FROM coupon`)).toEqual([{ n: 2 }]);
  });

  test('duplicate makes a draft copy; archive takes a stopped or draft workflow off the list, not a live one', async ({ infra }) => {
    const id = await infra.publishTemplate('second-purchase-nudge');
    const copy = await infra.api('POST', `/api/v1/workflows/${id}/duplicate`);
    expect(copy).toMatchObject({ status: 201, body: { name: 'second-purchase-nudge (copy)', status: 'draft', liveVersion: null, violations: [] } });
    expect((await infra.api('POST', `/api/v1/workflows/${id}/archive`)).status).toBe(409);
    expect((await infra.api('POST', `/api/v1/workflows/${copy.body.id}/archive`)).body.status).toBe('archived');
    const names = (await infra.api('GET', '/api/v1/workflows')).body.workflows.map((w: { name: string }) => w.name);
    expect(names).toEqual(['second-purchase-nudge']);
    expect((await infra.api('POST', '/api/v1/workflows/00000000-0000-0000-0000-000000000000/duplicate')).status).toBe(404);
  });
});
