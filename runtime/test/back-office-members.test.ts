import { describe, expect } from 'vitest';
import { test } from './infra-fixture.ts';

describe('the member page API', () => {
  test('a marketer edits the profile, consents, tags and attributes; bad fields are named; the audit keeps no personal data', async ({
    infra,
  }) => {
    await infra.api('PUT', '/api/v1/members/mp1', { name: 'Li Lei', consents: { sms: true } });
    const marketer = await infra.as('marketer');
    const bad = await marketer('PATCH', '/api/v1/members/mp1', { email: 'nope', timeZone: 'Mars/Base', extra: 1 });
    expect(bad.status).toBe(400);
    expect(bad.body.issues.map((i: { field: string }) => i.field).sort()).toEqual(['(body)', 'email', 'timeZone'].sort());
    const ok = await marketer('PATCH', '/api/v1/members/mp1', {
      email: 'li@example.com',
      consents: { sms: false },
      tags: ['vip'],
      attributes: { city: 'Shanghai' },
    });
    expect(ok.status).toBe(200);
    expect((await infra.api('GET', '/api/v1/members/mp1')).body).toMatchObject({
      name: 'Li Lei',
      email: 'li@example.com',
      consents: { sms: false },
      tags: ['vip'],
      attributes: { city: 'Shanghai' },
    });
    const audit = await infra.sql(`SELECT actor, action, details FROM audit_log WHERE action = 'member.update'`);
    expect(audit).toEqual([
      { actor: marketer.email, action: 'member.update', details: { fields: ['email', 'tags', 'consents', 'attributes'] } },
    ]);
    expect((await marketer('PATCH', '/api/v1/members/nobody', { name: 'x' })).status).toBe(404);
    await infra.api('PUT', '/api/v1/members/mp1b', { tags: ['vip', 'coffee'] });
    expect((await (await infra.as('analyst'))('GET', '/api/v1/member-tags')).body).toEqual({
      tags: [
        { tag: 'vip', members: 2 },
        { tag: 'coffee', members: 1 },
      ],
    });
  });

  test('a manual points adjustment needs a reason, is audited, and cannot overdraw unless the programme allows', async ({
    infra,
  }) => {
    await infra.api('PUT', '/api/v1/members/mp2', { name: 'Han Meimei' });
    const marketer = await infra.as('marketer');
    const noReason = await marketer('POST', '/api/v1/members/mp2/points/adjust', { delta: 50 });
    expect(noReason.body.issues).toEqual([{ field: 'reason', message: 'say why' }]);
    expect((await marketer('POST', '/api/v1/members/mp2/points/adjust', { delta: 0, reason: 'x' })).body.issues).toEqual([
      { field: 'delta', message: 'must not be 0' },
    ]);
    expect(
      (await marketer('POST', '/api/v1/members/mp2/points/adjust', { delta: 50, reason: 'goodwill after a late delivery' })).body,
    ).toEqual({ balance: 50 });
    const over = await marketer('POST', '/api/v1/members/mp2/points/adjust', { delta: -80, reason: 'correction' });
    expect(over.status).toBe(409);
    expect(over.body.issues[0].field).toBe('delta');
    const ledger = (await infra.api('GET', '/api/v1/members/mp2/points')).body.ledger;
    expect(ledger).toMatchObject([{ kind: 'adjust', delta: 50, reason: 'goodwill after a late delivery', source: 'staff' }]);
    const audit = await infra.sql(`SELECT actor, details FROM audit_log WHERE action = 'points.adjust'`);
    expect(audit).toEqual([{ actor: marketer.email, details: { delta: 50, reason: 'goodwill after a late delivery' } }]);
  });

  test('an analyst may not edit a member or adjust points', async ({ infra }) => {
    await infra.api('PUT', '/api/v1/members/mp3', { name: 'x' });
    const analyst = await infra.as('analyst');
    expect((await analyst('PATCH', '/api/v1/members/mp3', { name: 'y' })).status).toBe(403);
    expect((await analyst('POST', '/api/v1/members/mp3/points/adjust', { delta: 5, reason: 'x' })).status).toBe(403);
  });
});
