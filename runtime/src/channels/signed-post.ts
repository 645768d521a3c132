import { createHmac } from 'node:crypto';

/** `t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body">`: receivers recompute it with the shared secret. */
export function signBody(secret: string, body: string, at = Date.now()): string {
  const t = Math.floor(at / 1000);
  return `t=${t},v1=${createHmac('sha256', secret).update(`${t}.${body}`).digest('hex')}`;
}

/** POSTs (or PUTs) a JSON body signed with the secret and carrying the idempotency key. */
export async function signedPost(url: string, method: string, body: string, key: string, secret: string): Promise<void> {
  const res = await fetch(url, {
    method,
    headers: { 'content-type': 'application/json', 'idempotency-key': key, 'x-memberflow-signature': signBody(secret, body) },
    body,
    signal: AbortSignal.timeout(10_000),
  });
  if (!res.ok) throw new Error(`${method} ${url} answered ${res.status}`);
}
