import { buildWorkflow } from '@memberflow/shared/templates/build';
import { afterAll, describe, expect, it } from 'vitest';
import { aliyunSmsProvider } from '../src/channels/aliyun-sms-provider.ts';
import type { OutgoingMessage } from '../src/channels/channel-provider.ts';
import { noProviders, type ProviderSettings } from '../src/channels/provider-settings.ts';
import { SendDeferred, SendRefused } from '../src/channels/send-outcome.ts';
import { tencentSmsProvider } from '../src/channels/tencent-sms-provider.ts';
import { twilioSmsProvider } from '../src/channels/twilio-sms-provider.ts';
import { wechatOaProvider } from '../src/channels/wechat-oa-provider.ts';
import { loadConfig, type RuntimeConfig } from '../src/config.ts';
import { JAN_1, test, type Infra } from './infra-fixture.ts';
import { ALIYUN, fakeAliyun, fakeTencent, fakeTwilio, fakeWechat, TENCENT, TWILIO, WECHAT } from './provider-fakes.ts';

const aliyun = fakeAliyun();
const tencent = fakeTencent();
const wechat = fakeWechat();
const twilio = fakeTwilio();
afterAll(async () => Promise.all([aliyun, tencent, wechat, twilio].map(async (f) => (await f).close())));

const aliyunSettings = async (secret = ALIYUN.secret): Promise<NonNullable<ProviderSettings['aliyunSms']>> => ({
  accessKeyId: ALIYUN.keyId,
  accessKeySecret: secret,
  signName: '会员俱乐部',
  templateCode: 'SMS_123456789',
  templateParam: 'content',
  endpoint: (await aliyun).url,
  regionId: 'cn-hangzhou',
  reportToken: 'aliyun-report-token',
});
const tencentSettings = async (secretKey = TENCENT.secretKey): Promise<NonNullable<ProviderSettings['tencentSms']>> => ({
  secretId: TENCENT.secretId,
  secretKey,
  sdkAppId: '1400006666',
  signName: '会员俱乐部',
  templateId: '449739',
  region: 'ap-guangzhou',
  endpoint: (await tencent).url,
  callbackToken: 'tencent-callback-token',
});
const wechatSettings = async (appSecret = WECHAT.appSecret): Promise<NonNullable<ProviderSettings['wechatOa']>> => ({
  appId: WECHAT.appId,
  appSecret,
  apiBase: (await wechat).url,
  eventToken: 'wechat-event-token',
});
const twilioSettings = async (authToken = TWILIO.authToken): Promise<NonNullable<ProviderSettings['twilio']>> => ({
  accountSid: TWILIO.accountSid,
  authToken,
  from: TWILIO.from,
  messagingServiceSid: null,
  apiBase: (await twilio).url,
  publicUrl: 'https://mf.example.com',
});

const sms = (to: string, body = '李雷您好，优惠券 C-1 已到账【会员俱乐部】'): OutgoingMessage => ({ key: `k-${to}`, memberId: 'm', channel: 'sms', to, subject: '', body });
const template = (to: string): OutgoingMessage => ({
  key: `k-${to}`,
  memberId: 'm',
  channel: 'wechat',
  to,
  subject: '',
  body: '您有一张优惠券',
  wechat: { templateId: 'TM00015', keywords: [{ key: 'keyword1', value: '¥10.00' }, { key: 'keyword2', value: '2026年1月11日' }] },
});

/** The error a send ends with (the test fails if it succeeds). */
async function failure(p: Promise<unknown>): Promise<Error> {
  try {
    await p;
  } catch (e) {
    return e as Error;
  }
  throw new Error('expected the send to fail');
}

describe('Aliyun SMS (RPC signature, HMAC-SHA1)', () => {
  it('sends the signed SendSms with sign name and template; keeps the BizId; maps throttling to retry and a bad number to failure', async () => {
    const p = aliyunSmsProvider(await aliyunSettings());
    const fake = await aliyun;
    const sent = await p.send(sms('13800001234'));
    const req = fake.received.at(-1)!;
    expect(req.authentic).toBe(true);
    expect(req.fields).toMatchObject({ Action: 'SendSms', Version: '2017-05-25', PhoneNumbers: '13800001234', SignName: '会员俱乐部', TemplateCode: 'SMS_123456789' });
    // Aliyun adds 【SignName】 itself: the runner's copy is dropped from the text.
    expect(JSON.parse(req.fields.TemplateParam as string)).toEqual({ content: '李雷您好，优惠券 C-1 已到账' });
    expect(sent).toEqual({ provider: 'aliyun-sms', messageId: expect.stringMatching(/1234\^0$/) });

    const throttled = await failure(p.send(sms('13800009999')));
    expect(throttled).toBeInstanceOf(SendDeferred);
    expect(throttled.message).toContain('isv.BUSINESS_LIMIT_CONTROL');
    expect(await p.send(sms('13800009999'))).toMatchObject({ provider: 'aliyun-sms' });

    const bad = await failure(p.send(sms('+8612345678')));
    expect(bad).toBeInstanceOf(SendRefused);
    expect(bad.message).toBe('aliyun-sms refused the message: isv.MOBILE_NUMBER_ILLEGAL 非法手机号');
  });

  it('a wrong AccessKey secret is refused by the server and fails as a credential error', async () => {
    const e = await failure(aliyunSmsProvider(await aliyunSettings('not-the-secret')).send(sms('13800001234')));
    expect((await aliyun).received.at(-1)!.authentic).toBe(false);
    expect(e).toBeInstanceOf(SendRefused);
    expect(e).toMatchObject({ code: 'SignatureDoesNotMatch', credentials: true });
  });
});

describe('Tencent Cloud SMS (TC3-HMAC-SHA256)', () => {
  it('sends SendSms 2021-01-11 signed for its host; keeps the SerialNo; rate limit retries; bad number and blocklist fail', async () => {
    const p = tencentSmsProvider(await tencentSettings());
    const fake = await tencent;
    const sent = await p.send(sms('138 0000 1234', '您的优惠券已到账'));
    const req = fake.received.at(-1)!;
    expect(req.authentic).toBe(true);
    expect(req.headers['x-tc-region']).toBe('ap-guangzhou');
    expect(req.fields).toMatchObject({
      PhoneNumberSet: ['+8613800001234'],
      SmsSdkAppId: '1400006666',
      SignName: '会员俱乐部',
      TemplateId: '449739',
      TemplateParamSet: ['您的优惠券已到账'],
      SessionContext: 'k-138 0000 1234',
    });
    expect(sent).toEqual({ provider: 'tencent-sms', messageId: expect.stringMatching(/^2028:1234/) });

    const limited = await failure(p.send(sms('13800009999')));
    expect(limited).toBeInstanceOf(SendDeferred);
    expect(limited.message).toContain('RequestLimitExceeded');
    expect(await p.send(sms('13800009999'))).toMatchObject({ provider: 'tencent-sms' });

    const bad = await failure(p.send(sms('+8612345678')));
    expect(bad).toBeInstanceOf(SendRefused);
    expect(bad.message).toBe('tencent-sms refused the message: InvalidParameterValue.IncorrectPhoneNumber 手机号格式错误');
    const refused = await failure(p.send(sms('13800000000')));
    expect(refused).toMatchObject({ code: 'FailedOperation.PhoneNumberInBlacklist', credentials: false });
  });

  it('a wrong SecretKey is refused by the server and fails as a credential error', async () => {
    const e = await failure(tencentSmsProvider(await tencentSettings('wrong-key')).send(sms('13800001234')));
    expect((await tencent).received.at(-1)!.authentic).toBe(false);
    expect(e).toMatchObject({ name: 'SendRefused', code: 'AuthFailure.SignatureFailure', credentials: true });
  });
});

describe('WeChat Official Account template messages', () => {
  it('fetches one access_token, reuses it, refreshes it on 42001; sends touser, template and keywords; keeps the 64-bit msgid', async () => {
    const fake = await wechat;
    let now = Date.now();
    const p = wechatOaProvider(await wechatSettings(), () => now);
    const tokensBefore = fake.tokens.length;
    const [a, b] = await Promise.all([p.send(template('o-first')), p.send(template('o-second'))]);
    expect(fake.tokens.length - tokensBefore).toBe(1);
    expect(a).toEqual({ provider: 'wechat-oa', messageId: expect.stringMatching(/^23456789012345670\d\d$/) });
    expect(b!.messageId).not.toBe(a!.messageId);
    const req = fake.received.at(-1)!;
    expect(req).toMatchObject({ path: '/cgi-bin/message/template/send', authentic: true });
    expect(req.fields).toEqual({
      touser: expect.stringMatching(/^o-(first|second)$/),
      template_id: 'TM00015',
      data: { keyword1: { value: '¥10.00' }, keyword2: { value: '2026年1月11日' } },
    });

    fake.expire(); // WeChat ends the token early (another process fetched one): 42001, fetch again, send again
    await p.send(template('o-third'));
    expect(fake.tokens.length - tokensBefore).toBe(2);
    now += 7200_000; // past expires_in: a new token before sending
    await p.send(template('o-fourth'));
    expect(fake.tokens.length - tokensBefore).toBe(3);

    const busy = await failure(p.send(template('o-busy')));
    expect(busy).toBeInstanceOf(SendDeferred);
    expect(busy.message).toBe('wechat-oa did not take the message yet: -1 system error');
    expect(await failure(p.send(template('o-quota')))).toBeInstanceOf(SendDeferred);
    const bad = await failure(p.send(template('x-not-an-openid')));
    expect(bad).toMatchObject({ name: 'SendRefused', code: '40003', detail: 'invalid openid', credentials: false });
  });

  it('a wrong AppSecret is refused when fetching the token and fails as a credential error', async () => {
    const e = await failure(wechatOaProvider(await wechatSettings('wrong')).send(template('o-first')));
    expect((await wechat).received.at(-1)).toMatchObject({ path: '/cgi-bin/token', authentic: false });
    expect(e).toMatchObject({ name: 'SendRefused', code: '40125', credentials: true });
  });
});

describe('Twilio SMS (Messages API, Basic auth)', () => {
  it('posts To, From, Body and the status callback; keeps the SID; 429 retries; invalid and unsubscribed numbers fail', async () => {
    const p = twilioSmsProvider(await twilioSettings());
    const fake = await twilio;
    const sent = await p.send(sms('13800001234', 'Your coupon C-1 is ready'));
    const req = fake.received.at(-1)!;
    expect(req.authentic).toBe(true);
    expect(req.fields).toEqual({
      To: '+8613800001234',
      From: TWILIO.from,
      Body: 'Your coupon C-1 is ready',
      StatusCallback: 'https://mf.example.com/api/v1/providers/twilio/status',
    });
    expect(sent).toEqual({ provider: 'twilio', messageId: expect.stringMatching(/^SM[0-9a-f]{32}$/) });

    const limited = await failure(p.send(sms('+8613800009999')));
    expect(limited).toBeInstanceOf(SendDeferred);
    expect(limited.message).toBe('twilio did not take the message yet: 20429 Too Many Requests');
    expect(await p.send(sms('+8613800009999'))).toMatchObject({ provider: 'twilio' });
    expect(await failure(p.send(sms('+8612345678')))).toMatchObject({ name: 'SendRefused', code: '21211' });
    expect(await failure(p.send(sms('+8613800000000')))).toMatchObject({ name: 'SendRefused', code: '21610', detail: 'Attempt to send to unsubscribed recipient' });
  });

  it('a wrong Auth Token is refused by the server (401, 20003) and fails as a credential error', async () => {
    const e = await failure(twilioSmsProvider(await twilioSettings('wrong')).send(sms('13800001234')));
    expect((await twilio).received.at(-1)!.authentic).toBe(false);
    expect(e).toMatchObject({ name: 'SendRefused', code: '20003', credentials: true });
  });
});

describe('provider settings from the environment', () => {
  const base = { CHANNEL_SMS: 'aliyun-sms', ALIYUN_ACCESS_KEY_ID: 'id', ALIYUN_ACCESS_KEY_SECRET: 's', ALIYUN_SMS_SIGN_NAME: 'n', ALIYUN_SMS_TEMPLATE_CODE: 'SMS_1' };
  it('names the missing or bad variable; a provider only loads when a channel uses it', () => {
    expect(loadConfig({}).providers).toEqual(noProviders);
    expect(loadConfig(base).providers.aliyunSms).toMatchObject({ endpoint: 'https://dysmsapi.aliyuncs.com', templateParam: 'content' });
    expect(() => loadConfig({ ...base, ALIYUN_ACCESS_KEY_SECRET: '' })).toThrow('CHANNEL_SMS=aliyun-sms needs ALIYUN_ACCESS_KEY_SECRET');
    expect(() => loadConfig({ ...base, ALIYUN_SMS_ENDPOINT: 'ftp://x' })).toThrow('ALIYUN_SMS_ENDPOINT must be an http(s) URL');
    expect(() => loadConfig({ CHANNEL_EMAIL: 'twilio' })).toThrow('CHANNEL_EMAIL=twilio: twilio can only send sms');
    expect(() => loadConfig({ CHANNEL_SMS: 'twilio', TWILIO_ACCOUNT_SID: 'nope' })).toThrow('TWILIO_ACCOUNT_SID must be AC followed by 32 hex digits');
    expect(() => loadConfig({ CHANNEL_SMS: 'twilio', TWILIO_ACCOUNT_SID: TWILIO.accountSid, TWILIO_AUTH_TOKEN: 't' })).toThrow(
      'CHANNEL_SMS=twilio needs TWILIO_FROM or TWILIO_MESSAGING_SERVICE_SID',
    );
    expect(() => loadConfig({ CHANNEL_WECHAT: 'wechat-oa', WECHAT_APP_ID: 'wx' })).toThrow('CHANNEL_WECHAT=wechat-oa needs WECHAT_APP_SECRET');
    expect(() => loadConfig({ CHANNEL_SMS: 'tencent-sms', TENCENT_SMS_SDK_APP_ID: 'abc' })).toThrow('TENCENT_SMS_SDK_APP_ID must be');
  });
});

/** Purchase → SMS → WeChat template message, service messages (no cap, no quiet hours). */
const smsThenWechat = buildWorkflow({
  settings: { entry: 'every_time' },
  nodes: [
    ['t', 'event_trigger', 'Purchase', { eventType: 'purchase' }],
    ['s', 'send_message', 'SMS', { channel: 'sms', body: '{{member.name}}，感谢惠顾', marketing: false }],
    [
      'w',
      'send_message',
      'WeChat',
      {
        channel: 'wechat',
        body: '感谢惠顾',
        marketing: false,
        wechat: { templateId: 'TM00015', keywords: [{ key: 'keyword1', value: '{{member.name}}' }] },
      },
    ],
    ['x', 'exit', 'Done', { reason: 'done' }],
  ],
  edges: [
    ['t', 'next', 's'],
    ['s', 'next', 'w'],
    ['w', 'next', 'x'],
  ],
});

export interface SentRow {
  member_id: string;
  channel: string;
  status: string;
  attempts: number;
  provider: string | null;
  provider_message_id: string | null;
  error: string | null;
}

/** Three members: one accepted, one throttled once, one with a bad number and openid; returns their effects. */
export async function sendThroughDispatcher(infra: Infra, run: number): Promise<SentRow[]> {
  // The fakes throttle a busy recipient's first request only: each run has busy recipients of its own.
  await infra.sql(
    `INSERT INTO member (id, name, phone, attributes, time_zone) VALUES
       ('m-ok', '李雷', '13800001234', '{"wechat_openid":"o-ok"}', 'Asia/Shanghai'),
       ('m-busy', '韩梅梅', '138000${run}9999', '{"wechat_openid":"o-m${run}-busy"}', 'Asia/Shanghai'),
       ('m-bad', '王芳', '+8612345678', '{"wechat_openid":"x-bad"}', 'Asia/Shanghai')`,
  );
  await infra.publishDefinition('Thanks', smsThenWechat);
  const purchase = (memberId: string) => ({ type: 'purchase', memberId, timestamp: new Date(JAN_1).toISOString(), properties: { amount: 30 } });
  expect((await infra.api('POST', '/api/v1/events', { events: ['m-ok', 'm-busy', 'm-bad'].map(purchase) })).status).toBe(202);
  await infra.drain();
  return infra.sql<SentRow>(
    `SELECT member_id, payload->>'channel' AS channel, status, attempts, provider, provider_message_id, error
     FROM effect WHERE kind = 'send_message' ORDER BY member_id, payload->>'channel'`,
  );
}

/** Config with both channels on real providers served by the fakes. */
export const providerConfig = async (smsKind: 'aliyun-sms' | 'tencent-sms' | 'twilio'): Promise<Partial<RuntimeConfig>> => ({
  channels: { sms: { kind: smsKind }, email: { kind: 'log' }, wechat: { kind: 'wechat-oa' }, push: { kind: 'log' }, webhook: { kind: 'log' } },
  providers: {
    aliyunSms: await aliyunSettings(),
    tencentSms: await tencentSettings(),
    wechatOa: await wechatSettings(),
    twilio: { ...(await twilioSettings()), publicUrl: null },
  },
});

const expectedCodes = { 'aliyun-sms': 'isv.MOBILE_NUMBER_ILLEGAL', 'tencent-sms': 'InvalidParameterValue.IncorrectPhoneNumber', twilio: '21211' } as const;

for (const [run, kind] of (['aliyun-sms', 'tencent-sms', 'twilio'] as const).entries()) {
  describe(`through the effect dispatcher: ${kind} and wechat-oa`, () => {
    test.scoped({
      // eslint-disable-next-line no-empty-pattern
      configOverrides: async ({}, use: (v: Partial<RuntimeConfig>) => Promise<void>) => use(await providerConfig(kind)),
    } as never);

    test('accepted: done with the provider id; throttled: retried, then done; bad number or openid: failed at once with the code', async ({ infra }) => {
      const rows = await sendThroughDispatcher(infra, run + 1);
      const id = (p: string) => (p === 'wechat-oa' ? expect.stringMatching(/^\d{19}$/) : expect.any(String));
      const done = (member: string, channel: string, provider: string, attempts: number) => ({
        member_id: member,
        channel,
        status: 'done',
        attempts,
        provider,
        provider_message_id: id(provider),
        error: null,
      });
      expect(rows).toEqual([
        {
          member_id: 'm-bad',
          channel: 'sms',
          status: 'failed',
          attempts: 1,
          provider: null,
          provider_message_id: null,
          error: expect.stringContaining(`${kind} refused the message: ${expectedCodes[kind]}`),
        },
        {
          member_id: 'm-bad',
          channel: 'wechat',
          status: 'failed',
          attempts: 1,
          provider: null,
          provider_message_id: null,
          error: 'wechat-oa refused the message: 40003 invalid openid',
        },
        done('m-busy', 'sms', kind, 2),
        done('m-busy', 'wechat', 'wechat-oa', 2),
        done('m-ok', 'sms', kind, 1),
        done('m-ok', 'wechat', 'wechat-oa', 1),
      ]);
    });
  });
}
