import { describe, expect, it } from 'vitest';
import { emptyMember } from '../src/member-facts.ts';
import { simulate } from '../src/simulate.ts';
import { workflowTemplates } from '../src/templates/catalog.ts';
import { cardRenewals } from '../src/templates/card-renewals.ts';
import { validateWorkflow } from '../src/validate.ts';

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 11, 25, 2);
const run = (timeline: { type: string; at: number; properties?: Record<string, unknown> }[]) =>
  simulate({
    definition: cardRenewals,
    member: { ...emptyMember('m1', 'Asia/Shanghai'), name: 'Li Lei', phone: '13800000000' },
    timeline,
    from: T0,
    until: T0 + 60 * DAY,
    workflowId: 'wf-1',
  });
const expiring = { type: 'card_expiring', at: T0, properties: { card: 'black_card', daysLeft: 7 } };

describe('the paid-card renewals recipe', () => {
  it('is in the catalogue and valid', () => {
    expect(workflowTemplates.find((t) => t.key === 'card-renewals')?.definition).toBe(cardRenewals);
    expect(validateWorkflow(cardRenewals).violations).toEqual([]);
  });
  it('reminds, then thanks a member who renews', () => {
    const r = run([expiring, { type: 'card_renewed', at: T0 + 5 * DAY }]);
    expect(r.path).toEqual(['trigger', 'remind', 'wait_renewed', 'thanks', 'renewed']);
    expect(r.effects[0]!.preview).toBe('Hi Li Lei, your membership card ends in 7 days. Renew to keep your benefits.');
    expect(r.outcome).toBe('converted');
  });
  it('sends a win-back offer and tags the member when no renewal comes through the grace', () => {
    const r = run([expiring]);
    expect(r.path).toEqual(['trigger', 'remind', 'wait_renewed', 'coupon', 'offer', 'tag', 'end']);
    expect(r.effects.map((e) => [e.kind, e.at - T0])).toEqual([
      ['send_message', 0],
      ['issue_coupon', 14 * DAY],
      ['send_message', 14 * DAY],
      ['update_tags', 14 * DAY],
    ]);
    expect(r.member.tags).toEqual(['card_lapsed']);
  });
});
