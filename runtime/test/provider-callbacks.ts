import { createHash, createHmac } from 'node:crypto';

/*
 * Requests as the providers send their delivery receipts, signed the way each documents it.
 * Written from the providers' documentation, independently of runtime/src/channels/receipt-auth.ts
 * (which these requests test).
 */

export interface CallbackRequest {
  path: string;
  headers: Record<string, string>;
  body: string;
}

/** Aliyun SmsReport (HTTP batch push): a JSON array, unsigned; our URL carries the secret token. */
export function aliyunReport(token: string, items: { bizId: string; success: boolean; errCode: string }[]): CallbackRequest {
  const body = items.map((i) => ({
    phone_number: '13800001234',
    send_time: '2026-01-01 17:00:00',
    report_time: '2026-01-01 17:00:04',
    success: i.success,
    err_code: i.errCode,
    err_msg: i.success ? '用户接收成功' : '失败',
    sms_size: '1',
    biz_id: i.bizId,
    out_id: '',
  }));
  return {
    path: `/api/v1/providers/aliyun-sms/reports/${encodeURIComponent(token)}`,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  };
}

/** Tencent SMS status callback: a JSON array, unsigned; our URL carries the secret token. */
export function tencentCallback(token: string, items: { sid: string; ok: boolean; errmsg: string }[]): CallbackRequest {
  const body = items.map((i) => ({
    user_receive_time: '2026-01-01 17:00:04',
    nationcode: '86',
    mobile: '13800001234',
    report_status: i.ok ? 'SUCCESS' : 'FAIL',
    errmsg: i.errmsg,
    description: i.ok ? '用户短信送达成功' : '用户短信送达失败',
    sid: i.sid,
  }));
  return {
    path: `/api/v1/providers/tencent-sms/callbacks/${encodeURIComponent(token)}`,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  };
}

/** The query WeChat adds to every call to the server URL. */
export function wechatQuery(token: string, timestamp = '1767258000', nonce = '1405431452'): URLSearchParams {
  const parts = [token, timestamp, nonce];
  parts.sort();
  const signature = createHash('sha1').update(parts.join(''), 'utf8').digest('hex');
  return new URLSearchParams({ signature, timestamp, nonce });
}

/** TEMPLATESENDJOBFINISH as WeChat pushes it (plaintext mode). */
export function wechatJobFinished(token: string, msgId: string, status: string, openid = 'o-member'): CallbackRequest {
  const body =
    `<xml><ToUserName><![CDATA[gh_7f083739789a]]></ToUserName><FromUserName><![CDATA[${openid}]]></FromUserName>` +
    `<CreateTime>1767258004</CreateTime><MsgType><![CDATA[event]]></MsgType><Event><![CDATA[TEMPLATESENDJOBFINISH]]></Event>` +
    `<MsgID>${msgId}</MsgID><Status><![CDATA[${status}]]></Status></xml>`;
  return { path: `/api/v1/providers/wechat-oa/events?${wechatQuery(token)}`, headers: { 'content-type': 'text/xml' }, body };
}

/** Twilio's status callback: form fields, signed over the public URL and the sorted fields. */
export function twilioStatus(authToken: string, publicUrl: string, fields: Record<string, string>): CallbackRequest {
  const path = '/api/v1/providers/twilio/status';
  let data = publicUrl + path;
  for (const name of Object.keys(fields).sort()) data += name + fields[name];
  const signature = createHmac('sha1', Buffer.from(authToken, 'utf8')).update(Buffer.from(data, 'utf8')).digest('base64');
  return {
    path,
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signature },
    body: new URLSearchParams(fields).toString(),
  };
}
