import '../zod-messages.ts';
import { z } from 'zod';
import { defineRoute } from './route-contract.ts';

/*
 * Delivery receipts the providers push back, one route per provider in the provider's own
 * format. Public (the providers call them) but each checks the provider's authenticity: WeChat
 * and Twilio sign their requests; Aliyun and Tencent do not, so their URLs carry a secret token.
 * Receipts raise `message_delivered` for the member.
 */

/** Where Twilio's status callbacks arrive (the provider sets it as StatusCallback on each message). */
export const TWILIO_STATUS_PATH = '/api/v1/providers/twilio/status';

/** One Aliyun SMS status report (SmsReport, HTTP batch push); Aliyun sends a JSON array of them. */
export const AliyunSmsReport = z.looseObject({
  biz_id: z.string().min(1).max(128),
  phone_number: z.string().max(32).optional(),
  success: z.boolean(),
  err_code: z.string().max(64).default(''),
  err_msg: z.string().max(500).optional(),
  report_time: z.string().max(40).optional(),
});
export const AliyunSmsReports = z.array(AliyunSmsReport).max(1000);

/** One Tencent Cloud SMS status callback item; Tencent sends a JSON array of them. */
export const TencentSmsStatus = z.looseObject({
  sid: z.string().min(1).max(128),
  mobile: z.string().max(32).optional(),
  report_status: z.enum(['SUCCESS', 'FAIL']),
  errmsg: z.string().max(128).default(''),
  description: z.string().max(500).optional(),
  user_receive_time: z.string().max(40).optional(),
});
export const TencentSmsStatuses = z.array(TencentSmsStatus).max(1000);

/** WeChat signs its calls to the server URL in the query: signature = sha1 of sorted token, timestamp, nonce. */
export const WechatSignedQuery = z.looseObject({
  signature: z.string().min(1).max(64),
  timestamp: z.string().min(1).max(20),
  nonce: z.string().min(1).max(64),
});
export const WechatHandshakeQuery = WechatSignedQuery.extend({ echostr: z.string().min(1).max(200) });

/** Twilio's status callback, form-encoded; Twilio adds more fields (From, To, AccountSid, ...), all signed. */
export const TwilioStatusForm = z.looseObject({
  MessageSid: z.string().min(1).max(64),
  MessageStatus: z.string().min(1).max(32),
  ErrorCode: z.string().max(16).optional(),
});

export const receiptRoutes = {
  aliyunSmsReports: defineRoute<{ code: number; msg: string }>()({
    method: 'POST',
    path: '/api/v1/providers/aliyun-sms/reports/:token',
    access: 'public',
    body: AliyunSmsReports,
    answer: z.object({ code: z.number(), msg: z.string() }),
    summary: 'Aliyun SMS status reports (HTTP batch push); the path token is ALIYUN_SMS_REPORT_TOKEN',
    description:
      'Aliyun does not sign its pushes, so the receipt URL set in the SMS console carries a secret token (403 when it differs). Each report is matched to the message by biz_id; unknown ids are logged and still answered {"code":0} so Aliyun does not push them again.',
    example: {
      body: [
        {
          phone_number: '13800001234',
          send_time: '2026-01-01 17:00:00',
          report_time: '2026-01-01 17:00:03',
          success: true,
          err_code: 'DELIVERED',
          err_msg: '用户接收成功',
          sms_size: '1',
          biz_id: '900619346112^0',
          out_id: '',
        },
      ],
      answer: { code: 0, msg: '接收成功' },
    },
  }),
  tencentSmsCallbacks: defineRoute<{ result: number; errmsg: string }>()({
    method: 'POST',
    path: '/api/v1/providers/tencent-sms/callbacks/:token',
    access: 'public',
    body: TencentSmsStatuses,
    answer: z.object({ result: z.number(), errmsg: z.string() }),
    summary: 'Tencent Cloud SMS status callbacks; the path token is TENCENT_SMS_CALLBACK_TOKEN',
    description:
      'Tencent does not sign its callbacks, so the callback URL set in the SMS console carries a secret token (403 when it differs). Each status is matched to the message by sid (the SerialNo SendSms answered).',
    example: {
      body: [
        {
          user_receive_time: '2026-01-01 17:00:03',
          nationcode: '86',
          mobile: '13800001234',
          report_status: 'SUCCESS',
          errmsg: 'DELIVRD',
          description: '用户短信送达成功',
          sid: '2028:1234567890123456789',
        },
      ],
      answer: { result: 0, errmsg: 'OK' },
    },
  }),
  wechatOaHandshake: defineRoute<string>()({
    method: 'GET',
    path: '/api/v1/providers/wechat-oa/events',
    access: 'public',
    query: WechatHandshakeQuery,
    produces: 'text/plain',
    answer: z.string(),
    summary: 'WeChat Official Account server URL check: answers echostr when the signature matches WECHAT_EVENT_TOKEN',
    example: {
      query: {
        signature: '6b0bd5eb26d1b7e8e9c6c4dd1c7a1c3c0b5e5f0a',
        timestamp: '1767258000',
        nonce: '1405431452',
        echostr: '5837397520767291532',
      },
      answer: '5837397520767291532',
    },
  }),
  wechatOaEvents: defineRoute<string>()({
    method: 'POST',
    path: '/api/v1/providers/wechat-oa/events',
    access: 'public',
    query: WechatSignedQuery,
    body: z.string().max(65_536),
    consumes: 'text/xml',
    produces: 'text/plain',
    answer: z.string(),
    summary: 'WeChat Official Account event pushes (plaintext mode): TEMPLATESENDJOBFINISH becomes a delivery receipt',
    description:
      'Signed in the query with WECHAT_EVENT_TOKEN (403 when the signature differs). Status "success" is delivered; "failed:user block" and "failed: system failed" are failures. Other events are answered "success" and ignored.',
    example: {
      query: { signature: '6b0bd5eb26d1b7e8e9c6c4dd1c7a1c3c0b5e5f0a', timestamp: '1767258000', nonce: '1405431452' },
      body: '<xml><ToUserName><![CDATA[gh_7f083739789a]]></ToUserName><FromUserName><![CDATA[oia2TjuEGTNoeX76QEjQNrcURxG8]]></FromUserName><CreateTime>1767258003</CreateTime><MsgType><![CDATA[event]]></MsgType><Event><![CDATA[TEMPLATESENDJOBFINISH]]></Event><MsgID>2345678901234567001</MsgID><Status><![CDATA[success]]></Status></xml>',
      answer: 'success',
    },
  }),
  twilioStatus: defineRoute<string>()({
    method: 'POST',
    path: TWILIO_STATUS_PATH,
    access: 'public',
    body: TwilioStatusForm,
    consumes: 'application/x-www-form-urlencoded',
    produces: 'text/plain',
    answer: z.string(),
    summary: 'Twilio SMS status callbacks, checked with X-Twilio-Signature (HMAC-SHA1 keyed by TWILIO_AUTH_TOKEN)',
    description:
      'The signature covers MEMBERFLOW_PUBLIC_URL plus this path and every form field (403 when it differs). delivered is a delivery; undelivered and failed are failures with ErrorCode; queued, sending and sent change nothing.',
    example: {
      body: {
        MessageSid: 'SM0123456789abcdef0123456789abcdef',
        MessageStatus: 'delivered',
        AccountSid: 'AC0123456789abcdef0123456789abcdef',
        To: '+8613800001234',
      },
      answer: '',
    },
  }),
};
