import { evaluateCondition, type ConditionGroup } from '@memberflow/shared/condition';
import { describe, expect } from 'vitest';
import { loadMemberFacts, PURCHASE_WINDOW_DAYS } from '../src/engine/member-facts-loader.ts';
import { loadMemberFactsBatch } from '../src/segments/member-facts-batch.ts';
import { segmentCondition } from '../src/segments/segment-store.ts';
import { loadCdnowSample, SAMPLE_NOW } from './cdnow-sample.ts';
import { DAY, test, type Infra } from './infra-fixture.ts';

const NOW = SAMPLE_NOW;

const loadSample = (infra: Infra) => loadCdnowSample(infra, { names: true, tags: (i) => (i % 7 === 0 ? ['vip'] : []) });

const group = (combinator: 'and' | 'or', ...rules: unknown[]) => ({ type: 'group', combinator, rules });
const rule = (field: string, op: string, value?: unknown) => ({ type: 'field', field, op, value });

/** What the lane would decide for every member: its own loader, then evaluateCondition. */
async function laneMatches(infra: Infra, condition: ConditionGroup): Promise<string[]> {
  const ids = (await infra.sql<{ id: string }>('SELECT id FROM member ORDER BY id')).map((r) => r.id);
  const client = await infra.runtime.db.pool.connect();
  try {
    const out: string[] = [];
    for (const id of ids) {
      const member = await loadMemberFacts(client, id, NOW);
      if (evaluateCondition(condition, { member, trigger: {}, now: NOW }).result) out.push(id);
    }
    return out;
  } finally {
    client.release();
  }
}

describe('saved segments', () => {
  test('create, read, update, delete; errors name the field', async ({ infra }) => {
    const condition = group('and', rule('member.orderCount', 'gte', 2));
    const created = await infra.api('POST', '/api/v1/segments', { key: 'repeat-buyers', name: 'Repeat buyers', condition });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ key: 'repeat-buyers', name: 'Repeat buyers', description: '', condition, memberCount: 0, countedAt: null });

    const dup = await infra.api('POST', '/api/v1/segments', { key: 'repeat-buyers', name: 'Again', condition });
    expect(dup.status).toBe(409);
    expect(dup.body.issues).toEqual([{ field: 'key', message: 'is taken' }]);

    const cases: [unknown, string][] = [
      [{ key: 'Bad Key', name: 'x', condition }, 'key'],
      [{ key: 'ok', name: ' ', condition }, 'name'],
      [{ key: 'ok', name: 'x', condition: group('and', rule('member.tier', 'between', 1)) }, 'condition.rules.0.op'],
      [{ key: 'ok', name: 'x', condition: group('and', rule('member.nope', 'eq', 1)) }, 'condition.rules.0.field'],
      [{ key: 'ok', name: 'x', condition: group('or', rule('member.tier', 'eq', 'gold'), group('and', rule('trigger.amount', 'gt', 5))) }, 'condition.rules.1.rules.0.field'],
      [{ key: 'ok', name: 'x', condition: group('and', { type: 'metric', metric: 'spend', windowDays: 0, op: 'gte', value: 1 }) }, 'condition.rules.0.windowDays'],
      [{ key: 'ok', name: 'x' }, 'condition'],
    ];
    for (const [body, field] of cases) {
      const res = await infra.api('POST', '/api/v1/segments', body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.issues.map((i: { field: string }) => i.field)).toContain(field);
      expect(res.body.error).toContain(res.body.issues[0].field);
    }

    const updated = await infra.api('PUT', '/api/v1/segments/repeat-buyers', { description: 'Two or more orders', condition: group('and', rule('member.orderCount', 'gte', 3)) });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ name: 'Repeat buyers', description: 'Two or more orders' });
    expect((await infra.api('PUT', '/api/v1/segments/repeat-buyers', { condition: group('and', rule('event.score', 'lt', 3)) })).body.issues[0].field).toBe('condition.rules.0.field');
    expect((await infra.api('GET', '/api/v1/segments/repeat-buyers')).body.condition.rules[0].value).toBe(3);
    expect((await infra.api('GET', '/api/v1/segments')).body.segments.map((s: { key: string }) => s.key)).toEqual(['repeat-buyers']);
    expect(await segmentCondition(infra.runtime.db.pool, 'repeat-buyers')).toEqual(group('and', rule('member.orderCount', 'gte', 3)));
    expect(await segmentCondition(infra.runtime.db.pool, 'nope')).toBeNull();

    expect((await infra.api('GET', '/api/v1/segments/nope')).status).toBe(404);
    expect((await infra.api('PUT', '/api/v1/segments/nope', { name: 'x' })).status).toBe(404);
    expect((await infra.api('POST', '/api/v1/segments/nope/count')).status).toBe(404);
    expect((await infra.api('GET', '/api/v1/segments/repeat-buyers/preview?limit=0')).body.issues[0].field).toBe('limit');
    expect((await infra.api('DELETE', '/api/v1/segments/repeat-buyers')).status).toBe(204);
    expect((await infra.api('DELETE', '/api/v1/segments/repeat-buyers')).status).toBe(404);
  });

  test('count equals the lane: evaluateCondition on loadMemberFacts for every member; recounts report who entered and left', async ({ infra }) => {
    await loadSample(infra);
    expect((await infra.api('POST', '/api/v1/rfm/recompute')).status).toBe(200);
    const condition = group(
      'or',
      group('and', rule('member.orderCount', 'gte', 3), rule('member.totalSpent', 'gt', 150)),
      rule('member.rfm.segment', 'in', ['champions', 'cant_lose']),
      { type: 'metric', metric: 'spend', windowDays: 60, op: 'gte', value: 80 },
      group('and', rule('member.tags', 'contains', 'vip'), rule('member.daysSinceLastPurchase', 'lt', 200)),
    ) as ConditionGroup;
    expect((await infra.api('POST', '/api/v1/segments', { key: 'valuable', name: 'Valuable', condition })).status).toBe(201);

    const expected = await laneMatches(infra, condition);
    expect(expected.length).toBeGreaterThan(100);
    const first = await infra.api('POST', '/api/v1/segments/valuable/count');
    expect(first.status).toBe(200);
    expect(first.body).toEqual({ count: expected.length, entered: expected.length, exited: 0, countedAt: new Date(NOW).toISOString() });
    const members = (await infra.sql<{ member_id: string }>('SELECT member_id FROM segment_member ORDER BY member_id')).map((r) => r.member_id);
    expect(members).toEqual(expected);
    expect((await infra.api('GET', '/api/v1/segments/valuable')).body).toMatchObject({ memberCount: expected.length, countedAt: new Date(NOW).toISOString() });

    // Recount with nothing changed: nobody moves, and entry times stay.
    infra.clock.set(NOW + 1000);
    expect((await infra.api('POST', '/api/v1/segments/valuable/count')).body).toMatchObject({ count: expected.length, entered: 0, exited: 0 });

    // Narrow it: the members who no longer match leave; those still in keep their entry time.
    const narrower = group('and', rule('member.orderCount', 'gte', 3), rule('member.totalSpent', 'gt', 150)) as ConditionGroup;
    await infra.api('PUT', '/api/v1/segments/valuable', { condition: narrower });
    const still = await laneMatches(infra, narrower);
    const second = await infra.api('POST', '/api/v1/segments/valuable/count');
    expect(second.body).toMatchObject({ count: still.length, entered: still.filter((id) => !expected.includes(id)).length, exited: expected.filter((id) => !still.includes(id)).length });
    expect(second.body.exited).toBeGreaterThan(0);
    const times = await infra.sql<{ t: Date }>('SELECT DISTINCT entered_at AS t FROM segment_member');
    expect(times.map((r) => r.t.getTime())).toEqual([NOW]);

    // A condition a raw-file count can check: customers buying on two or more days (1,139).
    await infra.api('PUT', '/api/v1/segments/valuable', { condition: group('and', rule('member.orderCount', 'gte', 2)) });
    expect((await infra.api('POST', '/api/v1/segments/valuable/count')).body.count).toBe(1139);
  });

  test('preview lists the first matching members with the values the condition reads', async ({ infra }) => {
    await loadSample(infra);
    const condition = group('and', rule('member.totalSpent', 'gte', 500), { type: 'metric', metric: 'orders', windowDays: 365, op: 'gte', value: 2 });
    await infra.api('POST', '/api/v1/segments', { key: 'big', name: 'Big', condition });
    const res = await infra.api('GET', '/api/v1/segments/big/preview?limit=5');
    expect(res.status).toBe(200);
    expect(res.body.members).toHaveLength(5);
    const expected = (await laneMatches(infra, condition as ConditionGroup)).slice(0, 5);
    expect(res.body.members.map((m: { id: string }) => m.id)).toEqual(expected);
    for (const m of res.body.members) {
      expect(Object.keys(m.values)).toEqual(['member.totalSpent', 'orders in 365 days']);
      expect(m.values['member.totalSpent']).toBeGreaterThanOrEqual(500);
      expect(m.values['orders in 365 days']).toBeGreaterThanOrEqual(2);
      expect(m.explanation).toMatch(/member\.totalSpent ≥ 500 \(is [\d.]+\): yes/);
    }
    expect(res.body.scanned).toBeLessThan(2357);
    // Default limit is 20.
    expect((await infra.api('GET', '/api/v1/segments/big/preview')).body.members).toHaveLength(20);
  });

  test('batch facts are the facts the lane loads', async ({ infra }) => {
    await loadSample(infra);
    await infra.api('POST', '/api/v1/rfm/recompute');
    await infra.sql(`UPDATE member SET attributes = '{"city":"Hangzhou"}', consents = '{"sms":false}', locale = 'zh-CN', birthday = '1990-05-01' WHERE id = 'cdnow-00004'`);
    const batch = await loadMemberFactsBatch(infra.runtime.db.pool, '', 50, PURCHASE_WINDOW_DAYS, NOW + 30 * DAY);
    expect(batch).toHaveLength(50);
    const client = await infra.runtime.db.pool.connect();
    try {
      for (const m of batch) expect(m).toEqual(await loadMemberFacts(client, m.id, NOW + 30 * DAY));
    } finally {
      client.release();
    }
  });
});
