import { isIPv4, isIPv6 } from 'node:net';

/**
 * The unit rate limits and lockouts count by: an IPv4 address, or an IPv6 /64 (one subscriber
 * usually holds a whole /64, so counting single IPv6 addresses would give them 2^64 budgets).
 */
export function clientAddress(ip: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (mapped) return mapped[1]!;
  if (isIPv4(ip) || !isIPv6(ip)) return ip;
  const [head, tail] = ip.toLowerCase().split('::') as [string, string | undefined];
  const left = head ? head.split(':') : [];
  const right = tail === undefined ? [] : tail ? tail.split(':') : [];
  // An embedded IPv4 tail (…:1.2.3.4) lies in the low 64 bits, which are dropped anyway.
  const groups = tail === undefined ? left : [...left, ...Array(8 - left.length - right.length).fill('0'), ...right];
  return `${groups.slice(0, 4).map((g) => g.replace(/^0+(?=.)/, '')).join(':')}::/64`;
}
