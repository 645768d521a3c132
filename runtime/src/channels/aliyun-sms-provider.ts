import { createHmac, randomUUID } from 'node:crypto';
import type { ChannelProvider } from './channel-provider.ts';
import { providerRequest, unexpectedAnswer } from './provider-http.ts';
import type { AliyunSmsSettings } from './provider-settings.ts';
import { SendDeferred, SendRefused } from './send-outcome.ts';

/*
 * Aliyun SMS (Dysmsapi 2017-05-25, SendSms), signed with the RPC-style signature version 1.0
 * (HMAC-SHA1 over the canonicalized query). Not the SDK: sending is one signed request, the SDK
 * is large and hides the very request the tests must check.
 */

/** Aliyun's percent-encoding: RFC 3986, only A-Z a-z 0-9 - _ . ~ left as they are (space is %20). */
export function aliyunPercent(s: string): string {
  return encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** Base64 HMAC-SHA1, keyed "<secret>&", of "METHOD&%2F&" + the encoded, sorted, encoded query. */
export function aliyunRpcSignature(secret: string, method: string, params: Record<string, string>): string {
  const canonical = Object.keys(params)
    .sort()
    .map((k) => `${aliyunPercent(k)}=${aliyunPercent(params[k]!)}`)
    .join('&');
  return createHmac('sha1', `${secret}&`).update(`${method}&${aliyunPercent('/')}&${aliyunPercent(canonical)}`).digest('base64');
}

const RETRY = /^(Throttling(\..*)?|ServiceUnavailable|InternalError|isp\.SYSTEM_ERROR|isv\.BUSINESS_LIMIT_CONTROL|SignatureNonceUsed)$/;
const CREDENTIALS =
  /^(InvalidAccessKeyId(\..*)?|SignatureDoesNotMatch|IncompleteSignature|Forbidden\.RAM|isp\.RAM_PERMISSION_DENY|isv\.ACCOUNT_NOT_EXISTS|isv\.ACCOUNT_ABNORMAL|InvalidTimeStamp(\..*)?)$/;

/** The runner appends the saved SMS signature; Aliyun adds 【SignName】 itself, so a matching one is dropped. */
function withoutOwnSignature(body: string, signName: string): string {
  const own = `【${signName}】`;
  return body.endsWith(own) ? body.slice(0, -own.length) : body;
}

export function aliyunSmsProvider(s: AliyunSmsSettings, now: () => number = Date.now): ChannelProvider {
  return {
    async send(m) {
      const phone = (m.to ?? '').replace(/[\s-]/g, '').replace(/^\+86/, '');
      if (!phone) throw new SendRefused('aliyun-sms', 'isv.MOBILE_NUMBER_ILLEGAL', 'the member has no phone number');
      const params: Record<string, string> = {
        AccessKeyId: s.accessKeyId,
        Action: 'SendSms',
        Format: 'JSON',
        PhoneNumbers: phone,
        RegionId: s.regionId,
        SignName: s.signName,
        SignatureMethod: 'HMAC-SHA1',
        SignatureNonce: randomUUID(),
        SignatureVersion: '1.0',
        TemplateCode: s.templateCode,
        TemplateParam: JSON.stringify({ [s.templateParam]: withoutOwnSignature(m.body, s.signName) }),
        Timestamp: new Date(now()).toISOString().replace(/\.\d{3}Z$/, 'Z'),
        Version: '2017-05-25',
      };
      const form = { ...params, Signature: aliyunRpcSignature(s.accessKeySecret, 'POST', params) };
      const body = Object.entries(form)
        .map(([k, v]) => `${aliyunPercent(k)}=${aliyunPercent(v)}`)
        .join('&');
      const a = await providerRequest('aliyun-sms', `${s.endpoint}/`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body,
      });
      const code = typeof a.json?.Code === 'string' ? a.json.Code : null;
      const detail = typeof a.json?.Message === 'string' ? a.json.Message : '';
      if (code === 'OK' && typeof a.json?.BizId === 'string') return { provider: 'aliyun-sms', messageId: a.json.BizId };
      if (!code) throw unexpectedAnswer('aliyun-sms', a);
      if (RETRY.test(code) || a.status >= 500) throw new SendDeferred('aliyun-sms', code, detail);
      throw new SendRefused('aliyun-sms', code, detail, CREDENTIALS.test(code));
    },
  };
}
