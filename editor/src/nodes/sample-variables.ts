import type { MessageKey } from '../i18n/en.ts';

/** A made-up member, coupon and trigger event, so message previews read like the real thing. */
export const sampleVariables = {
  member: {
    id: 'm_1042',
    name: 'Lina Chen',
    email: 'lina@example.com',
    phone: '+86 138 0000 1042',
    tier: 'silver',
    pointsBalance: 1280,
    storedValue: 200,
    orderCount: 3,
    totalSpent: 642.5,
  },
  coupon: { code: 'COMEBACK10-7KQ2', template: 'COMEBACK10', expiresAt: '2026-12-31T02:00:00.000Z', kind: 'amount_off', value: 10, minSpend: 0 },
  trigger: { amount: 128, orderId: 'A-20931', store: 'Shanghai Xintiandi' },
  workflow: { name: 'Second-purchase nudge' },
};

export interface TemplateVariable {
  /** The text inserted at the cursor; a trailing "." leaves the property name to type. */
  insert: string;
  /** A message key: the list is shown in the user's language. */
  label: MessageKey;
}

export const templateVariableChoices: readonly TemplateVariable[] = [
  { insert: '{{member.name}}', label: 'variables.memberName' },
  { insert: '{{member.name | default: "there"}}', label: 'variables.memberNameFallback' },
  { insert: '{{member.tier}}', label: 'variables.memberTier' },
  { insert: '{{member.pointsBalance | points}}', label: 'variables.points' },
  { insert: '{{member.phone}}', label: 'variables.phone' },
  { insert: '{{member.email}}', label: 'variables.email' },
  { insert: '{{member.id}}', label: 'variables.memberId' },
  { insert: '{{coupon.code}}', label: 'variables.couponCode' },
  { insert: '{{coupon.expiresAt | date}}', label: 'variables.couponExpiry' },
  { insert: '{{coupon.value | money}}', label: 'variables.couponValue' },
  { insert: '{{trigger.amount}}', label: 'variables.triggerAmount' },
  { insert: '{{trigger.orderId}}', label: 'variables.triggerOrderId' },
  { insert: '{{trigger.}}', label: 'variables.triggerOther' },
  { insert: '{{workflow.name}}', label: 'variables.workflowName' },
];

/** Inserts `snippet` over the selection; returns the new text and where the caret goes. */
export function insertAt(text: string, start: number, end: number, snippet: string): { text: string; caret: number } {
  const s = Math.max(0, Math.min(start, text.length));
  const e = Math.max(s, Math.min(end, text.length));
  const next = text.slice(0, s) + snippet + text.slice(e);
  // "{{trigger.}}" puts the caret before the braces, ready for the property name.
  const caret = s + (snippet.endsWith('.}}') ? snippet.length - 2 : snippet.length);
  return { text: next, caret };
}
