import { buildWorkflow } from '@memberflow/shared/templates/build';
import { afterAll, describe, expect } from 'vitest';
import type { ProviderSettings } from '../src/channels/provider-settings.ts';
import type { RuntimeConfig } from '../src/config.ts';
import { JAN_1, test, type Infra } from './infra-fixture.ts';
import {
  aliyunReport,
  tencentCallback,
  twilioStatus,
  wechatJobFinished,
  wechatQuery,
  type CallbackRequest,
} from './provider-callbacks.ts';
import { ALIYUN, fakeAliyun, fakeTencent, fakeTwilio, fakeWechat, TENCENT, TWILIO, WECHAT } from './provider-fakes.ts';

const fakes = { aliyun: fakeAliyun(), tencent: fakeTencent(), wechat: fakeWechat(), twilio: fakeTwilio() };
afterAll(async () => Promise.all(Object.values(fakes).map(async (f) => (await f).close())));

const TOKENS = { aliyun: 'aliyun-report-token-7f3a', tencent: 'tencent-callback-token-91c2', wechat: 'wechat-event-token' };
const PUBLIC_URL = 'https://mf.example.com';

async function providers(): Promise<ProviderSettings> {
  return {
    aliyunSms: {
      accessKeyId: ALIYUN.keyId,
      accessKeySecret: ALIYUN.secret,
      signName: '会员俱乐部',
      templateCode: 'SMS_123456789',
      templateParam: 'content',
      endpoint: (await fakes.aliyun).url,
      regionId: 'cn-hangzhou',
      reportToken: TOKENS.aliyun,
    },
    tencentSms: {
      secretId: TENCENT.secretId,
      secretKey: TENCENT.secretKey,
      sdkAppId: '1400006666',
      signName: '会员俱乐部',
      templateId: '449739',
      region: 'ap-guangzhou',
      endpoint: (await fakes.tencent).url,
      callbackToken: TOKENS.tencent,
    },
    wechatOa: { appId: WECHAT.appId, appSecret: WECHAT.appSecret, apiBase: (await fakes.wechat).url, eventToken: TOKENS.wechat },
    twilio: {
      accountSid: TWILIO.accountSid,
      authToken: TWILIO.authToken,
      from: TWILIO.from,
      messagingServiceSid: null,
      apiBase: (await fakes.twilio).url,
      publicUrl: PUBLIC_URL,
    },
  };
}

type Kind = 'aliyun-sms' | 'tencent-sms' | 'wechat-oa' | 'twilio';

interface Case {
  kind: Kind;
  /** The receipt as the provider pushes it: delivered, or failed with `code`. */
  receipt(msgId: string, delivered: boolean): CallbackRequest;
  failedCode: string;
  /** The same receipt, not authentic (a wrong token or signature). */
  forged(msgId: string): CallbackRequest;
  /** What the provider must be answered (so it stops pushing). */
  answer: unknown;
}

const cases: Case[] = [
  {
    kind: 'aliyun-sms',
    receipt: (id, ok) => aliyunReport(TOKENS.aliyun, [{ bizId: id, success: ok, errCode: ok ? 'DELIVERED' : 'MK:0001' }]),
    failedCode: 'MK:0001',
    forged: (id) => aliyunReport('guessed-token', [{ bizId: id, success: true, errCode: 'DELIVERED' }]),
    answer: { code: 0, msg: '接收成功' },
  },
  {
    kind: 'tencent-sms',
    receipt: (id, ok) => tencentCallback(TOKENS.tencent, [{ sid: id, ok, errmsg: ok ? 'DELIVRD' : 'MN:0001' }]),
    failedCode: 'MN:0001',
    forged: (id) => tencentCallback('tencent-callback-token-91c3', [{ sid: id, ok: true, errmsg: 'DELIVRD' }]),
    answer: { result: 0, errmsg: 'OK' },
  },
  {
    kind: 'wechat-oa',
    receipt: (id, ok) => wechatJobFinished(TOKENS.wechat, id, ok ? 'success' : 'failed:user block'),
    failedCode: 'user block',
    forged: (id) => wechatJobFinished('not-the-token', id, 'success'),
    answer: 'success',
  },
  {
    kind: 'twilio',
    receipt: (id, ok) =>
      twilioStatus(TWILIO.authToken, PUBLIC_URL, {
        MessageSid: id,
        MessageStatus: ok ? 'delivered' : 'undelivered',
        ...(ok ? {} : { ErrorCode: '30003' }),
        AccountSid: TWILIO.accountSid,
        To: '+8613800001234',
        From: TWILIO.from,
        ApiVersion: '2010-04-01',
      }),
    failedCode: '30003',
    // Signed for another URL: the signature covers the address Twilio called.
    forged: (id) =>
      twilioStatus(TWILIO.authToken, 'https://attacker.example.com', { MessageSid: id, MessageStatus: 'delivered' }),
    answer: '',
  },
];

/** Purchase → the message → wait for its delivery (a day) → exit "delivered" or "no receipt". */
const waitForDelivery = (kind: Kind) =>
  buildWorkflow({
    settings: { entry: 'every_time' },
    nodes: [
      ['t', 'event_trigger', 'Purchase', { eventType: 'purchase' }],
      kind === 'wechat-oa'
        ? [
            's',
            'send_message',
            'WeChat',
            {
              channel: 'wechat',
              body: '感谢惠顾',
              marketing: false,
              wechat: { templateId: 'TM00015', keywords: [{ key: 'keyword1', value: '{{member.name}}' }] },
            },
          ]
        : ['s', 'send_message', 'SMS', { channel: 'sms', body: '{{member.name}}，感谢惠顾', marketing: false }],
      ['w', 'wait_for_event', 'Delivered?', { eventType: 'message_delivered', timeout: { amount: 1, unit: 'days' } }],
      ['d', 'exit', 'Delivered', { reason: 'delivered' }],
      ['x', 'exit', 'No receipt', { reason: 'no receipt' }],
    ],
    edges: [
      ['t', 'next', 's'],
      ['s', 'next', 'w'],
      ['w', 'event', 'd'],
      ['w', 'timeout', 'x'],
    ],
  });

const config = async (): Promise<Partial<RuntimeConfig>> => ({
  channels: {
    sms: { kind: 'log' },
    email: { kind: 'log' },
    wechat: { kind: 'wechat-oa' },
    push: { kind: 'log' },
    webhook: { kind: 'log' },
  },
  providers: await providers(),
});

const post = (infra: Infra, r: CallbackRequest) => infra.anonymous('POST', r.path, r.body, r.headers);

/** Two members each sent one message through the provider's fake; answers their provider message ids. */
async function sendTwo(infra: Infra, kind: Kind): Promise<{ first: string; second: string }> {
  await infra.sql(
    `INSERT INTO member (id, name, phone, attributes, time_zone) VALUES
       ('m-1', '李雷', '13800001234', '{"wechat_openid":"o-one"}', 'Asia/Shanghai'),
       ('m-2', '韩梅梅', '13800005678', '{"wechat_openid":"o-two"}', 'Asia/Shanghai')`,
  );
  await infra.publishDefinition('Delivered?', waitForDelivery(kind));
  const purchase = (memberId: string) => ({
    type: 'purchase',
    memberId,
    timestamp: new Date(JAN_1).toISOString(),
    properties: { amount: 30 },
  });
  expect((await infra.api('POST', '/api/v1/events', { events: [purchase('m-1'), purchase('m-2')] })).status).toBe(202);
  await infra.drain();
  const rows = await infra.sql<{ member_id: string; status: string; provider: string; provider_message_id: string }>(
    `SELECT member_id, status, provider, provider_message_id FROM effect WHERE kind = 'send_message' ORDER BY member_id`,
  );
  expect(rows.map((r) => [r.member_id, r.status, r.provider])).toEqual([
    ['m-1', 'done', kind],
    ['m-2', 'done', kind],
  ]);
  return { first: rows[0]!.provider_message_id, second: rows[1]!.provider_message_id };
}

const state = (infra: Infra) =>
  infra.sql<{ member_id: string; delivery_status: string | null; delivered_events: number; node: string }>(
    `SELECT f.member_id, f.delivery_status,
            (SELECT count(*)::int FROM event e WHERE e.member_id = f.member_id AND e.type = 'message_delivered') AS delivered_events,
            (SELECT j.current_node FROM journey j WHERE j.member_id = f.member_id) AS node
     FROM effect f WHERE f.kind = 'send_message' ORDER BY f.member_id`,
  );

for (const c of cases) {
  describe(`delivery receipts: ${c.kind}`, () => {
    test.scoped({
      // eslint-disable-next-line no-empty-pattern
      configOverrides: async ({}, use: (v: Partial<RuntimeConfig>) => Promise<void>) => {
        const base = await config();
        const sms = c.kind === 'wechat-oa' ? 'log' : c.kind;
        return use({ ...base, channels: { ...base.channels!, sms: { kind: sms } as never } });
      },
    } as never);

    test('a signed receipt sets the status and raises message_delivered once; forged ones are refused; failures keep the code', async ({
      infra,
    }) => {
      const { first, second } = await sendTwo(infra, c.kind);

      // Not authentic: refused, nothing recorded or raised.
      const forged = await post(infra, c.forged(first));
      expect(forged.status).toBe(403);
      expect(await state(infra)).toEqual([
        { member_id: 'm-1', delivery_status: null, delivered_events: 0, node: 'w' },
        { member_id: 'm-2', delivery_status: null, delivered_events: 0, node: 'w' },
      ]);

      // Delivered, pushed twice (providers retry): one event, and the waiting journey moves on.
      for (let i = 0; i < 2; i++) {
        const res = await post(infra, c.receipt(first, true));
        expect({ status: res.status, body: res.body ?? '' }).toEqual({ status: 200, body: c.answer });
      }
      await infra.drain();
      // Failed: the code is kept, no delivered event, the journey still waits.
      expect((await post(infra, c.receipt(second, false))).status).toBe(200);
      await infra.drain();
      expect(await state(infra)).toEqual([
        { member_id: 'm-1', delivery_status: 'delivered', delivered_events: 1, node: 'd' },
        { member_id: 'm-2', delivery_status: `failed:${c.failedCode}`, delivered_events: 0, node: 'w' },
      ]);
      const [event] = await infra.sql(`SELECT properties FROM event WHERE type = 'message_delivered'`);
      expect(event.properties).toMatchObject({
        provider: c.kind,
        messageId: first,
        channel: c.kind === 'wechat-oa' ? 'wechat' : 'sms',
        nodeId: 's',
      });

      if (c.kind === 'twilio') {
        // Intermediate statuses (queued, sending, sent) settle nothing.
        const sent = twilioStatus(TWILIO.authToken, PUBLIC_URL, { MessageSid: second, MessageStatus: 'sent' });
        expect((await post(infra, sent)).status).toBe(200);
        expect((await infra.sql(`SELECT delivery_status FROM effect WHERE provider_message_id = $1`, [second]))[0].delivery_status).toBe(`failed:${c.failedCode}`);
      }

      // A message we never sent: answered as the provider expects (so it stops), nothing raised.
      const unknown = await post(infra, c.receipt(c.kind === 'wechat-oa' ? '1000000000000000001' : 'not-ours-1', true));
      expect(unknown.status).toBe(200);
      expect((await infra.sql(`SELECT count(*)::int AS n FROM event WHERE type = 'message_delivered'`))[0].n).toBe(1);
    });
  });
}

describe('WeChat server URL check', () => {
  test.scoped({
    // eslint-disable-next-line no-empty-pattern
    configOverrides: async ({}, use: (v: Partial<RuntimeConfig>) => Promise<void>) => use(await config()),
  } as never);

  test('answers echostr when signed with WECHAT_EVENT_TOKEN, 403 otherwise', async ({ infra }) => {
    const q = wechatQuery(TOKENS.wechat);
    q.set('echostr', 'echo-5837397520767291532');
    const ok = await infra.anonymous('GET', `/api/v1/providers/wechat-oa/events?${q}`);
    expect({ status: ok.status, body: ok.body, type: ok.headers.get('content-type') }).toEqual({
      status: 200,
      body: 'echo-5837397520767291532',
      type: 'text/plain; charset=utf-8',
    });
    q.set('nonce', '1405431453');
    expect((await infra.anonymous('GET', `/api/v1/providers/wechat-oa/events?${q}`)).status).toBe(403);
  });
});

describe('receipt routes without their settings', () => {
  test('answer 404 naming the variable to set, and record nothing', async ({ infra }) => {
    const aliyun = await post(infra, aliyunReport(TOKENS.aliyun, [{ bizId: 'b-1', success: true, errCode: 'DELIVERED' }]));
    expect(aliyun).toMatchObject({ status: 404, body: { error: expect.stringContaining('ALIYUN_SMS_REPORT_TOKEN') } });
    const tencent = await post(infra, tencentCallback(TOKENS.tencent, [{ sid: 's-1', ok: true, errmsg: 'DELIVRD' }]));
    expect(tencent).toMatchObject({ status: 404, body: { error: expect.stringContaining('TENCENT_SMS_CALLBACK_TOKEN') } });
    const wechat = await post(infra, wechatJobFinished(TOKENS.wechat, '1', 'success'));
    expect(wechat).toMatchObject({ status: 404, body: { error: expect.stringContaining('WECHAT_EVENT_TOKEN') } });
    const twilio = await post(infra, twilioStatus(TWILIO.authToken, PUBLIC_URL, { MessageSid: 'SM1', MessageStatus: 'delivered' }));
    expect(twilio).toMatchObject({ status: 404, body: { error: expect.stringContaining('MEMBERFLOW_PUBLIC_URL') } });
    expect(await infra.sql(`SELECT type FROM event`)).toEqual([]);
  });
});
