import { z } from 'zod';
import { defineNode, payloadText } from '../node-module.ts';
import { unknownVariables } from '../template.ts';

export const CallWebhookConfig = z.object({
  url: z
    .string()
    .url('must be a full URL, e.g. https://example.com/hook')
    .refine((u) => /^https?:\/\//.test(u), 'must start with http:// or https://'),
  method: z.enum(['POST', 'PUT']).default('POST'),
  /** JSON body template; variables are filled in, then it must parse as JSON. */
  body: z
    .string()
    .max(8000)
    .default('{"memberId": "{{member.id}}"}')
    .refine((t) => unknownVariables(t).length === 0, 'unknown variable; use member.*, coupon.*, trigger.* or workflow.*'),
});
export type CallWebhookConfig = z.infer<typeof CallWebhookConfig>;

export const callWebhook = defineNode({
  kind: 'call_webhook',
  group: 'action',
  effect: { delivery: 'after_commit', preview: payloadText('body') },
  title: 'Call webhook',
  description: 'POSTs a signed JSON body to your system (CRM, POS, data warehouse); retried on failure.',
  config: CallWebhookConfig,
  defaults: () => ({ url: 'https://example.com/memberflow', method: 'POST' as const, body: '{"memberId": "{{member.id}}"}' }),
  outputs: () => [{ id: 'next', label: 'Then' }],
  summary: (c) => `${c.method} ${c.url}`,
  compile: (_id, _c, ctx) => ({ always: { target: ctx.target('next') } }),
});
