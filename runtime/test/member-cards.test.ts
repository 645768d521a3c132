import { isLuhnValid, fitsNumbering } from '@memberflow/shared/loyalty/cards-numbers';
import { addMonths } from '@memberflow/shared/loyalty/cards-terms';
import { evaluateCondition, type ConditionGroup } from '@memberflow/shared/condition';
import { describe, expect } from 'vitest';
import { loadMemberFacts } from '../src/engine/member-facts-loader.ts';
import { DAY, JAN_1, test, type Infra } from './infra-fixture.ts';

const blackCard = {
  name: 'Black card',
  type: 'paid',
  billing: { period: 'yearly', price: 199, term: 1, autoRenew: true, graceDays: 7 },
  reminderDays: 7,
  numbering: { prefix: '8801', digits: 10 },
  benefits: {
    pointsMultiplier: 2,
    freeShipping: true,
    discountPercent: 5,
    couponPack: ['CARD_MONTHLY'],
    memberDay: '8th: double points',
  },
};

async function setUp(infra: Infra, members: string[]) {
  expect(
    (
      await infra.api('PUT', '/api/v1/coupon-templates/CARD_MONTHLY', {
        name: 'Monthly 10 off',
        kind: 'amount_off',
        value: 10,
        validityDays: 30,
      })
    ).status,
  ).toBe(200);
  expect((await infra.api('PUT', '/api/v1/card-kinds/black_card', blackCard)).status).toBe(200);
  await infra.api('POST', '/api/v1/events', {
    events: members.map((memberId) => ({ type: 'signup', memberId, timestamp: new Date(JAN_1).toISOString() })),
  });
  await infra.drain();
}

const events = (infra: Infra, type: string) =>
  infra.sql<{ member_id: string; at: number; props: Record<string, unknown> }>(
    `SELECT member_id, (extract(epoch FROM occurred_at) * 1000)::float8 AS at, properties AS props FROM event WHERE type = $1 ORDER BY seq`,
    [type],
  );
const couponCount = async (infra: Infra, memberId: string) =>
  (await infra.sql<{ n: number }>(`SELECT count(*)::int AS n FROM coupon WHERE member_id = $1`, [memberId]))[0]!.n;
const points = async (infra: Infra, memberId: string) =>
  (await infra.sql<{ p: number }>(`SELECT points_balance AS p FROM member WHERE id = $1`, [memberId]))[0]!.p;
async function buy(infra: Infra, memberId: string, amount: number) {
  await infra.api('POST', '/api/v1/events', {
    events: [{ type: 'purchase', memberId, timestamp: new Date(infra.clock.now()).toISOString(), properties: { amount } }],
  });
  await infra.drain();
}
/** Two upkeeps at the same moment: the second must change nothing. */
const upkeepTwice = async (infra: Infra) => (
  await infra.runtime.fireTriggers(),
  await infra.runtime.fireTriggers(),
  await infra.drain()
);

describe('membership cards', () => {
  test('a yearly paid card: coupon pack once a month for a year, reminder 7 days before the end, lapse after the grace, benefits (coupons, points multiplier) gone', async ({
    infra,
  }) => {
    await setUp(infra, ['m1']);
    const issued = await infra.api('POST', '/api/v1/members/m1/cards', { kind: 'black_card', paymentRef: 'PAY-1' });
    expect(issued.status).toBe(200);
    const card = issued.body.card;
    expect(issued.body.issued).toBe(true);
    expect(card).toMatchObject({
      kind: 'black_card',
      status: 'active',
      term: 1,
      endsAt: new Date(addMonths(JAN_1, 12)).toISOString(),
    });
    expect(fitsNumbering(blackCard.numbering, card.number)).toBe(true);
    // The shop posting the same purchase again gets the same card.
    const again = await infra.api('POST', '/api/v1/members/m1/cards', { kind: 'black_card', paymentRef: 'PAY-1' });
    expect(again.body).toMatchObject({ issued: false, card: { id: card.id } });
    expect(await couponCount(infra, 'm1')).toBe(1); // activation
    // Conditions see the card: held, and days until it lapses (end + 7 days' grace).
    const holds: ConditionGroup = {
      type: 'group',
      combinator: 'and',
      rules: [
        { type: 'field', field: 'member.cards', op: 'contains', value: 'black_card' },
        { type: 'field', field: 'member.cardDaysUntilLapse', op: 'lte', value: 30 },
      ],
    };
    const facts = async () => {
      const c = await infra.runtime.db.pool.connect();
      try {
        return await loadMemberFacts(c, 'm1', infra.clock.now());
      } finally {
        c.release();
      }
    };
    expect((await facts()).cards).toEqual([{ kind: 'black_card', lapsesAt: Date.parse(card.endsAt) + 7 * DAY }]);
    expect(evaluateCondition(holds, { member: await facts(), trigger: {}, now: infra.clock.now() }).result).toBe(false); // 372 days away
    // The card's points multiplier (×2) applies to purchases while it is active.
    await buy(infra, 'm1', 100);
    expect(await points(infra, 'm1')).toBe(200);

    // A year, month by month, the upkeep run twice each time: one pack per month.
    for (let m = 1; m <= 11; m++) {
      infra.clock.set(addMonths(JAN_1, m));
      await upkeepTwice(infra);
      expect(await couponCount(infra, 'm1')).toBe(m + 1);
    }
    const periods = await infra.sql(`SELECT period_index FROM card_benefit_issue WHERE card_id = $1 ORDER BY period_index`, [
      card.id,
    ]);
    expect(periods.map((p) => p.period_index)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    const issuedMonths = await infra.sql(
      `SELECT to_char(issued_at, 'YYYY-MM') AS m FROM coupon WHERE member_id = 'm1' ORDER BY issued_at`,
    );
    expect(new Set(issuedMonths.map((r) => r.m)).size).toBe(12);

    // The reminder: not 8 days before the end, once 7 days before.
    const endsAt = Date.parse(card.endsAt);
    infra.clock.set(endsAt - 8 * DAY);
    await upkeepTwice(infra);
    expect(await events(infra, 'card_expiring')).toEqual([]);
    infra.clock.set(endsAt - 7 * DAY);
    await upkeepTwice(infra);
    infra.clock.set(endsAt - 3 * DAY);
    await upkeepTwice(infra);
    expect(evaluateCondition(holds, { member: await facts(), trigger: {}, now: infra.clock.now() }).result).toBe(true); // 10 days left
    const expiring = await events(infra, 'card_expiring');
    expect(expiring).toHaveLength(1);
    expect(expiring[0]).toMatchObject({
      member_id: 'm1',
      at: endsAt - 7 * DAY,
      props: { card: 'black_card', daysLeft: 7, autoRenew: true },
    });

    // The term's end starts no new period; the grace keeps the card until end + 7 days.
    infra.clock.set(endsAt + 7 * DAY - 1);
    await upkeepTwice(infra);
    expect(await events(infra, 'card_lapsed')).toEqual([]);
    expect(await couponCount(infra, 'm1')).toBe(12);
    infra.clock.set(endsAt + 7 * DAY);
    await upkeepTwice(infra);
    const lapsed = await events(infra, 'card_lapsed');
    expect(lapsed).toHaveLength(1);
    expect(lapsed[0]!.at).toBe(endsAt + 7 * DAY);

    // Benefits gone: no more packs, the card shows lapsed, a renewal is refused.
    infra.clock.set(addMonths(JAN_1, 14));
    await upkeepTwice(infra);
    expect(await couponCount(infra, 'm1')).toBe(12);
    expect((await facts()).cards).toBeUndefined(); // a lapsed card is no longer held
    const before = await points(infra, 'm1'); // the first year's points have expired meanwhile
    await buy(infra, 'm1', 100);
    expect((await points(infra, 'm1')) - before).toBe(100); // ×1 now: the multiplier went with the card
    const cards = (await infra.api('GET', '/api/v1/members/m1/cards')).body.cards;
    expect(cards).toMatchObject([
      { id: card.id, status: 'lapsed', couponsIssued: 12, benefits: { pointsMultiplier: 2, couponPack: ['CARD_MONTHLY'] } },
    ]);
    const late = await infra.api('POST', `/api/v1/members/m1/cards/${card.number}/renew`, { paymentRef: 'PAY-LATE' });
    expect(late.status).toBe(409);
    expect(late.body.issues[0].field).toBe('card');
  });

  test('a renewal extends the term once per payment reference, and the next term gets its own reminder', async ({ infra }) => {
    await setUp(infra, ['m2']);
    const card = (await infra.api('POST', '/api/v1/members/m2/cards', { kind: 'black_card' })).body.card;
    const endsAt = Date.parse(card.endsAt);
    infra.clock.set(endsAt - 5 * DAY);
    await upkeepTwice(infra);
    expect(await events(infra, 'card_expiring')).toHaveLength(1);

    const renew = () =>
      infra.api('POST', `/api/v1/members/m2/cards/${card.number}/renew`, { paymentRef: 'PAY-2027', amount: 199 });
    const first = await renew();
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({
      renewed: true,
      card: { status: 'active', term: 2, endsAt: new Date(addMonths(endsAt, 12)).toISOString() },
    });
    const second = await renew();
    expect(second.body).toMatchObject({ renewed: false, card: { term: 2, endsAt: first.body.card.endsAt } });
    await infra.drain();
    expect(await events(infra, 'card_renewed')).toHaveLength(1);

    // Past the old end and its grace nothing lapses; the new term's reminder comes once.
    infra.clock.set(endsAt + 30 * DAY);
    await upkeepTwice(infra);
    expect(await events(infra, 'card_lapsed')).toEqual([]);
    infra.clock.set(addMonths(endsAt, 12) - 7 * DAY);
    await upkeepTwice(infra);
    expect((await events(infra, 'card_expiring')).map((e) => e.at)).toEqual([endsAt - 5 * DAY, addMonths(endsAt, 12) - 7 * DAY]);

    // Cancelled: benefits stop and the shop cannot renew it.
    const cancelled = await infra.api('POST', `/api/v1/members/m2/cards/${card.id}/cancel`, { reason: 'refunded' });
    expect(cancelled.body).toMatchObject({ status: 'cancelled', cancelReason: 'refunded' });
    expect((await renew()).body.renewed).toBe(false); // the applied reference still answers as applied
    expect((await infra.api('POST', `/api/v1/members/m2/cards/${card.id}/renew`, { paymentRef: 'PAY-2028' })).status).toBe(409);
    await infra.drain();
    expect(await events(infra, 'card_cancelled')).toHaveLength(1);
  });

  test('card numbers: batches valid by Luhn, unique across batches and imports, taken by issued cards', async ({ infra }) => {
    await setUp(infra, ['m3']);
    const a = (await infra.api('POST', '/api/v1/card-kinds/black_card/numbers', { count: 300 })).body.generated as string[];
    const b = (await infra.api('POST', '/api/v1/card-kinds/black_card/numbers', { count: 300 })).body.generated as string[];
    expect(a).toHaveLength(300);
    expect(new Set([...a, ...b]).size).toBe(600);
    expect([...a, ...b].every((n) => isLuhnValid(n) && fitsNumbering(blackCard.numbering, n))).toBe(true);
    const imported = await infra.api('POST', '/api/v1/card-kinds/black_card/numbers/import', {
      numbers: ['880100000000017', a[5]],
    });
    expect(imported.body).toEqual({ imported: 1, duplicates: [a[5]] });
    const card = (await infra.api('POST', '/api/v1/members/m3/cards', { kind: 'black_card' })).body.card;
    expect(a).toContain(card.number); // the oldest free number in the pool
    const kinds = (await infra.api('GET', '/api/v1/card-kinds')).body.kinds;
    expect(kinds[0]).toMatchObject({
      key: 'black_card',
      numbersFree: 600,
      holders: { active: 1, expiring: 0, lapsed: 0, cancelled: 0 },
    });
    // A kind whose coupon pack names a template that does not exist is refused, naming the field.
    const bad = await infra.api('PUT', '/api/v1/card-kinds/gold_card', { ...blackCard, benefits: { couponPack: ['NOPE'] } });
    expect(bad.status).toBe(409);
    expect(bad.body.issues[0].field).toBe('benefits.couponPack');
  });

  test('free cards are claimed with a phone number; tier cards follow the tier ladder', async ({ infra }) => {
    await setUp(infra, ['m4']);
    await infra.api('PUT', '/api/v1/card-kinds/club', { name: 'Club card', type: 'free' });
    const noPhone = await infra.api('POST', '/api/v1/members/m4/cards', { kind: 'club' });
    expect(noPhone.status).toBe(409);
    expect(noPhone.body.issues[0].field).toBe('phone');
    expect(
      (await infra.api('POST', '/api/v1/members/m4/cards', { kind: 'club', phone: '+86 138 0000 0000' })).body.card.endsAt,
    ).toBeNull();
    expect((await infra.sql(`SELECT phone FROM member WHERE id = 'm4'`))[0].phone).toBe('+86 138 0000 0000');

    await infra.api('PUT', '/api/v1/tiers', { tiers: [{ key: 'gold', name: 'Gold', rank: 1, threshold: 500 }] });
    expect(
      (await infra.api('PUT', '/api/v1/card-kinds/gold_card', { name: 'Gold card', type: 'tier', tier: 'gold' })).status,
    ).toBe(200);
    expect((await infra.api('POST', '/api/v1/members/m4/cards', { kind: 'gold_card' })).status).toBe(409);
    await infra.api('POST', '/api/v1/events', {
      events: [{ type: 'purchase', memberId: 'm4', timestamp: new Date(JAN_1).toISOString(), properties: { amount: 600 } }],
    });
    await infra.drain();
    await upkeepTwice(infra);
    expect((await events(infra, 'card_issued')).filter((e) => e.props.card === 'gold_card')).toHaveLength(1);
    // The ladder moves gold out of reach: the card is withdrawn on the next upkeep.
    await infra.api('PUT', '/api/v1/tiers', { tiers: [{ key: 'gold', name: 'Gold', rank: 1, threshold: 5000 }] });
    await upkeepTwice(infra);
    const gold = (await infra.api('GET', '/api/v1/members/m4/cards')).body.cards.find(
      (c: { kind: string }) => c.kind === 'gold_card',
    );
    expect(gold).toMatchObject({ status: 'cancelled', cancelReason: 'left tier gold' });
  });
});

describe('the paid-card renewals recipe, live', () => {
  test('the reminder goes out 7 days before the end; no renewal by the end of the grace: the win-back coupon', async ({
    infra,
  }) => {
    await setUp(infra, ['r1', 'r2']);
    await infra.api('PATCH', '/api/v1/members/r1', { phone: '13800000001' });
    await infra.api('PATCH', '/api/v1/members/r2', { phone: '13800000002' });
    await infra.publishTemplate('card-renewals');
    const cards = [];
    for (const m of ['r1', 'r2'])
      cards.push((await infra.api('POST', `/api/v1/members/${m}/cards`, { kind: 'black_card' })).body.card);
    const endsAt = Date.parse(cards[0].endsAt);
    infra.clock.set(endsAt - 7 * DAY);
    await upkeepTwice(infra);
    const sent = () =>
      infra.sql(
        `SELECT member_id, kind, node_id, (extract(epoch FROM at) * 1000)::float8 AS at FROM effect ORDER BY at, member_id, node_id`,
      );
    expect(await sent()).toEqual([
      { member_id: 'r1', kind: 'send_message', node_id: 'remind', at: endsAt - 7 * DAY },
      { member_id: 'r2', kind: 'send_message', node_id: 'remind', at: endsAt - 7 * DAY },
    ]);
    // r2 renews at the till; r1 does not.
    infra.clock.set(endsAt - 2 * DAY);
    expect(
      (await infra.api('POST', `/api/v1/members/r2/cards/${cards[1].number}/renew`, { paymentRef: 'PAY-R2' })).body.renewed,
    ).toBe(true);
    await infra.drain();
    infra.clock.set(endsAt + 7 * DAY);
    await upkeepTwice(infra);
    await infra.runtime.sweepOnce();
    await infra.drain();
    const after = (await sent()).slice(2).map((e) => [e.member_id, e.node_id]);
    expect(after).toEqual([
      ['r2', 'thanks'],
      ['r1', 'coupon'],
      ['r1', 'offer'],
      ['r1', 'tag'],
    ]);
    expect(await infra.sql(`SELECT member_id, template FROM coupon WHERE template = 'CARD_WINBACK'`)).toEqual([
      { member_id: 'r1', template: 'CARD_WINBACK' },
    ]);
  });
});
