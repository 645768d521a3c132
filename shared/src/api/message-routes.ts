import '../zod-messages.ts';
import { z } from 'zod';
import { Channel, WechatTemplate } from '../nodes/send-message.ts';
import { defineRoute } from './route-contract.ts';

/** The brand signature appended to every SMS (e.g. 【品牌】), counted in its length. Empty: none. */
export const SmsSignatureSettings = z.object({
  signature: z.string().trim().max(20, 'must be at most 20 characters'),
});
export type SmsSignatureSettings = z.infer<typeof SmsSignatureSettings>;

export interface SmsSignatureAnswer {
  signature: string;
  updatedAt: string | null;
  updatedBy: string | null;
}

/** What a message preview reads about a real member: the fields templates may name, with their locale and zone. */
export interface PreviewMemberAnswer {
  member: Record<string, unknown> & { id: string; name: string | null; locale: string | null; timeZone: string };
}

const PHONE = /^\+?[0-9][0-9 -]{4,19}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** A test of the message being edited: rendered with the preview's variables, sent through the channel's real provider. */
export const TestSendInput = z
  .object({
    channel: Channel,
    to: z.string().trim().min(1, 'is required').max(200),
    subject: z.string().max(200).default(''),
    body: z.string().min(1, 'write the message').max(4000),
    wechat: WechatTemplate.optional(),
    variables: z.record(z.string(), z.unknown()).default({}),
    locale: z.string().max(35).nullable().default(null),
    timeZone: z.string().max(64).nullable().default(null),
  })
  .superRefine((v, ctx) => {
    if (v.channel === 'sms' && !PHONE.test(v.to))
      ctx.addIssue({ code: 'custom', path: ['to'], message: 'must be a phone number', params: { i18n: 'testSend.badPhone' } });
    if (v.channel === 'email' && !EMAIL.test(v.to))
      ctx.addIssue({ code: 'custom', path: ['to'], message: 'must be an email address', params: { i18n: 'testSend.badEmail' } });
  });
export type TestSendInput = z.input<typeof TestSendInput>;

export interface TestSendAnswer {
  provider: string;
  to: string;
  subject: string;
  body: string;
}

export const messageRoutes = {
  smsSignature: defineRoute<SmsSignatureAnswer>()({
    method: 'GET',
    path: '/api/v1/settings/sms-signature',
    summary: 'The signature every SMS ends with',
    access: 'read',
  }),
  saveSmsSignature: defineRoute<SmsSignatureAnswer>()({
    method: 'PUT',
    path: '/api/v1/settings/sms-signature',
    summary: 'Save the SMS signature',
    example: { body: { signature: '【品牌】' } },
    access: 'edit',
    body: SmsSignatureSettings,
  }),
  previewMember: defineRoute<PreviewMemberAnswer>()({
    method: 'GET',
    path: '/api/v1/message-preview/members/:id',
    summary: "A real member's fields, to preview a message as they would get it",
    access: 'read',
  }),
  /** Marketers and admins only (`edit`); rate-limited per user; audited. */
  testSend: defineRoute<TestSendAnswer>()({
    method: 'POST',
    path: '/api/v1/message-test-sends',
    summary: "Send a test message through the channel's provider",
    example: {
      body: {
        channel: 'sms',
        to: '13800000009',
        body: 'Your coupon {{coupon.code}} is waiting.',
        variables: { coupon: { code: 'TEST-1234' } },
      },
    },
    access: 'edit',
    body: TestSendInput,
  }),
};
