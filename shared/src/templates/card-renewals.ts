import { buildWorkflow } from './build.ts';

/**
 * Paid-card renewals: the card is 7 days from its end (card_expiring, raised by the card upkeep)
 * -> reminder -> wait for the shop's renewal (card_renewed) through the end and the grace ->
 * renewed: thanks; not renewed (the card lapses): a win-back offer and a tag for the team.
 */
export const cardRenewals = buildWorkflow({
  settings: { entry: 'once_at_a_time', conversion: { eventType: 'card_renewed', withinDays: 14 } },
  nodes: [
    ['trigger', 'event_trigger', 'Card expiring in 7 days', { eventType: 'card_expiring', filters: [] }],
    [
      'remind',
      'send_message',
      'Renewal reminder',
      {
        channel: 'sms',
        body: 'Hi {{member.name | default: "there"}}, your membership card ends in {{trigger.daysLeft | default: 7}} days. Renew to keep your benefits.',
        marketing: false,
      },
    ],
    [
      'wait_renewed',
      'wait_for_event',
      'Renewed?',
      { eventType: 'card_renewed', timeout: { amount: 14, unit: 'days' }, filters: [] },
    ],
    [
      'thanks',
      'send_message',
      'Thank you',
      {
        channel: 'sms',
        body: 'Thank you for renewing, {{member.name | default: "friend"}}! Your benefits carry on.',
        marketing: false,
      },
    ],
    ['renewed', 'goal', 'Renewed', { goal: 'Card renewed' }],
    ['coupon', 'issue_coupon', 'Win-back offer', { template: 'CARD_WINBACK', validityDays: 30 }],
    [
      'offer',
      'send_message',
      'Win-back message',
      {
        channel: 'sms',
        body: '{{member.name | default: "friend"}}, we miss you: come back to the card with {{coupon.code}}.',
        marketing: true,
      },
    ],
    ['tag', 'update_tags', 'Tag as lapsed', { action: 'add', tags: ['card_lapsed'] }],
    ['end', 'exit', 'Lapsed', { reason: 'Card lapsed: win-back offer sent' }],
  ],
  edges: [
    ['trigger', 'next', 'remind'],
    ['remind', 'next', 'wait_renewed'],
    ['wait_renewed', 'event', 'thanks'],
    ['thanks', 'next', 'renewed'],
    ['wait_renewed', 'timeout', 'coupon'],
    ['coupon', 'next', 'offer'],
    ['offer', 'next', 'tag'],
    ['tag', 'next', 'end'],
  ],
});
