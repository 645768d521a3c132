import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { buildWorkflow } from '@memberflow/shared/templates/build';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import { loadConfig, type RuntimeConfig } from '../src/config.ts';
import { createLogger } from '../src/logging/create-logger.ts';
import { requestId } from '../src/logging/request-id.ts';
import { setRootLogger } from '../src/logging/root-logger.ts';
import { JAN_1, test } from './infra-fixture.ts';

// Every line the runtime writes while this file runs, as written (JSON, debug and up).
const raw: string[] = [];
const lines = () => raw.map((l) => JSON.parse(l) as Record<string, unknown>);
beforeAll(() => setRootLogger(createLogger({ level: 'debug', pretty: false, destination: { write: (s: string) => void raw.push(s) } })));

const PERSON = { name: 'Zhang Xiaoming', email: 'xiaoming.zhang@example.com', phone: '+86 139 1234 5678' };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

const smsWorkflow = buildWorkflow({
  settings: { entry: 'every_time' },
  nodes: [
    ['t', 'event_trigger', 'Welcome', { eventType: 'signed_up' }],
    ['m', 'send_message', 'Text', { channel: 'sms', body: 'Welcome {{member.name}}', marketing: false }],
    ['x', 'exit', 'Done', { reason: 'done' }],
  ],
  edges: [
    ['t', 'next', 'm'],
    ['m', 'next', 'x'],
  ],
});

describe('settings', () => {
  test('LOG_LEVEL and LOG_PRETTY are checked, naming the variable', () => {
    expect(loadConfig({}).log).toEqual({ level: 'info', pretty: null });
    expect(loadConfig({ LOG_LEVEL: 'DEBUG', LOG_PRETTY: '1' }).log).toEqual({ level: 'debug', pretty: true });
    expect(() => loadConfig({ LOG_LEVEL: 'loud' })).toThrow(/^LOG_LEVEL must be one of .*got "loud"$/);
    expect(() => loadConfig({ LOG_PRETTY: 'yes' })).toThrow(/^LOG_PRETTY must be 1/);
  });

  test('a sane X-Request-Id is kept; anything else is replaced by a new id', () => {
    expect(requestId('edge-7f3a:42.1_x')).toBe('edge-7f3a:42.1_x');
    expect(requestId('a'.repeat(128))).toBe('a'.repeat(128));
    for (const bad of ['a'.repeat(129), 'has space', 'new\nline', '{"json":1}', '', undefined]) expect(requestId(bad)).toMatch(UUID);
  });
});

describe('logs of a real run', () => {
  // The SMS gateway the message goes out through: it must receive the phone and the name the logs must not hold.
  const gateway: string[] = [];
  const http = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => (gateway.push(body), res.end('ok')));
  });
  const port = new Promise<number>((ok) => http.listen(0, '127.0.0.1', () => ok((http.address() as AddressInfo).port)));
  afterAll(() => void http.close());

  test.scoped({
    // eslint-disable-next-line no-empty-pattern
    configOverrides: async ({}, use: (v: Partial<RuntimeConfig>) => Promise<void>) => {
      const sms = { kind: 'webhook' as const, url: `http://127.0.0.1:${await port}/sms` };
      await use({ channels: { sms, email: { kind: 'log' }, wechat: { kind: 'log' }, push: { kind: 'log' }, webhook: { kind: 'log' } } });
    },
  } as never);

  test('request ids on every access line, member and job on lane lines, no personal data anywhere', async ({ infra }) => {
    raw.length = 0;
    expect((await infra.api('PUT', '/api/v1/members/log1', PERSON)).status).toBe(200);
    await infra.publishDefinition('Welcome text', smsWorkflow);

    const given = 'trace-4f2a:77.b_x';
    const withId = await infra.api('POST', '/api/v1/events', { type: 'signed_up', memberId: 'log1', timestamp: new Date(JAN_1).toISOString(), properties: { email: PERSON.email } }, { 'x-request-id': given });
    expect(withId.status).toBe(202);
    expect(withId.headers.get('x-request-id')).toBe(given);
    await infra.drain();
    const without = await infra.api('GET', '/api/v1/members/log1');
    expect(without.body).toMatchObject({ name: PERSON.name, email: PERSON.email });
    const madeUp = without.headers.get('x-request-id')!;
    expect(madeUp).toMatch(UUID);
    const insane = await infra.api('GET', '/api/v1/members/log1', undefined, { 'x-request-id': 'not sane; ' + 'x'.repeat(200) });
    expect(insane.headers.get('x-request-id')).toMatch(UUID);

    // The message really went out with the member's data: the logs had the chance to leak it.
    expect(gateway.some((b) => b.includes('Welcome Zhang Xiaoming') && b.includes(PERSON.phone))).toBe(true);

    const all = lines();
    const access = all.filter((l) => l.component === 'http' && l.msg === 'request');
    expect(access.length).toBeGreaterThanOrEqual(5);
    for (const l of access) expect(l).toMatchObject({ requestId: expect.stringMatching(/^[A-Za-z0-9._:-]{1,128}$/), method: expect.any(String), status: expect.any(Number), durationMs: expect.any(Number) });
    expect(access.find((l) => l.requestId === given)).toMatchObject({ method: 'POST', route: '/api/v1/events', status: 202 });
    expect(access.find((l) => l.requestId === madeUp)).toMatchObject({ method: 'GET', route: '/api/v1/members/:id', status: 200 });
    expect(access.filter((l) => l.requestId === insane.headers.get('x-request-id'))).toHaveLength(1);

    const lane = all.filter((l) => l.component === 'lane');
    expect(lane.find((l) => l.memberId === 'log1')).toMatchObject({ msg: 'lane job done', jobId: expect.any(String), steps: expect.any(Number) });
    for (const l of lane) expect(l).toMatchObject({ jobId: expect.any(String), memberId: expect.any(String) });
    const [fx] = await infra.sql(`SELECT id FROM effect WHERE kind = 'send_message' AND member_id = 'log1'`);
    expect(all.find((l) => l.component === 'effects')).toMatchObject({ effectId: fx.id, kind: 'send_message', memberId: 'log1', jobId: expect.stringMatching(/^fx-/), msg: 'effect delivered' });

    const text = raw.join('');
    for (const secret of [PERSON.name, 'Xiaoming', PERSON.email, PERSON.phone, '13912345678', '1234 5678']) expect(text).not.toContain(secret);
  });
});
