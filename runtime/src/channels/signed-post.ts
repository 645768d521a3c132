import { createHmac } from 'node:crypto';
import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { checkWebhookUrl, guardedLookup, WebhookTargetRefused, type WebhookTargetPolicy } from './webhook-target-guard.ts';

/** `t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body">`: receivers recompute it with the shared secret. */
export function signBody(secret: string, body: string, at = Date.now()): string {
  const t = Math.floor(at / 1000);
  return `t=${t},v1=${createHmac('sha256', secret).update(`${t}.${body}`).digest('hex')}`;
}

const TIMEOUT_MS = 10_000;

export interface SignedPoster {
  /** POSTs (or PUTs) a JSON body signed with the secret and carrying the idempotency key. */
  post(url: string, method: string, body: string, key: string): Promise<void>;
  close(): void;
}

export interface SignedPosterOptions {
  secret: string;
  /** Which targets may be reached (see webhook-target-guard.ts). */
  targets: WebhookTargetPolicy;
  /** DNS resolution, replaceable in tests. */
  resolve?: Parameters<typeof guardedLookup>[1];
}

/**
 * Sends signed webhooks with node:http(s), checking each target first: the URL as written, and
 * for host names every address DNS returns, pinned for the connection. Redirects are not
 * followed (a redirect could point anywhere), so a 3xx answer is a failed delivery.
 */
export function signedPoster(opts: SignedPosterOptions): SignedPoster {
  const agents = { http: new HttpAgent({ keepAlive: true }), https: new HttpsAgent({ keepAlive: true }) };
  return {
    post(url, method, body, key) {
      const target = checkWebhookUrl(url, opts.targets);
      if (!target.ok) return Promise.reject(new WebhookTargetRefused(target.reason));
      const u = target.url;
      const secure = u.protocol === 'https:';
      const where = `${method} ${u.origin}${u.pathname}`;
      return new Promise<void>((resolve, reject) => {
        const req = (secure ? httpsRequest : httpRequest)(u, {
          method,
          agent: secure ? agents.https : agents.http,
          headers: {
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(body),
            'idempotency-key': key,
            'x-memberflow-signature': signBody(opts.secret, body),
          },
          ...(target.resolveCheck ? { lookup: guardedLookup(target.host, opts.resolve) } : {}),
        });
        const timer = setTimeout(
          () => req.destroy(new Error(`${where} did not answer within ${TIMEOUT_MS / 1000} s`)),
          TIMEOUT_MS,
        );
        const done = (err?: Error) => {
          clearTimeout(timer);
          if (err) reject(err);
          else resolve();
        };
        req.on('error', (e) => done(e));
        req.on('response', (res: IncomingMessage) => {
          const status = res.statusCode ?? 0;
          res.resume(); // the answer's body is not needed; drain it so the socket is reused
          res.on('error', (e) => done(e));
          res.on('end', () => {
            if (status >= 200 && status < 300) done();
            else
              done(
                new Error(`${where} answered ${status}${status >= 300 && status < 400 ? ' (redirects are not followed)' : ''}`),
              );
          });
        });
        req.end(body);
      });
    },
    close() {
      agents.http.destroy();
      agents.https.destroy();
    },
  };
}
