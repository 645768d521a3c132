import { createHash, createHmac } from 'node:crypto';
import { sameSecret } from '../auth/secret-token.ts';

/*
 * How each provider proves a callback is its own. WeChat and Twilio sign their requests; Aliyun
 * and Tencent SMS do not sign their pushes at all, so their receipt URLs carry a secret token the
 * operator sets in the provider's console (and in our environment): without it nobody can post a
 * receipt, and it is compared in constant time.
 */

/** The secret token in an Aliyun or Tencent receipt URL; a provider without one configured accepts none. */
export function tokenMatches(configured: string | null, presented: string): boolean {
  return configured !== null && sameSecret(configured, presented);
}

/** WeChat's server-URL signature: sha1 of token, timestamp and nonce sorted and joined, in hex. */
export function wechatSignature(token: string, timestamp: string, nonce: string): string {
  return createHash('sha1').update([token, timestamp, nonce].sort().join('')).digest('hex');
}

export function wechatSigned(token: string | null, q: { signature: string; timestamp: string; nonce: string }): boolean {
  return token !== null && sameSecret(wechatSignature(token, q.timestamp, q.nonce), q.signature.toLowerCase());
}

/**
 * Twilio's X-Twilio-Signature: base64 HMAC-SHA1, keyed by the Auth Token, of the full URL Twilio
 * requested followed by every POST field's name and value, sorted by name.
 */
export function twilioSignature(authToken: string, url: string, fields: [string, string][]): string {
  const data = [...fields].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).reduce((s, [k, v]) => s + k + v, url);
  return createHmac('sha1', authToken).update(data, 'utf8').digest('base64');
}

export function twilioSigned(authToken: string, url: string, fields: [string, string][], presented: string): boolean {
  return presented !== '' && sameSecret(twilioSignature(authToken, url, fields), presented);
}
