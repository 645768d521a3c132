import { createHmac, timingSafeEqual } from 'node:crypto';

/*
 * Click tracking for links in messages. At send time each http(s) link in the body becomes
 * <public URL>/r/<token>; the token holds the effect's id and the link's place in the body, with
 * a MAC, so nobody can make one up or point it elsewhere. The original body stays on the effect:
 * the redirect reads the link from there, so the token stays short (34 characters) for SMS.
 */

const MAC_BYTES = 8;
const MAX_LINKS = 255;

// A URL ends at whitespace, quotes, angle brackets or CJK punctuation; trailing ASCII punctuation is the sentence's.
const LINK = /https?:\/\/[^\s<>"'`，。；：！？、（）《》「」【】]+/g;
const TRAILING = /[.,;:!?)\]}]+$/;

export interface LinkRef {
  effectId: string;
  index: number;
}

/** The links in a message body, in order, as a member sees them. */
export function linksIn(body: string): string[] {
  return [...body.matchAll(LINK)].map((m) => m[0].replace(TRAILING, ''));
}

/** The key for link MACs, derived so it is never the webhook signing key itself. */
export const linkKey = (secret: string): Buffer => createHmac('sha256', secret).update('memberflow tracked links v1').digest();

const mac = (key: Buffer, data: Buffer) => createHmac('sha256', key).update(data).digest().subarray(0, MAC_BYTES);

export function linkToken(key: Buffer, ref: LinkRef): string {
  const data = Buffer.concat([Buffer.from(ref.effectId.replace(/-/g, ''), 'hex'), Buffer.from([ref.index])]);
  return Buffer.concat([data, mac(key, data)]).toString('base64url');
}

/** The effect and link a token names, or null when it is not one of ours. */
export function readLinkToken(key: Buffer, token: string): LinkRef | null {
  if (!/^[A-Za-z0-9_-]{34}$/.test(token)) return null;
  const raw = Buffer.from(token, 'base64url');
  if (raw.length !== 17 + MAC_BYTES) return null;
  const data = raw.subarray(0, 17);
  if (!timingSafeEqual(mac(key, data), raw.subarray(17))) return null;
  const hex = data.subarray(0, 16).toString('hex');
  const effectId = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  return { effectId, index: data[16]! };
}

/** The body as sent: each link (up to 255) replaced by its tracked one. */
export function trackLinks(body: string, publicUrl: string, key: Buffer, effectId: string): string {
  let index = 0;
  return body.replace(LINK, (found) => {
    const url = found.replace(TRAILING, '');
    if (index >= MAX_LINKS) return found;
    const tracked = `${publicUrl}/r/${linkToken(key, { effectId, index: index++ })}`;
    return tracked + found.slice(url.length);
  });
}
