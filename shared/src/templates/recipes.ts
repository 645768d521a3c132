import { all, buildWorkflow, rule } from './build.ts';

/** Recipe 1: signup -> welcome message -> new-member coupon -> wait 7 days for a first purchase -> reminder if none. */
export const welcomePack = buildWorkflow({
  settings: { entry: 'once_ever', conversion: { eventType: 'purchase', withinDays: 7 } },
  nodes: [
    ['trigger', 'event_trigger', 'Member signs up', { eventType: 'signup', filters: [] }],
    ['welcome', 'send_message', 'Welcome message', { channel: 'sms', body: 'Welcome to the club, {{member.name | default: "friend"}}! Your new-member gift is waiting.', marketing: false }],
    ['coupon', 'issue_coupon', 'New-member coupon', { template: 'NEWMEMBER15', validityDays: 14 }],
    ['wait_first', 'wait_for_event', 'Wait for a first purchase', { eventType: 'purchase', timeout: { amount: 7, unit: 'days' } }],
    ['bought', 'goal', 'First purchase', { goal: 'First purchase' }],
    ['reminder', 'send_message', 'Reminder', { channel: 'sms', body: 'Hi {{member.name | default: "there"}}, your coupon {{coupon.code}} is still waiting for you.', marketing: true }],
    ['end', 'exit', 'Reminded', { reason: 'Reminder sent' }],
  ],
  edges: [
    ['trigger', 'next', 'welcome'],
    ['welcome', 'next', 'coupon'],
    ['coupon', 'next', 'wait_first'],
    ['wait_first', 'event', 'bought'],
    ['wait_first', 'timeout', 'reminder'],
    ['reminder', 'next', 'end'],
  ],
});

/** Recipe 3: no purchase for 90 days -> care -> 7 days -> win-back coupon -> 14 days -> tag "lost" + staff call. */
export const churnWinback = buildWorkflow({
  settings: { entry: 'once_at_a_time', exitOnGoal: { eventType: 'purchase', filters: [], withinDays: null } },
  nodes: [
    ['trigger', 'inactivity_trigger', 'No purchase for 90 days', { days: 90 }],
    ['care', 'send_message', 'Care message', { channel: 'sms', body: 'Hi {{member.name | default: "there"}}, it has been a while. Anything we can do better?', marketing: true }],
    ['wait_1', 'wait_duration', 'Wait 7 days', { duration: { amount: 7, unit: 'days' } }],
    ['coupon', 'issue_coupon', 'Win-back coupon', { template: 'WINBACK20', validityDays: 14 }],
    ['offer', 'send_message', 'Win-back offer', { channel: 'sms', body: '{{member.name | default: "friend"}}, here is 20% off to welcome you back: {{coupon.code}}', marketing: true }],
    ['wait_2', 'wait_duration', 'Wait 14 days', { duration: { amount: 14, unit: 'days' } }],
    ['tag_lost', 'update_tags', 'Tag as lost', { action: 'add', tags: ['lost'] }],
    ['call', 'create_task', 'Staff call', { title: 'Call {{member.name}} ({{member.phone}}): lost customer', type: 'phone_call', dueInDays: 3, priority: 'high' }],
    ['end', 'exit', 'Handed to staff', { reason: 'Still inactive after win-back' }],
  ],
  edges: [
    ['trigger', 'next', 'care'],
    ['care', 'next', 'wait_1'],
    ['wait_1', 'next', 'coupon'],
    ['coupon', 'next', 'offer'],
    ['offer', 'next', 'wait_2'],
    ['wait_2', 'next', 'tag_lost'],
    ['tag_lost', 'next', 'call'],
    ['call', 'next', 'end'],
  ],
});

/** Recipe 4: 3 days before the birthday (member time) -> greeting + coupon; top RFM members also get a gift task. */
export const birthdayCare = buildWorkflow({
  settings: { entry: 'cooldown', cooldownDays: 300 },
  nodes: [
    ['trigger', 'date_trigger', '3 days before birthday', { attribute: 'birthday', offsetDays: -3, time: '09:00' }],
    ['greet', 'send_message', 'Birthday greeting', { channel: 'wechat', body: 'Happy birthday soon, {{member.name | default: "friend"}}! A gift from us: {{coupon.code}}', marketing: true }],
    ['coupon', 'issue_coupon', 'Birthday coupon', { template: 'BIRTHDAY', validityDays: 30 }],
    ['top', 'condition', 'Top RFM member?', { condition: all(rule('member.rfm.segment', 'in', ['champions', 'loyal'])) }],
    ['gift', 'create_task', 'Prepare a gift', { title: 'Birthday gift for {{member.name}}', type: 'gift', dueInDays: 2, priority: 'normal' }],
    ['end', 'exit', 'Greeted', { reason: 'Birthday care done' }],
  ],
  edges: [
    ['trigger', 'next', 'coupon'],
    ['coupon', 'next', 'greet'],
    ['greet', 'next', 'top'],
    ['top', 'yes', 'gift'],
    ['top', 'no', 'end'],
    ['gift', 'next', 'end'],
  ],
});

/** Recipe 5: every month on day 20 -> members of a segment -> member-day offer. */
export const memberDay = buildWorkflow({
  settings: { entry: 'every_time' },
  nodes: [
    ['trigger', 'schedule_trigger', 'Member day (20th)', { frequency: 'monthly', dayOfMonth: 20, time: '10:00', weekday: 1, cron: '', audience: all(rule('member.orderCount', 'gte', 1)) }],
    ['coupon', 'issue_coupon', 'Member-day coupon', { template: 'MEMBERDAY', validityDays: 1 }],
    ['offer', 'send_message', 'Member-day offer', { channel: 'push', body: 'Member day! Double points and {{coupon.code}} for today only.', marketing: true }],
    ['end', 'exit', 'Offer sent', { reason: 'Member-day offer sent' }],
  ],
  edges: [
    ['trigger', 'next', 'coupon'],
    ['coupon', 'next', 'offer'],
    ['offer', 'next', 'end'],
  ],
});

/** Recipe 6: a reminder 30 days before points expire. */
export const pointsExpiry = buildWorkflow({
  settings: { entry: 'cooldown', cooldownDays: 25 },
  nodes: [
    ['trigger', 'points_expiring_trigger', 'Points expire in 30 days', { withinDays: 30, minPoints: 100 }],
    ['remind', 'send_message', 'Expiry reminder', { channel: 'sms', body: '{{member.name | default: "friend"}}, some of your {{member.pointsBalance}} points expire within 30 days. Use them before they go!', marketing: false }],
    ['end', 'exit', 'Reminded', { reason: 'Expiry reminder sent' }],
  ],
  edges: [
    ['trigger', 'next', 'remind'],
    ['remind', 'next', 'end'],
  ],
});

/** Recipe 7: cumulative spend crosses 1,000 -> gold -> congratulation + tier-benefit coupon. */
export const tierUpgrade = buildWorkflow({
  settings: { entry: 'every_time' },
  nodes: [
    ['trigger', 'event_trigger', 'Purchase', { eventType: 'purchase', filters: [] }],
    ['crossed', 'condition', 'Spent 1,000 and not gold yet?', { condition: all(rule('member.totalSpent', 'gte', 1000), rule('member.tier', 'neq', 'gold')) }],
    ['upgrade', 'set_tier', 'Upgrade to gold', { tier: 'gold', reason: 'Cumulative spend ≥ 1,000' }],
    ['congrats', 'send_message', 'Congratulations', { channel: 'sms', body: 'Congratulations {{member.name | default: "friend"}}, you are now Gold! Your benefit: {{coupon.code}}', marketing: false }],
    ['coupon', 'issue_coupon', 'Tier-benefit coupon', { template: 'GOLDWELCOME', validityDays: 60 }],
    ['end', 'exit', 'Upgraded', { reason: 'Upgraded to gold' }],
    ['skip', 'exit', 'No change', { reason: 'Threshold not crossed' }],
  ],
  edges: [
    ['trigger', 'next', 'crossed'],
    ['crossed', 'yes', 'upgrade'],
    ['crossed', 'no', 'skip'],
    ['upgrade', 'next', 'coupon'],
    ['coupon', 'next', 'congrats'],
    ['congrats', 'next', 'end'],
  ],
});

/** Recipe 8: the top 20% by RFM value -> thank-you message + staff call task. */
export const vipThanks = buildWorkflow({
  settings: { entry: 'cooldown', cooldownDays: 90 },
  nodes: [
    ['trigger', 'segment_trigger', 'Becomes a champion', { segmentKey: '', condition: all(rule('member.rfm.segment', 'eq', 'champions')) }],
    ['thanks', 'send_message', 'Thank-you message', { channel: 'email', subject: 'Thank you, {{member.name | default: "friend"}}', body: 'You are one of our very best members. Thank you!', marketing: false }],
    ['call', 'create_task', 'Staff thank-you call', { title: 'Thank-you call to VIP {{member.name}}', type: 'phone_call', dueInDays: 5, priority: 'normal' }],
    ['end', 'exit', 'Thanked', { reason: 'VIP thanked' }],
  ],
  edges: [
    ['trigger', 'next', 'thanks'],
    ['thanks', 'next', 'call'],
    ['call', 'next', 'end'],
  ],
});

/** Recipe 9: recharge >= 100 -> bonus notice and, before a first order, a first-order coupon. */
export const rechargeBonus = buildWorkflow({
  settings: { entry: 'every_time' },
  nodes: [
    ['trigger', 'event_trigger', 'Recharge ≥ 100', { eventType: 'recharge', filters: [{ property: 'amount', op: 'gte', value: 100 }] }],
    ['notice', 'send_message', 'Bonus notice', { channel: 'sms', body: 'Thanks for recharging {{trigger.amount}}, {{member.name | default: "friend"}}! Your bonus has been added.', marketing: false }],
    ['first', 'condition', 'No order yet?', { condition: all(rule('member.orderCount', 'eq', 0)) }],
    ['coupon', 'issue_coupon', 'First-order coupon', { template: 'FIRSTORDER', validityDays: 30 }],
    ['end', 'exit', 'Done', { reason: 'Recharge handled' }],
  ],
  edges: [
    ['trigger', 'next', 'notice'],
    ['notice', 'next', 'first'],
    ['first', 'yes', 'coupon'],
    ['first', 'no', 'end'],
    ['coupon', 'next', 'end'],
  ],
});

/** Recipe 10: 3 days after purchase -> survey -> a low score creates a complaint task and an alert. */
export const postPurchaseCare = buildWorkflow({
  settings: { entry: 'every_time' },
  nodes: [
    ['trigger', 'event_trigger', 'Purchase', { eventType: 'purchase', filters: [] }],
    ['wait_3', 'wait_duration', 'Wait 3 days', { duration: { amount: 3, unit: 'days' } }],
    ['survey', 'send_message', 'Satisfaction survey', { channel: 'sms', body: 'How was your order {{trigger.orderId | default: "with us"}}, {{member.name | default: "friend"}}? Reply 1-5.', marketing: false }],
    ['answer', 'wait_for_event', 'Wait for the answer', { eventType: 'survey_answered', timeout: { amount: 7, unit: 'days' }, matchTriggerProperty: 'orderId' }],
    ['low', 'condition', 'Score ≤ 2?', { condition: all(rule('event.score', 'lte', 2)) }],
    ['task', 'create_task', 'Complaint follow-up', { title: 'Follow up complaint from {{member.name}} (order {{trigger.orderId}})', type: 'complaint', dueInDays: 1, priority: 'high' }],
    ['alert', 'call_webhook', 'Alert service team', { url: 'https://example.com/alerts', method: 'POST', body: '{"memberId": "{{member.id}}", "orderId": "{{trigger.orderId}}"}' }],
    ['end_low', 'exit', 'Followed up', { reason: 'Low score followed up' }],
    ['end_ok', 'goal', 'Happy customer', { goal: 'Good score' }],
    ['end_none', 'exit', 'No answer', { reason: 'Survey not answered' }],
  ],
  edges: [
    ['trigger', 'next', 'wait_3'],
    ['wait_3', 'next', 'survey'],
    ['survey', 'next', 'answer'],
    ['answer', 'event', 'low'],
    ['answer', 'timeout', 'end_none'],
    ['low', 'yes', 'task'],
    ['low', 'no', 'end_ok'],
    ['task', 'next', 'alert'],
    ['alert', 'next', 'end_low'],
  ],
});
