import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { buildWorkflow } from '@memberflow/shared/templates/build';
import { SMTPServer } from 'smtp-server';
import { afterAll, describe, expect } from 'vitest';
import type { RuntimeConfig } from '../src/config.ts';
import { DAY, JAN_1, test } from './infra-fixture.ts';

const message = (name: string, trigger: string, marketing: boolean, settings: Record<string, unknown> = {}, channel = 'sms') =>
  buildWorkflow({
    settings: { entry: 'every_time', ...settings },
    nodes: [
      ['t', 'event_trigger', trigger, { eventType: trigger }],
      ['m', 'send_message', name, { channel, subject: `${name} for {{member.name}}`, body: `${name}: hi {{member.name}}`, marketing }],
      ['x', 'exit', 'Done', { reason: 'done' }],
    ],
    edges: [
      ['t', 'next', 'm'],
      ['m', 'next', 'x'],
    ],
  });
const ev = (type: string, memberId: string, at: number) => ({ type, memberId, timestamp: new Date(at).toISOString(), properties: {} });

describe('contact policy', () => {
  test('the frequency cap counts marketing messages across workflows; service messages are not capped', async ({ infra }) => {
    await infra.sql(`INSERT INTO member (id, name, phone) VALUES ('f1', 'Zhao', '1')`);
    for (const n of ['A', 'B', 'C']) await infra.publishDefinition(n, message(n, `promo_${n.toLowerCase()}`, true));
    await infra.publishDefinition('Receipt', message('Receipt', 'receipt', false));
    await infra.api('POST', '/api/v1/events', { events: [ev('promo_a', 'f1', JAN_1), ev('promo_b', 'f1', JAN_1 + DAY), ev('promo_c', 'f1', JAN_1 + 2 * DAY), ev('receipt', 'f1', JAN_1 + 3 * DAY)] });
    await infra.drain();
    expect(await infra.sql(`SELECT payload->>'body' AS body, status, payload->>'skipped' AS skipped FROM effect ORDER BY at`)).toEqual([
      { body: 'A: hi Zhao', status: 'done', skipped: null },
      { body: 'B: hi Zhao', status: 'done', skipped: null },
      { body: 'C: hi Zhao', status: 'skipped', skipped: 'frequency cap: 2 marketing messages per 7 days already sent' },
      { body: 'Receipt: hi Zhao', status: 'done', skipped: null },
    ]);
    // A week after the first, there is room again.
    await infra.api('POST', '/api/v1/events', ev('promo_c', 'f1', JAN_1 + 7 * DAY + 1));
    await infra.drain();
    expect(await infra.sql(`SELECT status FROM effect ORDER BY at DESC LIMIT 1`)).toEqual([{ status: 'done' }]);
  });

  test('quiet hours hold marketing messages until they end in member time, or skip them', async ({ infra }) => {
    await infra.sql(`INSERT INTO member (id, name, phone, time_zone) VALUES ('n1', 'Night owl', '1', 'Asia/Shanghai')`);
    await infra.publishDefinition('Hold', message('Hold', 'late', true, { frequencyCap: false, quietHours: { start: '21:00', end: '08:00', mode: 'hold' } }));
    await infra.publishDefinition('Skip', message('Skip', 'later', true, { frequencyCap: false, quietHours: { start: '21:00', end: '08:00', mode: 'skip' } }));
    const late = Date.parse('2026-01-05T15:00:00Z'); // 23:00 in Shanghai
    await infra.api('POST', '/api/v1/events', { events: [ev('late', 'n1', late), ev('later', 'n1', late)] });
    await infra.drain();
    expect(await infra.sql(`SELECT payload->>'body' AS body, status, not_before, payload->>'skipped' AS skipped FROM effect ORDER BY payload->>'body'`)).toEqual([
      { body: 'Hold: hi Night owl', status: 'held', not_before: new Date('2026-01-06T00:00:00Z'), skipped: null },
      { body: 'Skip: hi Night owl', status: 'skipped', not_before: null, skipped: 'quiet hours 21:00-08:00 (member time)' },
    ]);
    infra.clock.set(Date.parse('2026-01-05T23:59:00Z'));
    expect((await infra.runtime.sweepOnce()).released).toBe(0);
    infra.clock.set(Date.parse('2026-01-06T00:00:00Z'));
    expect((await infra.runtime.sweepOnce()).released).toBe(1);
    expect(await infra.sql(`SELECT status FROM effect WHERE payload->>'body' LIKE 'Hold%'`)).toEqual([{ status: 'done' }]);
  });
});

describe('channel providers', () => {
  const mails: { to: string; data: string }[] = [];
  let rejectNext = 0;
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, session, cb) {
      let data = '';
      stream.on('data', (c: Buffer) => (data += c.toString()));
      stream.on('end', () => {
        if (rejectNext-- > 0) return cb(new Error('mailbox full'));
        mails.push({ to: session.envelope.rcptTo.map((r) => r.address).join(','), data });
        cb();
      });
    },
  });
  const gateway: { headers: IncomingMessage['headers']; body: string }[] = [];
  const http = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      gateway.push({ headers: req.headers, body });
      res.end('ok');
    });
  });
  const ports = Promise.all([
    new Promise<number>((ok) => smtp.listen(0, '127.0.0.1', () => ok((smtp.server.address() as AddressInfo).port))),
    new Promise<number>((ok) => http.listen(0, '127.0.0.1', () => ok((http.address() as AddressInfo).port))),
  ]);

  afterAll(() => {
    smtp.close();
    http.close();
  });

  test.scoped({
    // eslint-disable-next-line no-empty-pattern
    configOverrides: async ({}, use: (v: Partial<RuntimeConfig>) => Promise<void>) => {
      const [smtpPort, httpPort] = await ports;
      await use({
        smtpUrl: `smtp://127.0.0.1:${smtpPort}`,
        smtpFrom: 'Club <club@example.com>',
        channels: { email: { kind: 'smtp' }, sms: { kind: 'webhook', url: `http://127.0.0.1:${httpPort}/sms` }, wechat: { kind: 'log' }, push: { kind: 'log' }, webhook: { kind: 'log' } },
      });
    },
  } as never);

  test('email goes out over SMTP and SMS through the signed gateway webhook, after commit', async ({ infra }) => {
    await infra.sql(`INSERT INTO member (id, name, email, phone) VALUES ('p1', 'Qian', 'qian@example.com', '13700000000')`);
    await infra.publishDefinition('Mail', message('Mail', 'mail_me', false, {}, 'email'));
    await infra.publishDefinition('Text', message('Text', 'text_me', false, {}, 'sms'));
    await infra.api('POST', '/api/v1/events', { events: [ev('mail_me', 'p1', JAN_1), ev('text_me', 'p1', JAN_1)] });
    await infra.drain();
    expect(mails).toHaveLength(1);
    expect(mails[0]!.to).toBe('qian@example.com');
    expect(mails[0]!.data).toContain('Subject: Mail for Qian');
    expect(mails[0]!.data).toContain('Mail: hi Qian');
    const sms = gateway.find((g) => g.body.includes('Text: hi Qian'))!;
    expect(JSON.parse(sms.body)).toMatchObject({ channel: 'sms', to: '13700000000', body: 'Text: hi Qian', memberId: 'p1' });
    expect(sms.headers['x-memberflow-signature']).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
    expect(await infra.sql(`SELECT DISTINCT status, attempts FROM effect`)).toEqual([{ status: 'done', attempts: 1 }]);
  });

  test('a provider that keeps failing is retried with backoff, then the effect is failed with the error', async ({ infra }) => {
    rejectNext = 100;
    await infra.sql(`INSERT INTO member (id, name, email) VALUES ('p2', 'Pan', 'p2@example.com')`);
    await infra.publishDefinition('Mail', message('Mail', 'mail_me', false, {}, 'email'));
    await infra.api('POST', '/api/v1/events', ev('mail_me', 'p2', JAN_1));
    await infra.drain();
    const [fx] = await infra.sql(`SELECT status, attempts, error FROM effect`);
    expect(fx.status).toBe('failed');
    expect(fx.attempts).toBe(6);
    expect(fx.error).toContain('mailbox full');
    rejectNext = 0;
    const listed = await infra.api('GET', '/api/v1/effects?status=failed');
    expect(listed.body.effects).toMatchObject([{ memberId: 'p2', kind: 'send_message', status: 'failed', attempts: 6 }]);
    expect((await infra.api('GET', '/api/v1/effects?status=broken&limit=0')).body.issues.map((i: { field: string }) => i.field)).toEqual(['status', 'limit']);
  });
});
