import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { buildWorkflow } from '@memberflow/shared/templates/build';
import { afterAll, describe, expect } from 'vitest';
import type { RuntimeConfig } from '../src/config.ts';
import { JAN_1, test } from './infra-fixture.ts';

const couponThenSms = (body: string) =>
  buildWorkflow({
    settings: { entry: 'every_time' },
    nodes: [
      ['t', 'event_trigger', 'Purchase', { eventType: 'purchase' }],
      ['c', 'issue_coupon', 'Coupon', { template: 'COMEBACK10', validityDays: 10 }],
      ['m', 'send_message', 'SMS', { channel: 'sms', body, marketing: false }],
      ['x', 'exit', 'Done', { reason: 'done' }],
    ],
    edges: [
      ['t', 'next', 'c'],
      ['c', 'next', 'm'],
      ['m', 'next', 'x'],
    ],
  });
const comeback10 = { key: 'COMEBACK10', name: 'Come back: 10 off', kind: 'amount_off', value: 10, validityDays: 10 };
const purchase = (memberId: string) => ({
  type: 'purchase',
  memberId,
  timestamp: new Date(JAN_1).toISOString(),
  properties: { amount: 30 },
});

describe('message templates in the runtime', () => {
  test('a date goes out in the member language and zone; a variable without a value skips the message with the reason', async ({
    infra,
  }) => {
    await infra.sql(
      `INSERT INTO member (id, name, phone, locale, time_zone) VALUES ('zh1', '李雷', '13800000001', 'zh-CN', 'Asia/Shanghai'), ('anon', NULL, '13800000002', 'zh-CN', 'Asia/Shanghai')`,
    );
    await infra.publishDefinition(
      'Coupon SMS',
      couponThenSms('{{member.name}}您好，优惠券 {{coupon.code}} 将于 {{coupon.expiresAt | date}} 到期'),
    );
    await infra.api('POST', '/api/v1/events', { events: [purchase('zh1'), purchase('anon')] });
    await infra.drain();
    const rows = await infra.sql(
      `SELECT member_id, status, payload->>'body' AS body, payload->>'skipped' AS skipped FROM effect WHERE kind = 'send_message' ORDER BY member_id`,
    );
    expect(rows).toEqual([
      {
        member_id: 'anon',
        status: 'skipped',
        body: expect.stringContaining('您好'),
        skipped: 'no value for {{member.name}} (give a fallback with | default: "…")',
      },
      {
        member_id: 'zh1',
        status: 'done',
        body: expect.stringMatching(/^李雷您好，优惠券 COMEBACK10-\S+ 将于 2026年1月11日 到期$/),
        skipped: null,
      },
    ]);
  });
});

describe('SMS signature and test sends', () => {
  const gateway: { body: string; signature: string | undefined }[] = [];
  const http = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      gateway.push({ body, signature: req.headers['x-memberflow-signature'] as string | undefined });
      res.end('ok');
    });
  });
  const port = new Promise<number>((ok) => http.listen(0, '127.0.0.1', () => ok((http.address() as AddressInfo).port)));
  afterAll(() => http.close());
  test.scoped({
    // eslint-disable-next-line no-empty-pattern
    configOverrides: async ({}, use: (v: Partial<RuntimeConfig>) => Promise<void>) => {
      const sms = { kind: 'webhook' as const, url: `http://127.0.0.1:${await port}/sms` };
      const wechat = { kind: 'webhook' as const, url: `http://127.0.0.1:${await port}/wechat` };
      await use({ channels: { sms, email: { kind: 'log' }, wechat, push: { kind: 'log' }, webhook: { kind: 'log' } } });
    },
  } as never);

  test('the saved signature ends every SMS; an analyst may not change it', async ({ infra }) => {
    const analyst = await infra.as('analyst');
    expect((await analyst('PUT', '/api/v1/settings/sms-signature', { signature: '【品牌】' })).status).toBe(403);
    const marketer = await infra.as('marketer');
    expect((await marketer('PUT', '/api/v1/settings/sms-signature', { signature: 'x'.repeat(21) })).body.issues).toEqual([
      { field: 'signature', message: 'must be at most 20 characters' },
    ]);
    expect((await marketer('PUT', '/api/v1/settings/sms-signature', { signature: ' 【品牌】 ' })).body).toMatchObject({
      signature: '【品牌】',
      updatedBy: expect.stringContaining('marketer'),
    });
    await infra.sql(
      `INSERT INTO member (id, name, phone, locale, time_zone) VALUES ('s1', '韩梅梅', '13800000003', 'zh-CN', 'Asia/Shanghai')`,
    );
    await infra.api('PUT', '/api/v1/coupon-templates/COMEBACK10', comeback10);
    await infra.publishDefinition('Signed', couponThenSms('{{member.name}}，{{coupon.value | money}} 优惠券已到账'));
    await infra.api('POST', '/api/v1/events', purchase('s1'));
    await infra.drain();
    const [fx] = await infra.sql(`SELECT status, payload->>'body' AS body FROM effect WHERE kind = 'send_message'`);
    expect(fx).toEqual({ status: 'done', body: '韩梅梅，¥10.00 优惠券已到账【品牌】' });
  });

  test('a WeChat template message reaches the gateway with its template id and rendered keywords', async ({ infra }) => {
    await infra.sql(`INSERT INTO member (id, name, locale, time_zone) VALUES ('w1', '王芳', 'zh-CN', 'Asia/Shanghai')`);
    await infra.api('PUT', '/api/v1/coupon-templates/COMEBACK10', comeback10);
    const def = couponThenSms('{{member.name}}，您有一张优惠券');
    const m = def.nodes.find((n) => n.id === 'm')!;
    m.config = {
      ...m.config,
      channel: 'wechat',
      wechat: {
        templateId: 'TM00015',
        keywords: [
          { key: 'keyword1', value: '{{coupon.value | money}}' },
          { key: 'keyword2', value: '{{coupon.expiresAt | date}}' },
        ],
      },
    };
    await infra.publishDefinition('WeChat', def);
    await infra.api('POST', '/api/v1/events', purchase('w1'));
    await infra.drain();
    const sent = gateway.map((g) => JSON.parse(g.body) as Record<string, unknown>).find((g) => g.channel === 'wechat')!;
    expect(sent).toMatchObject({
      to: 'w1',
      body: '王芳，您有一张优惠券',
      wechat: {
        templateId: 'TM00015',
        keywords: [
          { key: 'keyword1', value: '¥10.00' },
          { key: 'keyword2', value: '2026年1月11日' },
        ],
      },
    });
  });

  test('a test send goes through the real provider, rendered in the given locale; audited; analysts refused; rate-limited per person', async ({
    infra,
  }) => {
    const send = {
      channel: 'sms',
      to: '13800000009',
      body: '券将于 {{coupon.expiresAt | date}} 到期',
      variables: { coupon: { expiresAt: '2026-12-11T02:00:00.000Z' } },
      locale: 'zh-CN',
      timeZone: 'Asia/Shanghai',
    };
    const analyst = await infra.as('analyst');
    expect((await analyst('POST', '/api/v1/message-test-sends', send)).status).toBe(403);
    const marketer = await infra.as('marketer');
    expect((await marketer('POST', '/api/v1/message-test-sends', { ...send, to: 'not a phone' })).body.issues).toEqual([
      { field: 'to', message: 'must be a phone number' },
    ]);
    expect((await marketer('POST', '/api/v1/message-test-sends', { ...send, body: 'Hi {{member.name}}' })).body.issues).toEqual([
      { field: 'body', message: 'no value for {{member.name}}' },
    ]);
    const ok = await marketer('POST', '/api/v1/message-test-sends', send);
    expect(ok.body).toEqual({ provider: 'webhook', to: '13800000009', subject: '', body: '券将于 2026年12月11日 到期' });
    const delivered = gateway.find((g) => g.body.includes('2026年12月11日'))!;
    expect(JSON.parse(delivered.body)).toMatchObject({ channel: 'sms', to: '13800000009', body: '券将于 2026年12月11日 到期' });
    expect(delivered.signature).toMatch(/^t=\d+,v1=/);
    expect(await infra.sql(`SELECT action, details->>'to' AS to FROM audit_log WHERE action = 'message.test_send'`)).toEqual([
      { action: 'message.test_send', to: '13800000009' },
    ]);
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await marketer('POST', '/api/v1/message-test-sends', send)).status);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThan(0);
    // Another person has a budget of their own.
    const admin = await infra.as('admin');
    expect((await admin('POST', '/api/v1/message-test-sends', send)).status).toBe(200);
  });
});
