import { lookup as dnsLookup, type LookupAddress, type LookupAllOptions, type LookupOptions } from 'node:dns';
import { isIP, isIPv4, isIPv6, type LookupFunction } from 'node:net';
import type { RuntimeConfig } from '../config.ts';

/**
 * Webhooks must not reach the server itself or its private network (SSRF): loopback, private,
 * link-local (cloud metadata at 169.254.169.254), carrier-grade NAT, multicast and reserved
 * addresses are refused unless WEBHOOK_ALLOWED_HOSTS names the host or WEBHOOK_ALLOW_PRIVATE=1.
 * A URL is checked as written (publish and send), and a host name again after DNS, on the very
 * addresses the connection then uses, so a name that rebinds to 127.0.0.1 cannot slip through.
 */
export type WebhookTargetPolicy = Pick<RuntimeConfig, 'webhookAllowPrivate' | 'webhookAllowedHosts'>;

/** Anything may be reached: for URLs the operator configured (CHANNEL_*=webhook:<url>). */
export const trustedTargets: WebhookTargetPolicy = { webhookAllowPrivate: true, webhookAllowedHosts: [] };

export type AddressKind =
  'loopback' | 'unspecified' | 'private' | 'link-local' | 'shared' | 'multicast' | 'broadcast' | 'reserved';

const described: Record<AddressKind, string> = {
  loopback: 'a loopback address',
  unspecified: 'an unspecified address',
  private: 'a private address',
  'link-local': 'a link-local address',
  shared: 'a shared (carrier-grade NAT) address',
  multicast: 'a multicast address',
  broadcast: 'a broadcast address',
  reserved: 'a reserved address',
};

const HINT = 'set WEBHOOK_ALLOWED_HOSTS to allow it';

/** A refused target: permanent, so the effect fails at once instead of being retried. */
export class WebhookTargetRefused extends Error {
  readonly code = 'ERR_WEBHOOK_TARGET_REFUSED';
  constructor(message: string) {
    super(message);
    this.name = 'WebhookTargetRefused';
  }
}

function ipv4Kind(a: number, b: number, c: number, d: number): AddressKind | null {
  if (a === 0) return 'unspecified'; // 0.0.0.0/8 "this network"; 0.0.0.0 reaches the local host
  if (a === 127) return 'loopback';
  if (a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168)) return 'private';
  if (a === 169 && b === 254) return 'link-local';
  if (a === 100 && b >= 64 && b <= 127) return 'shared';
  if (a === 192 && b === 0 && c === 0) return 'reserved'; // IETF protocol assignments
  if (a === 198 && (b === 18 || b === 19)) return 'reserved'; // benchmarking
  if (a >= 224 && a <= 239) return 'multicast';
  if (a === 255 && b === 255 && c === 255 && d === 255) return 'broadcast';
  if (a >= 240) return 'reserved';
  return null;
}

function parseIPv4(s: string): [number, number, number, number] | null {
  if (!isIPv4(s)) return null;
  return s.split('.').map(Number) as [number, number, number, number];
}

/** Eight 16-bit groups, or null when not an IPv6 address. A zone (%eth0) is ignored. */
export function parseIPv6(input: string): number[] | null {
  const s = input.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  if (!isIPv6(s)) return null;
  let text = s;
  const tail: number[] = [];
  const dotted = /(?:^|:)(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (dotted) {
    const v4 = parseIPv4(dotted[1]!);
    if (!v4) return null;
    tail.push((v4[0] << 8) | v4[1], (v4[2] << 8) | v4[3]);
    text = text.slice(0, text.length - dotted[1]!.length);
    if (text.endsWith(':') && !text.endsWith('::')) text = text.slice(0, -1);
  }
  const hex = (part: string) => (part === '' ? [] : part.split(':').map((g) => parseInt(g, 16)));
  const [head, rest] = text.includes('::') ? text.split('::') : [text, undefined];
  const left = hex(head!);
  const right = [...(rest === undefined ? [] : hex(rest)), ...tail];
  if (rest === undefined) return [...left, ...tail].length === 8 ? [...left, ...tail] : null;
  const fill = 8 - left.length - right.length;
  if (fill < 0) return null;
  return [...left, ...Array<number>(fill).fill(0), ...right];
}

function ipv6Kind(g: number[]): AddressKind | null {
  const zeros = (n: number) => g.slice(0, n).every((x) => x === 0);
  const v4 = (hi: number, lo: number) => ipv4Kind(hi >> 8, hi & 0xff, lo >> 8, lo & 0xff);
  if (zeros(8)) return 'unspecified';
  if (zeros(7) && g[7] === 1) return 'loopback';
  if (zeros(5) && g[5] === 0xffff) return v4(g[6]!, g[7]!); // IPv4-mapped ::ffff:a.b.c.d
  if (zeros(4) && g[4] === 0xffff && g[5] === 0) return v4(g[6]!, g[7]!); // IPv4-translated ::ffff:0:a.b.c.d
  if (zeros(6)) return 'reserved'; // IPv4-compatible ::a.b.c.d (deprecated)
  if (g[0] === 0x64 && g[1] === 0xff9b && g.slice(2, 6).every((x) => x === 0)) return v4(g[6]!, g[7]!); // NAT64
  if (g[0] === 0x2002) return v4(g[1]!, g[2]!); // 6to4 carries an IPv4 address
  if ((g[0]! & 0xfe00) === 0xfc00) return 'private'; // unique local fc00::/7
  if ((g[0]! & 0xffc0) === 0xfe80) return 'link-local'; // fe80::/10
  if ((g[0]! & 0xffc0) === 0xfec0) return 'private'; // site-local fec0::/10 (deprecated)
  if ((g[0]! & 0xff00) === 0xff00) return 'multicast';
  if (g[0] === 0x100 && g[1] === 0 && g[2] === 0 && g[3] === 0) return 'reserved'; // discard 100::/64
  return null;
}

/** Why a webhook may not reach this IP address (its kind), or null for a public address. */
export function forbiddenAddressKind(ip: string): AddressKind | null {
  const v4 = parseIPv4(ip);
  if (v4) return ipv4Kind(...v4);
  const v6 = parseIPv6(ip);
  return v6 ? ipv6Kind(v6) : null;
}

/** "a loopback address" etc., or null when the address is public. */
export function describeForbiddenAddress(ip: string): string | null {
  const kind = forbiddenAddressKind(ip);
  return kind ? described[kind] : null;
}

/** Host as compared: lower case, without IPv6 brackets or a trailing dot. */
const bareHost = (h: string) =>
  h
    .toLowerCase()
    .replace(/^\[|\]$/g, '')
    .replace(/\.$/, '');

const isLoopbackName = (host: string) => host === 'localhost' || host.endsWith('.localhost');

interface AllowEntry {
  host: string;
  port: number | null;
}

/** "host", "host:port", "[v6]", "[v6]:port" or a bare IPv6 address. */
function parseAllowEntry(entry: string): AllowEntry | null {
  const e = entry.trim();
  if (!e) return null;
  let host: string;
  let port: string | undefined;
  if (isIPv6(e)) host = `[${e}]`;
  else {
    const m = /^(\[[^\]]+\]|[^:[\]]+)(?::(\d{1,5}))?$/.exec(e);
    if (!m) return null;
    host = m[1]!;
    port = m[2];
  }
  try {
    // The URL parser normalises the host the same way it does for webhook URLs (case, IPv6 form).
    return { host: bareHost(new URL(`http://${host}/`).hostname), port: port === undefined ? null : Number(port) };
  } catch {
    return null;
  }
}

const effectivePort = (u: URL) => (u.port ? Number(u.port) : u.protocol === 'https:' ? 443 : 80);

/** Whether WEBHOOK_ALLOWED_HOSTS names this URL's host (and port, when the entry has one). */
export function isAllowedHost(u: URL, policy: WebhookTargetPolicy): boolean {
  const host = bareHost(u.hostname);
  const port = effectivePort(u);
  return policy.webhookAllowedHosts.some((raw) => {
    const e = parseAllowEntry(raw);
    return e !== null && e.host === host && (e.port === null || e.port === port);
  });
}

export type TargetCheck =
  | { ok: true; url: URL; host: string; /** The address must still be checked after DNS. */ resolveCheck: boolean }
  | { ok: false; reason: string };

/**
 * Checks a webhook URL as written, without DNS: scheme, credentials, and a host that is
 * literally a forbidden address or a localhost name. Used at publish and before every send.
 */
export function checkWebhookUrl(raw: string, policy: WebhookTargetPolicy): TargetCheck {
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    return { ok: false, reason: `webhook URL "${raw.slice(0, 200)}" is not a valid URL` };
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:')
    return { ok: false, reason: `webhook URL must use http or https, not ${u.protocol.replace(/:$/, '')}` };
  // Credentials would sit in stored effects and logs in clear text; sign or authenticate by header instead.
  if (u.username || u.password) return { ok: false, reason: 'webhook URL must not contain a user name or password' };
  const host = bareHost(u.hostname);
  if (policy.webhookAllowPrivate || isAllowedHost(u, policy)) return { ok: true, url: u, host, resolveCheck: false };
  if (isLoopbackName(host)) return { ok: false, reason: `webhook target ${host} is a loopback name; ${HINT}` };
  if (isIP(host)) {
    const d = describeForbiddenAddress(host);
    return d ? { ok: false, reason: `webhook target ${host} is ${d}; ${HINT}` } : { ok: true, url: u, host, resolveCheck: false };
  }
  return { ok: true, url: u, host, resolveCheck: true };
}

type Resolver = (
  hostname: string,
  options: LookupAllOptions,
  callback: (err: NodeJS.ErrnoException | null, addresses: LookupAddress[]) => void,
) => void;

const systemResolver: Resolver = (hostname, options, callback) => dnsLookup(hostname, options, callback);

/**
 * A `lookup` for node:http(s) that resolves the name once, refuses the connection when any
 * address it returned is forbidden, and hands exactly those addresses to the socket: the
 * address checked is the address connected to (no second resolution to rebind).
 */
export function guardedLookup(host: string, resolve: Resolver = systemResolver): LookupFunction {
  return (
    hostname: string,
    options: LookupOptions,
    callback: (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void,
  ) => {
    resolve(hostname, { ...options, all: true }, (err, addresses) => {
      if (err) return callback(err, '');
      if (!addresses.length)
        return callback(Object.assign(new Error(`webhook target ${host} did not resolve`), { code: 'ENOTFOUND' }), '');
      for (const a of addresses) {
        const d = describeForbiddenAddress(a.address);
        if (d) return callback(new WebhookTargetRefused(`webhook target ${host} resolves to ${a.address}, ${d}; ${HINT}`), '');
      }
      if (options.all) callback(null, addresses);
      else callback(null, addresses[0]!.address, addresses[0]!.family);
    });
  };
}
