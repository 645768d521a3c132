import pino from 'pino';

/**
 * Keys whose values are personal data or message text (and secrets): censored wherever they
 * appear in a log line's fields, at the top level or up to two objects down. Code logs member
 * ids, never these; the censor is the net under that rule.
 */
const KEYS = [
  'phone', 'mobile', 'email', 'name', 'names', 'firstName', 'lastName', 'fullName', 'nickname',
  'to', 'address', 'body', 'subject', 'text', 'html', 'content', 'payload', 'properties', 'attributes',
  'password', 'token', 'apiKey', 'authorization', 'cookie', 'csrfToken',
];

export const REDACT_PATHS = KEYS.flatMap((k) => [k, `*.${k}`, `*.*.${k}`]);
export const CENSOR = '[redacted]';

// Backstops for free text (error messages from drivers and providers): e-mail addresses,
// international numbers (+…), Chinese mobile numbers and North American 3-3-4 numbers.
// Narrow on purpose: dates, ids and counts in messages stay readable.
const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;
const PHONE = /\+\d[\d\s-]{5,}\d|(?<!\d)1[3-9]\d{9}(?!\d)|(?<!\d)\d{3}[\s.-]\d{3}[\s.-]\d{4}(?!\d)/g;

/** Free text with e-mail addresses and phone numbers masked. */
export function scrubText(s: string): string {
  return s.replace(EMAIL, '[email]').replace(PHONE, '[phone]');
}

function scrubDeep(v: unknown, depth = 0): unknown {
  if (typeof v === 'string') return scrubText(v);
  if (!v || typeof v !== 'object' || depth > 4) return v;
  if (Array.isArray(v)) return v.map((x) => scrubDeep(x, depth + 1));
  return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, scrubDeep(x, depth + 1)]));
}

/**
 * `err`: pino's error serializer (type, message, stack, code, cause…) with personal data masked
 * in every string (a Postgres detail such as "Key (email)=(…)" names the value). `error`: an
 * error's text passed as a plain string.
 */
export const serializers = {
  err: (e: unknown) => scrubDeep(e instanceof Error ? pino.stdSerializers.err(e) : e),
  error: (e: unknown) => (typeof e === 'string' ? scrubText(e) : scrubDeep(e instanceof Error ? pino.stdSerializers.err(e) : e)),
};
