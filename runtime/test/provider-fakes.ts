import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/*
 * Local stand-ins for Aliyun SMS, Tencent Cloud SMS, WeChat Official Accounts and Twilio. Each
 * checks requests with its own implementation of the provider's documented signature, written
 * here from the documentation and independent of runtime/src/channels (which these tests check),
 * and answers as the provider does: success, its rate-limit error, its invalid-number error.
 * Recipients pick the answer: "busy" ones are throttled on their first request, then accepted.
 */

export interface Received {
  path: string;
  headers: IncomingMessage['headers'];
  /** Form fields, the JSON body, or the query for GETs. */
  fields: Record<string, unknown>;
  /** The provider's verdict on the signature or credentials. */
  authentic: boolean;
}

export interface Fake {
  url: string;
  received: Received[];
  close(): Promise<void>;
}

type Handler = (req: IncomingMessage, body: string, res: ServerResponse) => Received | null;

async function serve(handler: Handler): Promise<Fake> {
  const received: Received[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const r = handler(req, Buffer.concat(chunks).toString('utf8'), res);
      if (r) received.push(r);
    });
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    close: () => new Promise<void>((ok) => server.close(() => ok())),
  };
}

const json = (res: ServerResponse, status: number, body: unknown, text?: string) => {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(text ?? JSON.stringify(body));
};

const sameText = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

/** Counts requests per recipient, so "busy" recipients are throttled once. */
function firstTime() {
  const seen = new Map<string, number>();
  return (who: string) => {
    const n = (seen.get(who) ?? 0) + 1;
    seen.set(who, n);
    return n === 1;
  };
}

function formFields(body: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const pair of body.split('&').filter(Boolean)) {
    const [k, v = ''] = pair.split('=');
    out[decodeURIComponent(k!.replace(/\+/g, ' '))] = decodeURIComponent(v.replace(/\+/g, ' '));
  }
  return out;
}

// ---------- Aliyun: POP RPC signature, version 1.0 ----------

/** Byte by byte: unreserved characters stay, every other UTF-8 byte becomes %XX (upper case). */
function popEncode(s: string): string {
  let out = '';
  for (const b of Buffer.from(s, 'utf8')) {
    const c = String.fromCharCode(b);
    out += /[A-Za-z0-9_.~-]/.test(c) ? c : `%${b.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

function aliyunSignatureOk(fields: Record<string, string>, secret: string): boolean {
  const canonical = Object.keys(fields)
    .filter((k) => k !== 'Signature')
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    .map((k) => `${popEncode(k)}=${popEncode(fields[k]!)}`)
    .join('&');
  const stringToSign = `POST&${popEncode('/')}&${popEncode(canonical)}`;
  const expected = createHmac('sha1', `${secret}&`).update(stringToSign, 'utf8').digest('base64');
  return sameText(expected, fields.Signature ?? '');
}

export const ALIYUN = { keyId: 'LTAI-test-key', secret: 'aliyun-secret-value' };

export function fakeAliyun(): Promise<Fake> {
  const nonces = new Set<string>();
  const first = firstTime();
  return serve((req, body, res) => {
    const f = formFields(body);
    const skewOk = Math.abs(Date.parse(f.Timestamp ?? '') - Date.now()) < 15 * 60_000;
    const authentic = f.AccessKeyId === ALIYUN.keyId && aliyunSignatureOk(f, ALIYUN.secret) && skewOk && f.SignatureMethod === 'HMAC-SHA1' && f.SignatureVersion === '1.0';
    const request = { path: req.url ?? '', headers: req.headers, fields: f, authentic };
    const RequestId = randomBytes(8).toString('hex');
    if (!authentic)
      return json(res, 400, { RequestId, Code: 'SignatureDoesNotMatch', Message: 'Specified signature is not matched with our calculation.' }), request;
    if (nonces.has(f.SignatureNonce!)) return json(res, 400, { RequestId, Code: 'SignatureNonceUsed', Message: 'Specified signature nonce was used already.' }), request;
    nonces.add(f.SignatureNonce!);
    const phone = f.PhoneNumbers ?? '';
    if (!/^1\d{10}$/.test(phone)) return json(res, 200, { RequestId, Code: 'isv.MOBILE_NUMBER_ILLEGAL', Message: '非法手机号' }), request;
    if (phone.endsWith('9999') && first(phone))
      return json(res, 200, { RequestId, Code: 'isv.BUSINESS_LIMIT_CONTROL', Message: '触发分钟级流控Permits:1' }), request;
    return json(res, 200, { RequestId, Code: 'OK', Message: 'OK', BizId: `${Date.now()}${phone.slice(-4)}^0` }), request;
  });
}

// ---------- Tencent Cloud: TC3-HMAC-SHA256 ----------

export const TENCENT = { secretId: 'AKID-test', secretKey: 'tencent-secret-key' };

const hex256 = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');

function tencentSignatureOk(req: IncomingMessage, body: string): boolean {
  const m = /^TC3-HMAC-SHA256 Credential=([^/]+)\/(\d{4}-\d{2}-\d{2})\/([^/]+)\/tc3_request, SignedHeaders=([^,]+), Signature=([0-9a-f]{64})$/.exec(
    String(req.headers.authorization ?? ''),
  );
  if (!m) return false;
  const [, id, date, service, signedHeaders, signature] = m as unknown as string[];
  const timestamp = Number(req.headers['x-tc-timestamp']);
  if (id !== TENCENT.secretId || service !== 'sms' || Math.abs(timestamp * 1000 - Date.now()) > 5 * 60_000) return false;
  if (new Date(timestamp * 1000).toISOString().slice(0, 10) !== date) return false;
  const names = signedHeaders!.split(';');
  const canonicalHeaders = names.map((n) => `${n}:${String(req.headers[n] ?? '').trim().toLowerCase()}\n`).join('');
  const canonicalRequest = `${req.method}\n/\n\n${canonicalHeaders}\n${signedHeaders}\n${hex256(body)}`;
  const toSign = `TC3-HMAC-SHA256\n${timestamp}\n${date}/${service}/tc3_request\n${hex256(canonicalRequest)}`;
  let key: Buffer = createHmac('sha256', `TC3${TENCENT.secretKey}`).update(date!).digest();
  for (const part of [service!, 'tc3_request']) key = createHmac('sha256', key).update(part).digest();
  return sameText(createHmac('sha256', key).update(toSign).digest('hex'), signature!);
}

export function fakeTencent(): Promise<Fake> {
  const first = firstTime();
  return serve((req, body, res) => {
    const authentic = tencentSignatureOk(req, body) && req.headers['x-tc-action'] === 'SendSms' && req.headers['x-tc-version'] === '2021-01-11';
    const fields = JSON.parse(body || '{}') as { PhoneNumberSet?: string[] };
    const request = { path: req.url ?? '', headers: req.headers, fields, authentic };
    const RequestId = randomBytes(8).toString('hex');
    const error = (Code: string, Message: string) => json(res, 200, { Response: { Error: { Code, Message }, RequestId } });
    if (!authentic) return error('AuthFailure.SignatureFailure', 'The provided credentials could not be validated.'), request;
    const phone = fields.PhoneNumberSet?.[0] ?? '';
    if (!/^\+861\d{10}$/.test(phone)) return error('InvalidParameterValue.IncorrectPhoneNumber', '手机号格式错误'), request;
    if (phone.endsWith('9999') && first(phone)) return error('RequestLimitExceeded', '请求的次数超过了频率限制。'), request;
    const status = phone.endsWith('0000')
      ? { SerialNo: '', PhoneNumber: phone, Fee: 0, Code: 'FailedOperation.PhoneNumberInBlacklist', Message: '手机号在免打扰名单库中', IsoCode: 'CN' }
      : { SerialNo: `2028:${phone.slice(-4)}${Date.now()}`, PhoneNumber: phone, Fee: 1, SessionContext: '', Code: 'Ok', Message: 'send success', IsoCode: 'CN' };
    return json(res, 200, { Response: { SendStatusSet: [status], RequestId } }), request;
  });
}

// ---------- WeChat Official Account: access_token and template messages ----------

export const WECHAT = { appId: 'wx-test-app', appSecret: 'wechat-app-secret' };

export interface WechatFake extends Fake {
  /** Tokens handed out so far; expire() makes the current one answer 42001. */
  tokens: string[];
  expire(): void;
}

export async function fakeWechat(): Promise<WechatFake> {
  const tokens: string[] = [];
  const expired = new Set<string>();
  const first = firstTime();
  let msgid = 2345678901234567000n;
  const fake = await serve((req, body, res) => {
    const u = new URL(req.url ?? '/', 'http://x');
    const q = Object.fromEntries(u.searchParams);
    if (u.pathname === '/cgi-bin/token') {
      const authentic = q.grant_type === 'client_credential' && q.appid === WECHAT.appId && q.secret === WECHAT.appSecret;
      if (!authentic) json(res, 200, { errcode: 40125, errmsg: 'invalid appsecret, view more at http://t.cn/RAEkdVq' });
      else {
        const t = `tok-${tokens.length + 1}-${randomBytes(6).toString('hex')}`;
        tokens.push(t);
        json(res, 200, { access_token: t, expires_in: 7200 });
      }
      return { path: u.pathname, headers: req.headers, fields: q, authentic };
    }
    const token = q.access_token ?? '';
    const current = tokens.at(-1);
    const fields = JSON.parse(body || '{}') as { touser?: string; template_id?: string };
    const authentic = token === current && !expired.has(token);
    const request = { path: u.pathname, headers: req.headers, fields, authentic };
    if (!tokens.includes(token)) return json(res, 200, { errcode: 40001, errmsg: 'invalid credential, access_token is invalid or not latest' }), request;
    if (!authentic) return json(res, 200, { errcode: 42001, errmsg: 'access_token expired' }), request;
    const to = fields.touser ?? '';
    if (!to.startsWith('o')) return json(res, 200, { errcode: 40003, errmsg: 'invalid openid' }), request;
    if (to.endsWith('busy') && first(to)) return json(res, 200, { errcode: -1, errmsg: 'system error' }), request;
    if (to.endsWith('quota') && first(to)) return json(res, 200, { errcode: 45011, errmsg: 'api minute-quota reach limit' }), request;
    msgid += 1n;
    // The msgid is a 64-bit integer written as a JSON number, as WeChat does.
    return json(res, 200, null, `{"errcode":0,"errmsg":"ok","msgid":${msgid}}`), request;
  });
  return Object.assign(fake, { tokens, expire: () => tokens.forEach((t) => expired.add(t)) });
}

// ---------- Twilio: Messages API with HTTP Basic auth ----------

export const TWILIO = { accountSid: `AC${'1a'.repeat(16)}`, authToken: 'twilio-auth-token', from: '+15005550006' };

export function fakeTwilio(): Promise<Fake> {
  const first = firstTime();
  return serve((req, body, res) => {
    const f = formFields(body);
    const basic = /^Basic (.+)$/.exec(String(req.headers.authorization ?? ''))?.[1] ?? '';
    const [user, pass] = Buffer.from(basic, 'base64').toString('utf8').split(':');
    const onPath = req.url === `/2010-04-01/Accounts/${TWILIO.accountSid}/Messages.json`;
    const authentic = onPath && user === TWILIO.accountSid && pass !== undefined && sameText(pass, TWILIO.authToken);
    const request = { path: req.url ?? '', headers: req.headers, fields: f, authentic };
    const error = (status: number, code: number, message: string) =>
      json(res, status, { code, message, more_info: `https://www.twilio.com/docs/errors/${code}`, status });
    if (!authentic) return error(401, 20003, 'Authenticate'), request;
    const to = f.To ?? '';
    if (!/^\+[1-9]\d{7,14}$/.test(to) || (to.startsWith('+86') && !/^\+861\d{10}$/.test(to))) return error(400, 21211, `The 'To' number ${to} is not a valid phone number.`), request;
    if (to.endsWith('9999') && first(to)) return error(429, 20429, 'Too Many Requests'), request;
    if (to.endsWith('0000')) return error(400, 21610, 'Attempt to send to unsubscribed recipient'), request;
    const sid = `SM${randomBytes(16).toString('hex')}`;
    return json(res, 201, { sid, status: 'queued', to, from: f.From ?? null, body: f.Body, account_sid: TWILIO.accountSid }), request;
  });
}
