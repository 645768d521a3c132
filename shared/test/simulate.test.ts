import { describe, expect, it } from 'vitest';
import { emptyMember, type MemberFacts } from '../src/member-facts.ts';
import { simulate, type SimulationInput } from '../src/simulate.ts';
import { birthdayCare, churnWinback, memberDay, pointsExpiry, postPurchaseCare, rechargeBonus, tierUpgrade, vipThanks, welcomePack } from '../src/templates/recipes.ts';
import { secondPurchaseNudge } from '../src/templates/second-purchase-nudge.ts';
import { bucketOf } from '../src/bucket.ts';
import { buildWorkflow } from '../src/templates/build.ts';

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 0, 5, 2); // Mon 10:00 in Shanghai
const member = (over: Partial<MemberFacts> = {}): MemberFacts => ({ ...emptyMember('m1', 'Asia/Shanghai'), name: 'Li Lei', phone: '13800000000', ...over });
const run = (definition: unknown, over: Partial<SimulationInput>) =>
  simulate({ definition, member: member(), timeline: [], from: T0, until: T0 + 400 * DAY, workflowId: 'wf-1', ...over });
const iso = (t: number) => new Date(t).toISOString();

describe('simulate the recipes', () => {
  it('welcome pack: a reminder with the coupon code when no first purchase comes', () => {
    const r = run(welcomePack, { timeline: [{ type: 'signup', at: T0 }] });
    expect(r.path).toEqual(['trigger', 'welcome', 'coupon', 'wait_first', 'reminder', 'end']);
    expect(r.effects.map((e) => [e.kind, iso(e.at)])).toEqual([
      ['send_message', iso(T0)],
      ['issue_coupon', iso(T0)],
      ['send_message', iso(T0 + 7 * DAY)],
    ]);
    expect(r.effects[2]!.preview).toBe('Hi Li Lei, your coupon NEWMEMBER15-SIM1 is still waiting for you.');
    expect(r.outcome).toBe('completed');
    const bought = run(welcomePack, { timeline: [{ type: 'signup', at: T0 }, { type: 'purchase', at: T0 + 3 * DAY, properties: { amount: 50 } }] });
    expect(bought.outcome).toBe('converted');
    expect(bought.trace.find((t) => t.kind === 'step')!.reason).toBe('purchase arrived while at "Wait for a first purchase": took "On purchase"');
  });

  it('second-purchase nudge: entry once ever, with reasons for not entering again', () => {
    const r = run(secondPurchaseNudge, { timeline: [{ type: 'purchase', at: T0 }, { type: 'purchase', at: T0 + 45 * DAY }] });
    expect(r.effects.map((e) => e.kind)).toEqual(['issue_coupon']);
    expect(r.trace.map((t) => t.kind)).toEqual(['enter', 'wait', 'step', 'action', 'end', 'skip']);
    expect(r.trace.at(-1)!.reason).toBe("Did not enter: not the member's first purchase (order 2); this trigger takes first purchases only");
    expect(r.trace[2]!.reason).toBe('No purchase within 30 days at "Wait for another purchase": took "After 30 days"');
  });

  it('second-purchase nudge: a member with earlier orders does not enter on their next one', () => {
    const r = run(secondPurchaseNudge, { member: member({ orderCount: 16, lastPurchaseAt: T0 - 20 * DAY }), timeline: [{ type: 'purchase', at: T0 }] });
    expect(r.effects).toEqual([]);
    expect(r.trace.map((t) => [t.kind, t.reason])).toEqual([['skip', "Did not enter: not the member's first purchase (order 17); this trigger takes first purchases only"]]);
    // Without the option the same purchase enters: the option, not the data, decides.
    const any = structuredClone(secondPurchaseNudge);
    any.nodes[0]!.config = { eventType: 'purchase', filters: [], firstPurchaseOnly: false };
    expect(run(any, { member: member({ orderCount: 16 }), timeline: [{ type: 'purchase', at: T0 }] }).trace[0]!.kind).toBe('enter');
  });

  it('churn win-back: fires 90 days after the last purchase; a purchase exits it as converted', () => {
    const last = T0 - 10 * DAY;
    const m = member({ lastPurchaseAt: last, orderCount: 3 });
    const r = run(churnWinback, { member: m });
    expect(r.trace[0]).toMatchObject({ kind: 'enter', at: last + 90 * DAY, reason: 'Entered: "No purchase for 90 days" fired' });
    expect(r.path).toEqual(['trigger', 'care', 'wait_1', 'coupon', 'offer', 'wait_2', 'tag_lost', 'call', 'end']);
    expect(r.member.tags).toEqual(['lost']);
    expect(r.effects.find((e) => e.kind === 'create_task')!.preview).toBe('Call Li Lei (13800000000): lost customer');
    const comeback = { type: 'purchase', at: last + 95 * DAY, properties: { amount: 30 } };
    const back = run(churnWinback, { member: m, timeline: [comeback], until: last + 150 * DAY });
    expect(back.outcome).toBe('converted');
    expect(back.effects.map((e) => e.kind)).toEqual(['send_message']);
    expect(back.trace.find((t) => t.kind === 'step')!.reason).toBe("purchase is the workflow's goal: left as converted");
    // Quiet again for 90 days after coming back: the member enters again (once at a time).
    const again = run(churnWinback, { member: m, timeline: [comeback] });
    expect(again.trace.filter((t) => t.kind === 'enter').map((t) => t.at)).toEqual([last + 90 * DAY, last + 185 * DAY]);
  });

  it('birthday care: 3 days before at 09:00 member time; champions also get a gift task', () => {
    const m = member({ birthday: '1990-06-15', rfm: { r: 5, f: 5, m: 5, segment: 'champions' } });
    const r = run(birthdayCare, { member: m, until: Date.UTC(2026, 11, 31) });
    expect(iso(r.trace[0]!.at)).toBe('2026-06-12T01:00:00.000Z');
    expect(r.effects.map((e) => e.kind)).toEqual(['issue_coupon', 'send_message', 'create_task']);
    expect(r.trace.find((t) => t.kind === 'enter')!.reason).toContain('"Top RFM member?" → Yes: member.rfm.segment is one of [champions, loyal] (is "champions"): yes');
    const plain = run(birthdayCare, { member: member({ birthday: '1990-06-15' }), until: Date.UTC(2026, 11, 31) });
    expect(plain.effects.map((e) => e.kind)).toEqual(['issue_coupon', 'send_message']);
    expect(run(birthdayCare, { member: member() }).outcome).toBe('not_entered');
  });

  it('member day: every 20th at 10:00 for the audience; others are told why not', () => {
    const until = Date.UTC(2026, 2, 31);
    const r = run(memberDay, { member: member({ orderCount: 2 }), until });
    expect(r.trace.filter((t) => t.kind === 'enter').map((t) => iso(t.at))).toEqual(['2026-01-20T02:00:00.000Z', '2026-02-20T02:00:00.000Z', '2026-03-20T02:00:00.000Z']);
    const none = run(memberDay, { until });
    expect(none.entries).toBe(0);
    expect(none.trace[0]!.reason).toMatch(/^Did not enter: not in the schedule's audience: member.orderCount ≥ 1 \(is 0\): no/);
  });

  it('points expiry: 30 days before a lot expires', () => {
    const r = run(pointsExpiry, { member: member({ pointsBalance: 500, pointsExpiring: [{ points: 300, expiresAt: Date.UTC(2026, 4, 1) }, { points: 50, expiresAt: Date.UTC(2026, 2, 1) }] }) });
    expect(r.trace.filter((t) => t.kind === 'enter').map((t) => iso(t.at))).toEqual(['2026-04-01T00:00:00.000Z']);
    expect(r.effects[0]!.preview).toContain('your 500 points expire');
  });

  it('tier upgrade: the purchase that crosses 1,000 upgrades once', () => {
    const r = run(tierUpgrade, {
      timeline: [600, 500, 300].map((amount, i) => ({ type: 'purchase', at: T0 + i * DAY, properties: { amount } })),
    });
    expect(r.entries).toBe(3);
    expect(r.path.filter((n) => n === 'upgrade')).toHaveLength(1);
    expect(r.member.tier).toBe('gold');
    expect(r.effects.find((e) => e.kind === 'send_message')!.preview).toBe('Congratulations Li Lei, you are now Gold! Your benefit: GOLDWELCOME-SIM1');
  });

  it('VIP thank-you: enters when the member starts matching the segment, not while staying in it', () => {
    const def = structuredClone(vipThanks);
    def.nodes[0]!.config = { segmentKey: '', condition: { type: 'group', combinator: 'and', rules: [{ type: 'field', field: 'member.totalSpent', op: 'gte', value: 1000 }] } };
    const r = run(def, { timeline: [700, 400, 100].map((amount, i) => ({ type: 'purchase', at: T0 + i * DAY, properties: { amount } })) });
    expect(r.trace.filter((t) => t.kind === 'enter').map((t) => t.at)).toEqual([T0 + DAY]);
  });

  it('recharge: the filter keeps small recharges out; first-order coupon only before a first order', () => {
    const r = run(rechargeBonus, { timeline: [{ type: 'recharge', at: T0, properties: { amount: 50 } }, { type: 'recharge', at: T0 + DAY, properties: { amount: 100 } }] });
    expect(r.entries).toBe(1);
    expect(r.effects.map((e) => e.preview ?? e.kind)).toEqual(['Thanks for recharging 100, Li Lei! Your bonus has been added.', 'FIRSTORDER-SIM1']);
  });

  it('post-purchase care: the survey answer for this order decides; other orders are ignored', () => {
    const timeline = [
      { type: 'purchase', at: T0, properties: { amount: 80, orderId: 'o1' } },
      { type: 'survey_answered', at: T0 + 4 * DAY, properties: { orderId: 'o0', score: 5 } },
      { type: 'survey_answered', at: T0 + 5 * DAY, properties: { orderId: 'o1', score: 1 } },
    ];
    const r = run(postPurchaseCare, { timeline });
    expect(r.path).toEqual(['trigger', 'wait_3', 'survey', 'answer', 'low', 'task', 'alert', 'end_low']);
    expect(r.effects.map((e) => e.preview)).toEqual(['How was your order o1, Li Lei? Reply 1-5.', 'Follow up complaint from Li Lei (order o1)', '{"memberId": "m1", "orderId": "o1"}']);
    expect(r.trace.find((t) => t.nodeId === 'end_low' && t.kind === 'step')!.reason).toBe(
      'survey_answered arrived while at "Wait for the answer": took "On survey_answered". "Score ≤ 2?" → Yes: event.score ≤ 2 (is 1): yes',
    );
  });
});

describe('simulate: settings and splits', () => {
  const ab = (holdoutPercent = 0) =>
    buildWorkflow({
      settings: { entry: 'once_ever', holdoutPercent },
      nodes: [
        ['t', 'event_trigger', 'Signup', { eventType: 'signup' }],
        ['split', 'random_split', 'A/B', { branches: [{ id: 'a', label: 'A', percent: 30 }, { id: 'b', label: 'B', percent: 70 }] }],
        ['ca', 'issue_coupon', 'A', { template: 'A', validityDays: 1 }],
        ['cb', 'issue_coupon', 'B', { template: 'B', validityDays: 1 }],
        ['x', 'exit', 'End', { reason: 'done' }],
      ],
      edges: [
        ['t', 'next', 'split'],
        ['split', 'a', 'ca'],
        ['split', 'b', 'cb'],
        ['ca', 'next', 'x'],
        ['cb', 'next', 'x'],
      ],
    });

  it('random splits follow the percentages and are stable per member', () => {
    const branches = Array.from({ length: 2000 }, (_, i) => run(ab(), { member: member({ id: `m${i}` }), timeline: [{ type: 'signup', at: T0 }] }).path[2]);
    const share = branches.filter((b) => b === 'ca').length / branches.length;
    expect(share).toBeGreaterThan(0.26);
    expect(share).toBeLessThan(0.34);
    const again = Array.from({ length: 50 }, (_, i) => run(ab(), { member: member({ id: `m${i}` }), timeline: [{ type: 'signup', at: T0 }] }).path[2]);
    expect(again).toEqual(branches.slice(0, 50));
  });

  it('holdout members enter but get no actions, and are the same members every time', () => {
    const results = Array.from({ length: 1000 }, (_, i) => run(ab(20), { member: member({ id: `h${i}` }), timeline: [{ type: 'signup', at: T0 }] }));
    const held = results.filter((r) => r.outcome === 'holdout');
    expect(held.length / 1000).toBeGreaterThan(0.16);
    expect(held.length / 1000).toBeLessThan(0.24);
    expect(held.every((r) => r.effects.length === 0)).toBe(true);
    expect(held[0]!.trace[0]!.reason).toContain('held out (holdout 20%)');
    expect(held.map((r) => r.member.id)).toEqual(results.filter((r) => bucketOf(`wf-1:${r.member.id}`, 'holdout') < 20).map((r) => r.member.id));
  });

  it('quiet hours hold marketing messages until they end, member time', () => {
    const def = buildWorkflow({
      settings: { quietHours: { start: '21:00', end: '08:00', mode: 'hold' } },
      nodes: [
        ['t', 'event_trigger', 'Purchase', { eventType: 'purchase' }],
        ['m', 'send_message', 'Promo', { channel: 'sms', body: 'Hi', marketing: true }],
        ['x', 'exit', 'End', { reason: 'done' }],
      ],
      edges: [
        ['t', 'next', 'm'],
        ['m', 'next', 'x'],
      ],
    });
    const late = Date.UTC(2026, 0, 5, 15); // 23:00 in Shanghai
    const r = run(def, { timeline: [{ type: 'purchase', at: late }] });
    expect(iso(r.effects[0]!.heldUntil!)).toBe('2026-01-06T00:00:00.000Z');
  });

  it('cooldown lets a member back in only after N days', () => {
    const def = structuredClone(rechargeBonus);
    def.settings = { ...def.settings, entry: 'cooldown', cooldownDays: 10 };
    const r = run(def, { timeline: [0, 3, 12].map((d) => ({ type: 'recharge', at: T0 + d * DAY, properties: { amount: 200 } })) });
    expect(r.entries).toBe(2);
    expect(r.trace.find((t) => t.kind === 'skip')!.reason).toBe('Did not enter: entry rule "cooldown 10 days": entered 3 days ago');
  });

  it('an invalid definition returns its violations instead of a trace', () => {
    const r = run({ schemaVersion: 1, nodes: [], edges: [] }, {});
    expect(r.ok).toBe(false);
    expect(r.violations[0]!.code).toBe('trigger_count');
  });
});

describe('trace reasons as message keys', () => {
  it('carry each sentence as a key with its values, beside the English', () => {
    const r = run(secondPurchaseNudge, { timeline: [{ type: 'purchase', at: T0 }] });
    expect(r.trace[0]!.parts).toEqual([{ key: 'enteredOnEvent', vars: { event: 'purchase', node: 'First purchase' } }]);
    expect(r.trace[1]!.parts).toEqual([{ key: 'wait', vars: { until: T0 + 30 * DAY } }]);
    expect(r.trace[2]!.parts).toEqual([
      { key: 'noEventWithin', vars: { nodeId: 'wait_second', handle: 'timeout', branch: 'After 30 days', event: 'purchase', amount: 30, unit: 'days', node: 'Wait for another purchase' } },
    ]);
    expect(r.trace.at(-1)!.parts).toEqual([{ key: 'end', vars: { outcome: 'completed' } }]);
  });
});
