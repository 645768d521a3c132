import { buildWorkflow } from '@memberflow/shared/templates/build';
import { afterAll, describe, expect, it } from 'vitest';
import { linkKey, linksIn, linkToken, readLinkToken, trackLinks } from '../src/channels/tracked-links.ts';
import { loadConfig, type RuntimeConfig } from '../src/config.ts';
import { JAN_1, test, type Infra } from './infra-fixture.ts';
import { ALIYUN, fakeAliyun } from './provider-fakes.ts';

const aliyun = fakeAliyun();
afterAll(async () => (await aliyun).close());

const PUBLIC_URL = 'https://mf.example.com';
const EFFECT = '0f8fad5b-d9cb-469f-a165-70867728950e';

describe('tracked links', () => {
  const key = linkKey('a-secret');

  it('finds links as a member reads them: CJK punctuation and a sentence’s full stop are not part of them', () => {
    expect(linksIn('券：https://shop.example.com/c/1?utm=sms。详情 https://shop.example.com/help. 回复T退订')).toEqual([
      'https://shop.example.com/c/1?utm=sms',
      'https://shop.example.com/help',
    ]);
    expect(linksIn('no links, just www.example.com')).toEqual([]);
  });

  it('replaces each link with a short token naming the effect and the link; a changed or foreign token reads as nothing', () => {
    const sent = trackLinks('A https://a.example/x, B https://b.example/y.', PUBLIC_URL, key, EFFECT);
    const [a, b] = linksIn(sent);
    expect(sent).toBe(`A ${a}, B ${b}.`);
    expect(a).toMatch(/^https:\/\/mf\.example\.com\/r\/[A-Za-z0-9_-]{34}$/);
    expect(readLinkToken(key, a!.split('/r/')[1]!)).toEqual({ effectId: EFFECT, index: 0 });
    expect(readLinkToken(key, b!.split('/r/')[1]!)).toEqual({ effectId: EFFECT, index: 1 });
    const token = linkToken(key, { effectId: EFFECT, index: 0 });
    const flipped = token.slice(0, 5) + (token[5] === 'A' ? 'B' : 'A') + token.slice(6);
    expect(readLinkToken(key, flipped)).toBeNull();
    expect(readLinkToken(linkKey('another-secret'), token)).toBeNull();
    expect(readLinkToken(key, 'short')).toBeNull();
  });

  it('TRACK_LINKS=1 needs MEMBERFLOW_PUBLIC_URL', () => {
    expect(() => loadConfig({ TRACK_LINKS: '1' })).toThrow('TRACK_LINKS=1 needs MEMBERFLOW_PUBLIC_URL');
    expect(() => loadConfig({ TRACK_LINKS: 'yes', MEMBERFLOW_PUBLIC_URL: PUBLIC_URL })).toThrow(
      'TRACK_LINKS must be 1 (on) or 0 (off)',
    );
    expect(loadConfig({ TRACK_LINKS: '1', MEMBERFLOW_PUBLIC_URL: `${PUBLIC_URL}/` })).toMatchObject({
      trackLinks: true,
      publicUrl: PUBLIC_URL,
    });
  });
});

/** Purchase → an SMS with two links → wait for a click (a day) → exit "clicked" or "no click". */
const waitForClick = buildWorkflow({
  settings: { entry: 'every_time' },
  nodes: [
    ['t', 'event_trigger', 'Purchase', { eventType: 'purchase' }],
    [
      's',
      'send_message',
      'SMS',
      {
        channel: 'sms',
        body: '{{member.name}}，券已到账：https://shop.example.com/c/1?utm=sms 。规则 https://shop.example.com/help',
        marketing: false,
      },
    ],
    ['w', 'wait_for_event', 'Clicked?', { eventType: 'message_clicked', timeout: { amount: 1, unit: 'days' } }],
    ['d', 'exit', 'Clicked', { reason: 'clicked' }],
    ['x', 'exit', 'No click', { reason: 'no click' }],
  ],
  edges: [
    ['t', 'next', 's'],
    ['s', 'next', 'w'],
    ['w', 'event', 'd'],
    ['w', 'timeout', 'x'],
  ],
});

const open = (infra: Infra, link: string, method = 'GET') =>
  fetch(`${infra.runtime.url}${link.slice(PUBLIC_URL.length)}`, { method, redirect: 'manual' });

describe('clicks through the redirect', () => {
  test.scoped({
    // eslint-disable-next-line no-empty-pattern
    configOverrides: async ({}, use: (v: Partial<RuntimeConfig>) => Promise<void>) =>
      use({
        channels: {
          sms: { kind: 'aliyun-sms' },
          email: { kind: 'log' },
          wechat: { kind: 'log' },
          push: { kind: 'log' },
          webhook: { kind: 'log' },
        },
        providers: {
          aliyunSms: {
            accessKeyId: ALIYUN.keyId,
            accessKeySecret: ALIYUN.secret,
            signName: '会员俱乐部',
            templateCode: 'SMS_123456789',
            templateParam: 'content',
            endpoint: (await aliyun).url,
            regionId: 'cn-hangzhou',
            reportToken: null,
          },
          tencentSms: null,
          wechatOa: null,
          twilio: null,
        },
        publicUrl: PUBLIC_URL,
        trackLinks: true,
      }),
  } as never);

  test('the SMS carries tracked links; opening one redirects to the original, raises message_clicked once and moves the waiting journey on', async ({
    infra,
  }) => {
    await infra.sql(`INSERT INTO member (id, name, phone, time_zone) VALUES ('m-1', '李雷', '13800001234', 'Asia/Shanghai')`);
    await infra.publishDefinition('Clicked?', waitForClick);
    const purchase = { type: 'purchase', memberId: 'm-1', timestamp: new Date(JAN_1).toISOString(), properties: { amount: 30 } };
    expect((await infra.api('POST', '/api/v1/events', purchase)).status).toBe(202);
    await infra.drain();

    const sent = JSON.parse((await aliyun).received.at(-1)!.fields.TemplateParam as string).content as string;
    const [first, second] = linksIn(sent);
    expect(sent).toBe(`李雷，券已到账：${first} 。规则 ${second}`);
    const [stored] = await infra.sql(`SELECT id, payload->>'body' AS body FROM effect WHERE kind = 'send_message'`);
    expect(stored.body).toBe('李雷，券已到账：https://shop.example.com/c/1?utm=sms 。规则 https://shop.example.com/help');

    // A link preview (HEAD) redirects but is not a click.
    expect((await open(infra, first!, 'HEAD')).status).toBe(302);
    const clicks = async () =>
      (await infra.sql(`SELECT count(*)::int AS n FROM event WHERE type = 'message_clicked'`))[0].n as number;
    expect(await clicks()).toBe(0);

    for (let i = 0; i < 2; i++) {
      const res = await open(infra, first!);
      expect({ status: res.status, location: res.headers.get('location') }).toEqual({
        status: 302,
        location: 'https://shop.example.com/c/1?utm=sms',
      });
    }
    await infra.drain();
    expect(await clicks()).toBe(1);
    const [event] = await infra.sql(`SELECT member_id, properties FROM event WHERE type = 'message_clicked'`);
    expect(event).toEqual({
      member_id: 'm-1',
      properties: {
        url: 'https://shop.example.com/c/1?utm=sms',
        linkIndex: 0,
        channel: 'sms',
        provider: 'aliyun-sms',
        effectId: stored.id,
        workflowId: expect.any(String),
        nodeId: 's',
      },
    });
    expect((await infra.sql(`SELECT current_node FROM journey WHERE member_id = 'm-1'`))[0].current_node).toBe('d');

    expect((await open(infra, second!)).headers.get('location')).toBe('https://shop.example.com/help');
    expect(await clicks()).toBe(2);
    // A token with one character changed names nothing.
    const token = first!.split('/r/')[1]!;
    const forged = `${PUBLIC_URL}/r/${token.slice(0, 3)}${token[3] === 'a' ? 'b' : 'a'}${token.slice(4)}`;
    expect((await open(infra, forged)).status).toBe(404);
    expect(await clicks()).toBe(2);
  });
});
