import { createHash, createHmac } from 'node:crypto';
import type { ChannelProvider } from './channel-provider.ts';
import { providerRequest, unexpectedAnswer } from './provider-http.ts';
import type { TencentSmsSettings } from './provider-settings.ts';
import { e164, SendDeferred, SendRefused } from './send-outcome.ts';

/*
 * Tencent Cloud SMS (SendSms, API 2021-01-11), signed with TC3-HMAC-SHA256. Not the SDK: sending
 * is one signed request, the SDK is large and hides the very request the tests must check.
 */

const SERVICE = 'sms';
const CONTENT_TYPE = 'application/json; charset=utf-8';

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const hmac = (key: string | Buffer, s: string) => createHmac('sha256', key).update(s).digest();

/** The Authorization header for a JSON POST to `host` at `timestamp` (seconds). */
export function tc3Authorization(secretId: string, secretKey: string, host: string, payload: string, timestamp: number): string {
  const date = new Date(timestamp * 1000).toISOString().slice(0, 10);
  const signedHeaders = 'content-type;host';
  const canonicalRequest = ['POST', '/', '', `content-type:${CONTENT_TYPE}\nhost:${host}\n`, signedHeaders, sha256(payload)].join('\n');
  const scope = `${date}/${SERVICE}/tc3_request`;
  const stringToSign = ['TC3-HMAC-SHA256', String(timestamp), scope, sha256(canonicalRequest)].join('\n');
  const signingKey = hmac(hmac(hmac(`TC3${secretKey}`, date), SERVICE), 'tc3_request');
  const signature = createHmac('sha256', signingKey).update(stringToSign).digest('hex');
  return `TC3-HMAC-SHA256 Credential=${secretId}/${scope}, SignedHeaders=${signedHeaders}, Signature=${signature}`;
}

// Request-rate limits and Tencent's own trouble pass; per-number hourly and daily caps do not
// within the dispatcher's minute of retries, so they fail like the other refusals.
const RETRY = /^(RequestLimitExceeded(\..*)?|LimitExceeded\.PhoneNumberThirtySecondLimit|InternalError(\..*)?|ResourceUnavailable(\..*)?)$/;
const CREDENTIALS = /^(AuthFailure(\..*)?|UnauthorizedOperation(\..*)?)$/;

function refusalOrRetry(code: string, detail: string, status: number): Error {
  if (RETRY.test(code) || status >= 500) return new SendDeferred('tencent-sms', code, detail);
  return new SendRefused('tencent-sms', code, detail, CREDENTIALS.test(code));
}

export function tencentSmsProvider(s: TencentSmsSettings, now: () => number = Date.now): ChannelProvider {
  const url = new URL(`${s.endpoint}/`);
  return {
    async send(m) {
      const phone = e164(m.to, 'tencent-sms');
      const payload = JSON.stringify({
        PhoneNumberSet: [phone],
        SmsSdkAppId: s.sdkAppId,
        SignName: s.signName,
        TemplateId: s.templateId,
        TemplateParamSet: [m.body],
        // Our idempotency key comes back in receipts and lets support find the message.
        SessionContext: m.key.slice(0, 512),
      });
      const timestamp = Math.floor(now() / 1000);
      const a = await providerRequest('tencent-sms', url.href, {
        method: 'POST',
        headers: {
          authorization: tc3Authorization(s.secretId, s.secretKey, url.host, payload, timestamp),
          'content-type': CONTENT_TYPE,
          'x-tc-action': 'SendSms',
          'x-tc-version': '2021-01-11',
          'x-tc-timestamp': String(timestamp),
          'x-tc-region': s.region,
        },
        body: payload,
      });
      const r = a.json?.Response as { Error?: { Code?: string; Message?: string }; SendStatusSet?: { Code?: string; Message?: string; SerialNo?: string }[] } | undefined;
      if (!r) throw unexpectedAnswer('tencent-sms', a);
      if (r.Error?.Code) throw refusalOrRetry(r.Error.Code, r.Error.Message ?? '', a.status);
      const one = r.SendStatusSet?.[0];
      if (!one?.Code) throw unexpectedAnswer('tencent-sms', a);
      if (one.Code === 'Ok' && one.SerialNo) return { provider: 'tencent-sms', messageId: one.SerialNo };
      throw refusalOrRetry(one.Code, one.Message ?? '', a.status);
    },
  };
}
