import { lookup } from 'node:dns/promises';
import { createServer, type IncomingMessage } from 'node:http';
import { BlockList, type AddressInfo } from 'node:net';
import { hostname } from 'node:os';
import { buildWorkflow } from '@memberflow/shared/templates/build';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { signedPoster } from '../src/channels/signed-post.ts';
import {
  checkWebhookUrl,
  forbiddenAddressKind,
  isAllowedHost,
  WebhookTargetRefused,
  type WebhookTargetPolicy,
} from '../src/channels/webhook-target-guard.ts';
import type { RuntimeConfig } from '../src/config.ts';
import { createWorkflow, publishWorkflow } from '../src/workflows/workflow-store.ts';
import { JAN_1, test } from './infra-fixture.ts';

const deny: WebhookTargetPolicy = { webhookAllowPrivate: false, webhookAllowedHosts: [] };
const allow = (...hosts: string[]): WebhookTargetPolicy => ({ webhookAllowPrivate: false, webhookAllowedHosts: hosts });

// One local receiver for every test in the file: it records what reached it.
const received: { url: string; headers: IncomingMessage['headers']; body: string }[] = [];
const server = createServer((req, res) => {
  let body = '';
  req.on('data', (c) => (body += c));
  req.on('end', () => {
    received.push({ url: req.url ?? '', headers: req.headers, body });
    res.statusCode = req.url === '/redirect' ? 302 : 204;
    if (req.url === '/redirect') res.setHeader('location', 'http://169.254.169.254/latest/meta-data/');
    res.end();
  });
});
const port = await new Promise<number>((ok) => server.listen(0, '127.0.0.1', () => ok((server.address() as AddressInfo).port)));
afterAll(() => void server.close());

/** A host name (from /etc/hosts here) that resolves to loopback only, to show the check after DNS. */
async function loopbackName(): Promise<string | null> {
  for (const name of [hostname(), 'vm', 'runsc', 'ip6-localhost', 'ip6-loopback']) {
    if (!name || name === 'localhost' || name.endsWith('.localhost')) continue;
    const found = await lookup(name, { all: true }).catch(() => []);
    if (found.length && found.every((a) => forbiddenAddressKind(a.address) === 'loopback' && a.family === 4)) return name;
  }
  return null;
}
const NAME = await loopbackName();

/** A complaint trigger, then call_webhook nodes in a row ("hook" first), then exit. */
function hookFlow(url: string, more: [id: string, url: string][] = []) {
  const hooks: [string, string][] = [['hook', url], ...more];
  return buildWorkflow({
    nodes: [
      ['t', 'event_trigger', 'Complaint', { eventType: 'complaint' }],
      ...hooks.map(([id, u]): [string, 'call_webhook', string, Record<string, unknown>] => [
        id,
        'call_webhook',
        id,
        { url: u, method: 'POST', body: '{"member": "{{member.id}}"}' },
      ]),
      ['x', 'exit', 'Done', { reason: 'done' }],
    ],
    edges: [['t', 'next', 'hook'], ...hooks.map(([id], i): [string, string, string] => [id, 'next', hooks[i + 1]?.[0] ?? 'x'])],
  });
}

const complaint = (memberId: string) => ({
  type: 'complaint',
  memberId,
  timestamp: new Date(JAN_1).toISOString(),
  properties: {},
});

describe('which addresses webhooks may not reach', () => {
  it('classifies IPv4, IPv6, IPv4-mapped and embedded addresses, edges of each range included', () => {
    const cases: [string, ReturnType<typeof forbiddenAddressKind>][] = [
      ['127.0.0.1', 'loopback'],
      ['127.255.255.254', 'loopback'],
      ['0.0.0.0', 'unspecified'],
      ['0.1.2.3', 'unspecified'],
      ['10.0.0.1', 'private'],
      ['10.255.255.255', 'private'],
      ['11.0.0.0', null],
      ['172.15.255.255', null],
      ['172.16.0.0', 'private'],
      ['172.31.255.255', 'private'],
      ['172.32.0.0', null],
      ['192.167.255.255', null],
      ['192.168.0.1', 'private'],
      ['192.169.0.0', null],
      ['169.254.169.254', 'link-local'],
      ['169.253.255.255', null],
      ['169.255.0.0', null],
      ['100.63.255.255', null],
      ['100.64.0.0', 'shared'],
      ['100.100.100.200', 'shared'],
      ['100.127.255.255', 'shared'],
      ['100.128.0.0', null],
      ['223.255.255.255', null],
      ['224.0.0.1', 'multicast'],
      ['239.255.255.255', 'multicast'],
      ['240.0.0.1', 'reserved'],
      ['255.255.255.255', 'broadcast'],
      ['8.8.8.8', null],
      ['93.184.216.34', null],
      ['::', 'unspecified'],
      ['::1', 'loopback'],
      ['0:0:0:0:0:0:0:1', 'loopback'],
      ['::2', 'reserved'],
      ['::ffff:127.0.0.1', 'loopback'],
      ['::ffff:7f00:1', 'loopback'],
      ['::ffff:169.254.169.254', 'link-local'],
      ['::ffff:a9fe:a9fe', 'link-local'],
      ['::ffff:10.1.2.3', 'private'],
      ['::ffff:8.8.8.8', null],
      ['::ffff:0:127.0.0.1', 'loopback'],
      ['64:ff9b::127.0.0.1', 'loopback'],
      ['64:ff9b::8.8.8.8', null],
      ['2002:7f00:1::1', 'loopback'],
      ['2002:808:808::1', null],
      ['fc00::1', 'private'],
      ['fd00:ec2::254', 'private'],
      ['fdff:ffff:ffff:ffff:ffff:ffff:ffff:ffff', 'private'],
      ['fbff::1', null],
      ['fe80::1', 'link-local'],
      ['fe80::1%eth0', 'link-local'],
      ['febf:ffff::1', 'link-local'],
      ['fec0::1', 'private'],
      ['ff02::1', 'multicast'],
      ['100::1', 'reserved'],
      ['2001:4860:4860::8888', null],
      ['2606:4700:4700::1111', null],
      ['example.com', null],
      ['', null],
    ];
    expect(cases.map(([ip]) => [ip, forbiddenAddressKind(ip)])).toEqual(cases);
  });

  it('agrees with an independent block list on random IPv4 addresses, and reads them the same when IPv4-mapped', () => {
    const blocked = new BlockList();
    for (const [net, bits] of [
      ['0.0.0.0', 8],
      ['10.0.0.0', 8],
      ['100.64.0.0', 10],
      ['127.0.0.0', 8],
      ['169.254.0.0', 16],
      ['172.16.0.0', 12],
      ['192.0.0.0', 24],
      ['192.168.0.0', 16],
      ['198.18.0.0', 15],
      ['224.0.0.0', 4],
      ['240.0.0.0', 4],
    ] as const)
      blocked.addSubnet(net, bits);
    const octet = fc.integer({ min: 0, max: 255 });
    // Bias half the draws into the interesting first octets so every range is visited.
    const first = fc.oneof(octet, fc.constantFrom(0, 10, 100, 127, 169, 172, 192, 198, 223, 224, 239, 240, 255));
    fc.assert(
      fc.property(first, octet, octet, octet, (a, b, c, d) => {
        const ip = `${a}.${b}.${c}.${d}`;
        const kind = forbiddenAddressKind(ip);
        expect(kind !== null).toBe(blocked.check(ip, 'ipv4'));
        expect(forbiddenAddressKind(`::ffff:${ip}`)).toBe(kind);
        const hex = (x: number, y: number) => ((x << 8) | y).toString(16);
        expect(forbiddenAddressKind(`::ffff:${hex(a, b)}:${hex(c, d)}`)).toBe(kind);
      }),
      { numRuns: 2000 },
    );
  });

  it('checks URLs as written: scheme, credentials, localhost names and literal addresses in any spelling', () => {
    const reason = (u: string, p = deny) => {
      const r = checkWebhookUrl(u, p);
      return r.ok ? null : r.reason;
    };
    expect(reason('http://127.0.0.1:8080/hook')).toBe(
      'webhook target 127.0.0.1 is a loopback address; set WEBHOOK_ALLOWED_HOSTS to allow it',
    );
    // The URL parser turns decimal, hex and short forms into dotted quads first.
    expect(reason('http://2130706433/')).toMatch(/^webhook target 127\.0\.0\.1 is a loopback address/);
    expect(reason('http://0x7f.1/')).toMatch(/^webhook target 127\.0\.0\.1 is a loopback address/);
    expect(reason('http://0/')).toMatch(/^webhook target 0\.0\.0\.0 is an unspecified address/);
    expect(reason('http://169.254.169.254/latest/meta-data/')).toBe(
      'webhook target 169.254.169.254 is a link-local address; set WEBHOOK_ALLOWED_HOSTS to allow it',
    );
    expect(reason('http://[::1]:3000/')).toMatch(/^webhook target ::1 is a loopback address/);
    expect(reason('http://[::ffff:127.0.0.1]/')).toMatch(/^webhook target ::ffff:7f00:1 is a loopback address/);
    expect(reason('http://[fd00::5]/')).toMatch(/is a private address/);
    expect(reason('http://localhost:3000/')).toBe(
      'webhook target localhost is a loopback name; set WEBHOOK_ALLOWED_HOSTS to allow it',
    );
    expect(reason('http://LocalHost./')).toMatch(/^webhook target localhost is a loopback name/);
    expect(reason('http://api.localhost/')).toMatch(/^webhook target api\.localhost is a loopback name/);
    expect(reason('ftp://example.com/')).toBe('webhook URL must use http or https, not ftp');
    expect(reason('file:///etc/passwd')).toBe('webhook URL must use http or https, not file');
    expect(reason('https://user:secret@example.com/')).toBe('webhook URL must not contain a user name or password');
    expect(reason('not a url')).toMatch(/is not a valid URL/);
    // Public addresses and names pass; names are checked again after DNS.
    expect(checkWebhookUrl('https://8.8.8.8/', deny)).toMatchObject({ ok: true, resolveCheck: false });
    expect(checkWebhookUrl('https://hooks.example.com/x', deny)).toMatchObject({
      ok: true,
      resolveCheck: true,
      host: 'hooks.example.com',
    });
  });

  it('WEBHOOK_ALLOWED_HOSTS names a host, or a host and port; WEBHOOK_ALLOW_PRIVATE allows every address', () => {
    const ok = (u: string, p: WebhookTargetPolicy) => checkWebhookUrl(u, p).ok;
    expect(ok('http://127.0.0.1:8080/', allow('127.0.0.1:8080'))).toBe(true);
    expect(ok('http://127.0.0.1:8081/', allow('127.0.0.1:8080'))).toBe(false);
    expect(ok('http://127.0.0.1:8081/', allow('127.0.0.1'))).toBe(true);
    expect(ok('http://localhost:3000/', allow('LOCALHOST'))).toBe(true);
    expect(ok('http://[::1]:8080/', allow('[::1]:8080'))).toBe(true);
    expect(ok('http://[::1]:8080/', allow('0:0:0:0:0:0:0:1'))).toBe(true);
    expect(ok('http://[::1]:9/', allow('[::1]:8080'))).toBe(false);
    expect(isAllowedHost(new URL('https://gw.internal/x'), allow('gw.internal:443'))).toBe(true);
    expect(isAllowedHost(new URL('http://gw.internal/x'), allow('gw.internal:443'))).toBe(false);
    expect(isAllowedHost(new URL('http://gw.internal./x'), allow('gw.internal'))).toBe(true);
    expect(isAllowedHost(new URL('http://evil.gw.internal/x'), allow('gw.internal'))).toBe(false);
    expect(isAllowedHost(new URL('http://gw.internal/x'), allow('', ':80', 'bad entry', '[::1'))).toBe(false);
    expect(ok('http://10.0.0.5/', { webhookAllowPrivate: true, webhookAllowedHosts: [] })).toBe(true);
    // Neither setting lifts the rules on schemes and credentials.
    expect(ok('https://u:p@10.0.0.5/', { webhookAllowPrivate: true, webhookAllowedHosts: ['10.0.0.5'] })).toBe(false);
  });
});

describe('sending checks the resolved addresses and connects to exactly those', () => {
  it('a name resolving to loopback is refused after DNS, before any connection; so is a mix', async () => {
    const before = received.length;
    const calls: string[] = [];
    const fake =
      (answers: string[]) => (name: string, _o: unknown, cb: (e: null, a: { address: string; family: number }[]) => void) => {
        calls.push(name);
        cb(
          null,
          answers.map((address) => ({ address, family: address.includes(':') ? 6 : 4 })),
        );
      };
    const send = (answers: string[]) => {
      const poster = signedPoster({ secret: 's', targets: deny, resolve: fake(answers) as never });
      return poster.post(`http://rebind.example.test:${port}/hook`, 'POST', '{}', 'k1').finally(() => poster.close());
    };
    await expect(send(['127.0.0.1'])).rejects.toThrow(
      new WebhookTargetRefused(
        'webhook target rebind.example.test resolves to 127.0.0.1, a loopback address; set WEBHOOK_ALLOWED_HOSTS to allow it',
      ),
    );
    await expect(send(['93.184.216.34', '169.254.169.254'])).rejects.toBeInstanceOf(WebhookTargetRefused);
    await expect(send(['::ffff:10.0.0.1'])).rejects.toThrow(/resolves to ::ffff:10\.0\.0\.1, a private address/);
    // One resolution per connection: the checked answer is the one the socket uses.
    expect(calls).toEqual(['rebind.example.test', 'rebind.example.test', 'rebind.example.test']);
    expect(received.length).toBe(before);
  });

  it('redirects are not followed', async () => {
    const poster = signedPoster({ secret: 's', targets: allow(`127.0.0.1:${port}`) });
    const before = received.length;
    await expect(poster.post(`http://127.0.0.1:${port}/redirect`, 'POST', '{}', 'k2')).rejects.toThrow(
      `POST http://127.0.0.1:${port}/redirect answered 302 (redirects are not followed)`,
    );
    expect(received.slice(before).map((r) => r.url)).toEqual(['/redirect']);
    poster.close();
  });

  it.skipIf(!NAME)('a real name from /etc/hosts that resolves to loopback is refused, or sent when allowed', async () => {
    const refused = signedPoster({ secret: 's', targets: deny });
    await expect(refused.post(`http://${NAME}:${port}/named`, 'POST', '{}', 'k3')).rejects.toThrow(
      `webhook target ${NAME} resolves to 127.0.0.1, a loopback address; set WEBHOOK_ALLOWED_HOSTS to allow it`,
    );
    const allowed = signedPoster({ secret: 's', targets: allow(`${NAME}:${port}`) });
    await allowed.post(`http://${NAME}:${port}/named`, 'POST', '{"a":1}', 'k3');
    expect(received.at(-1)).toMatchObject({ url: '/named', body: '{"a":1}' });
    refused.close();
    allowed.close();
  });
});

describe('call_webhook targets in the runtime (no allow list)', () => {
  test('publish refuses a node whose URL is literally a loopback, private or link-local address, naming the field', async ({
    infra,
  }) => {
    const def = hookFlow(`http://127.0.0.1:${port}/hook`, [
      ['meta', 'http://169.254.169.254/latest/meta-data/'],
      ['v6', 'http://[::1]/x'],
      ['local', 'http://localhost:3000/x'],
      ['fine', 'https://hooks.example.com/x'],
    ]);
    const created = await infra.api('POST', '/api/v1/workflows', { name: 'Hooks', definition: def });
    expect(created.status).toBe(201);
    expect(created.body.violations).toEqual([]); // a draft may hold them; only publishing refuses
    const pub = await infra.api('POST', `/api/v1/workflows/${created.body.id}/publish`);
    expect(pub.status).toBe(400);
    expect(pub.body.error).toBe(
      'Cannot publish: node "hook": webhook target 127.0.0.1 is a loopback address; set WEBHOOK_ALLOWED_HOSTS to allow it',
    );
    expect(pub.body.issues).toEqual([
      {
        field: 'nodes.hook.config.url',
        message: 'webhook target 127.0.0.1 is a loopback address; set WEBHOOK_ALLOWED_HOSTS to allow it',
      },
      {
        field: 'nodes.meta.config.url',
        message: 'webhook target 169.254.169.254 is a link-local address; set WEBHOOK_ALLOWED_HOSTS to allow it',
      },
      {
        field: 'nodes.v6.config.url',
        message: 'webhook target ::1 is a loopback address; set WEBHOOK_ALLOWED_HOSTS to allow it',
      },
      {
        field: 'nodes.local.config.url',
        message: 'webhook target localhost is a loopback name; set WEBHOOK_ALLOWED_HOSTS to allow it',
      },
    ]);
    expect(pub.body.violations[0]).toMatchObject({ code: 'config', nodeId: 'hook', field: 'config.url' });
    const wf = (await infra.api('GET', `/api/v1/workflows/${created.body.id}`)).body;
    expect(wf).toMatchObject({ status: 'draft', liveVersion: null, versions: [] });
  });

  test('a version published before (under a wider allow list) is refused at send time: failed with the reason, never retried', async ({
    infra,
  }) => {
    // Published as if WEBHOOK_ALLOW_PRIVATE had been on then; this runtime has no allow list.
    const wf = await createWorkflow(infra.runtime.db, {
      name: 'Old hook',
      description: '',
      definition: hookFlow(`http://127.0.0.1:${port}/old`),
    });
    await publishWorkflow(infra.runtime.db, wf.id, { webhookAllowPrivate: true, webhookAllowedHosts: [] });
    const before = received.length;
    await infra.api('POST', '/api/v1/events', complaint('r1'));
    await infra.drain();
    expect(await infra.sql(`SELECT status, attempts, error FROM effect WHERE kind = 'call_webhook'`)).toEqual([
      {
        status: 'failed',
        attempts: 1,
        error: 'webhook target 127.0.0.1 is a loopback address; set WEBHOOK_ALLOWED_HOSTS to allow it',
      },
    ]);
    const [job] = await infra.runtime.effectQueue.getFailed();
    expect(job).toMatchObject({
      attemptsMade: 1,
      failedReason: 'webhook target 127.0.0.1 is a loopback address; set WEBHOOK_ALLOWED_HOSTS to allow it',
    });
    expect(await infra.runtime.effectQueue.getJobCounts('delayed', 'waiting')).toEqual({ delayed: 0, waiting: 0 });
    expect(received.length).toBe(before);
    // The journey itself went on: the effect failed, not the member's step.
    expect(await infra.sql(`SELECT status FROM journey`)).toEqual([{ status: 'completed' }]);
    const f = (await infra.api('GET', `/api/v1/workflows/${wf.id}/failures`)).body;
    expect(f.effects).toMatchObject([
      { memberId: 'r1', kind: 'call_webhook', attempts: 1, error: expect.stringContaining('WEBHOOK_ALLOWED_HOSTS') },
    ]);
  });

  test.skipIf(!NAME)('a host name that resolves to loopback passes publish but is refused at send time', async ({ infra }) => {
    await infra.publishDefinition('Named hook', hookFlow(`http://${NAME}:${port}/named-hook`));
    const before = received.length;
    await infra.api('POST', '/api/v1/events', complaint('r2'));
    await infra.drain();
    expect(await infra.sql(`SELECT status, attempts, error FROM effect WHERE kind = 'call_webhook'`)).toEqual([
      {
        status: 'failed',
        attempts: 1,
        error: `webhook target ${NAME} resolves to 127.0.0.1, a loopback address; set WEBHOOK_ALLOWED_HOSTS to allow it`,
      },
    ]);
    expect(received.length).toBe(before);
  });
});

describe('call_webhook targets in the runtime with WEBHOOK_ALLOWED_HOSTS', () => {
  test.override({
    configOverrides: {
      webhookAllowedHosts: [`127.0.0.1:${port}`, ...(NAME ? [`${NAME}:${port}`] : [])],
    } satisfies Partial<RuntimeConfig>,
  });

  test('an allowed host and port is published and delivered; the same host on another port is not', async ({ infra }) => {
    const other = await infra.api('POST', '/api/v1/workflows', {
      name: 'Other port',
      definition: hookFlow(`http://127.0.0.1:${port === 65535 ? 1 : port + 1}/x`),
    });
    expect((await infra.api('POST', `/api/v1/workflows/${other.body.id}/publish`)).body.issues[0].field).toBe(
      'nodes.hook.config.url',
    );
    await infra.publishDefinition(
      'Allowed',
      hookFlow(`http://127.0.0.1:${port}/allowed`, NAME ? [['named', `http://${NAME}:${port}/allowed-name`]] : []),
    );
    await infra.api('POST', '/api/v1/events', complaint('a1'));
    await infra.drain();
    expect(await infra.sql(`SELECT DISTINCT status, attempts, error FROM effect WHERE kind = 'call_webhook'`)).toEqual([
      { status: 'done', attempts: 1, error: null },
    ]);
    const got = received.filter((r) => r.url.startsWith('/allowed'));
    expect(got.map((r) => r.url).sort()).toEqual(NAME ? ['/allowed', '/allowed-name'] : ['/allowed']);
    expect(JSON.parse(got.find((r) => r.url === '/allowed')!.body)).toEqual({ member: 'a1' });
    expect(got[0]!.headers['x-memberflow-signature']).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
  });
});

describe('call_webhook targets in the runtime with WEBHOOK_ALLOW_PRIVATE=1', () => {
  test.override({ configOverrides: { webhookAllowPrivate: true } satisfies Partial<RuntimeConfig> });

  test('any private target is published and delivered', async ({ infra }) => {
    await infra.publishDefinition('Private', hookFlow(`http://127.0.0.1:${port}/private`));
    await infra.api('POST', '/api/v1/events', complaint('p1'));
    await infra.drain();
    expect(await infra.sql(`SELECT status, attempts FROM effect WHERE kind = 'call_webhook'`)).toEqual([
      { status: 'done', attempts: 1 },
    ]);
    expect(received.some((r) => r.url === '/private')).toBe(true);
  });
});

describe('a backtest decides effects but never carries them out', () => {
  test.override({ configOverrides: { webhookAllowPrivate: true } satisfies Partial<RuntimeConfig> });

  test('a call_webhook in a backtested draft is counted, not called', async ({ infra }) => {
    await infra.api('POST', '/api/v1/events', { events: ['b1', 'b2'].map(complaint) });
    await infra.drain();
    const created = await infra.api('POST', '/api/v1/workflows', {
      name: 'Backtest hook',
      definition: hookFlow(`http://127.0.0.1:${port}/backtest`),
    });
    const r = await infra.api('POST', `/api/v1/workflows/${created.body.id}/backtests`, { days: 30 });
    expect(r.status).toBe(202);
    // The job runs in the worker; poll its record until it has finished.
    const deadline = Date.now() + 120_000;
    let run = (await infra.api('GET', `/api/v1/backtests/${r.body.id}`)).body;
    while (!['done', 'failed', 'cancelled'].includes(run.status) && Date.now() < deadline) {
      await new Promise((ok) => setTimeout(ok, 200));
      run = (await infra.api('GET', `/api/v1/backtests/${r.body.id}`)).body;
    }
    expect(run.status).toBe('done');
    expect(run.report.effectsByKind).toEqual({ call_webhook: 2 });
    await new Promise((ok) => setTimeout(ok, 300)); // anything sent late would have arrived by now
    expect(received.filter((x) => x.url === '/backtest')).toEqual([]);
  });
});
