import { buildWorkflow } from '@memberflow/shared/templates/build';
import { describe, expect } from 'vitest';
import { loyaltyRules } from '../src/loyalty/loyalty-cache.ts';
import { DAY, test } from './infra-fixture.ts';

const promo = (name: string, trigger: string) =>
  buildWorkflow({
    settings: { entry: 'every_time' },
    nodes: [
      ['t', 'event_trigger', trigger, { eventType: trigger }],
      ['m', 'send_message', name, { channel: 'sms', body: `${name}: hi`, marketing: true }],
      ['x', 'exit', 'Done', { reason: 'done' }],
    ],
    edges: [
      ['t', 'next', 'm'],
      ['m', 'next', 'x'],
    ],
  });
const ev = (type: string, memberId: string, at: number) => ({
  type,
  memberId,
  timestamp: new Date(at).toISOString(),
  properties: {},
});

describe('the contact policy setting', () => {
  test('starts from the environment; bad values are named; an analyst may not change it', async ({ infra }) => {
    const analyst = await infra.as('analyst');
    expect((await analyst('GET', '/api/v1/settings/contact-policy')).body).toEqual({
      policy: { cap: { count: 2, days: 7 }, quietHours: null },
      defaults: { cap: { count: 2, days: 7 }, quietHours: null },
      updatedAt: null,
      updatedBy: null,
    });
    expect((await analyst('PUT', '/api/v1/settings/contact-policy', { cap: { count: 1, days: 7 } })).status).toBe(403);
    const marketer = await infra.as('marketer');
    const bad = await marketer('PUT', '/api/v1/settings/contact-policy', {
      cap: { count: -1, days: 0 },
      quietHours: { start: '25:00', end: '08:00' },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.issues.map((i: { field: string }) => i.field)).toEqual(['cap.count', 'cap.days', 'quietHours.start']);
  });

  test('a saved cap and default quiet hours apply to the next messages of every workflow; the change is audited', async ({
    infra,
  }) => {
    await infra.sql(`INSERT INTO member (id, name, phone, time_zone) VALUES ('q1', 'Zhao', '1', 'Asia/Shanghai')`);
    await infra.publishDefinition('A', promo('A', 'promo_a'));
    await infra.publishDefinition('B', promo('B', 'promo_b'));
    const marketer = await infra.as('marketer');
    const saved = await marketer('PUT', '/api/v1/settings/contact-policy', {
      cap: { count: 1, days: 7 },
      quietHours: { start: '21:00', end: '08:00', mode: 'skip' },
    });
    expect(saved.body).toMatchObject({
      policy: { cap: { count: 1, days: 7 }, quietHours: { start: '21:00', end: '08:00', mode: 'skip' } },
      updatedBy: marketer.email,
    });
    const noon = Date.parse('2026-01-05T04:00:00Z'); // 12:00 in Shanghai
    await infra.api('POST', '/api/v1/events', {
      events: [
        ev('promo_a', 'q1', noon),
        ev('promo_b', 'q1', noon + 60_000),
        ev('promo_a', 'q1', noon + 8 * DAY + 11 * 3_600_000),
      ],
    });
    await infra.drain();
    expect(
      await infra.sql(`SELECT payload->>'body' AS body, status, payload->>'skipped' AS skipped FROM effect ORDER BY at`),
    ).toEqual([
      { body: 'A: hi', status: 'done', skipped: null },
      { body: 'B: hi', status: 'skipped', skipped: 'frequency cap: 1 marketing message per 7 days already sent' },
      { body: 'A: hi', status: 'skipped', skipped: 'quiet hours 21:00-08:00 (member time)' },
    ]);
    expect(await infra.sql(`SELECT actor, action FROM audit_log WHERE action = 'settings.contact_policy'`)).toEqual([
      { actor: marketer.email, action: 'settings.contact_policy' },
    ]);
  });

  test('a change another process makes reaches this one at once, through Redis', async ({ infra }) => {
    const c = infra.runtime.db.pool;
    expect((await loyaltyRules(c as never, infra.schema)).contactPolicy).toBeNull();
    // Another process writes the setting and says so on the channel.
    await infra.sql(`INSERT INTO app_setting (key, value, updated_by) VALUES ('contact_policy', $1, 'elsewhere')`, [
      JSON.stringify({ cap: { count: 5, days: 3 }, quietHours: null }),
    ]);
    expect((await loyaltyRules(c as never, infra.schema)).contactPolicy).toBeNull();
    await infra.runtime.redis.publish(`${infra.prefix}:rules-changed`, infra.schema);
    await expect
      .poll(async () => (await loyaltyRules(c as never, infra.schema)).contactPolicy?.policy.cap, { timeout: 1000, interval: 20 })
      .toEqual({ count: 5, days: 3 });
  });
});
