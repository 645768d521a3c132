import { describe, expect, it } from 'vitest';
import { pathEdgeIds, visitCounts } from './path-highlight.ts';
import { baseMember } from './simulation-presets.ts';
import { buildMember, checkSetup, parseProperties, parseUtc } from './simulation-setup.ts';

describe('simulation setup', () => {
  it('reads key=value properties with types, and names what is wrong', () => {
    expect(parseProperties('amount=120, orderId=A-1\nvip=true')).toEqual({
      properties: { amount: 120, orderId: 'A-1', vip: true },
      error: null,
    });
    expect(parseProperties('').properties).toEqual({});
    expect(parseProperties('amount').error).toBe('"amount" is not key=value');
    expect(parseProperties('2x=1').error).toBe('"2x" is not a property name');
  });

  it('reads dates and date-times as UTC', () => {
    expect(parseUtc('2025-03-01')).toBe(Date.UTC(2025, 2, 1));
    expect(parseUtc('2025-03-01T10:30')).toBe(Date.UTC(2025, 2, 1, 10, 30));
    expect(parseUtc('yesterday')).toBeNaN();
  });

  it('builds member facts from the form, tolerating half-typed numbers', () => {
    const m = buildMember({
      ...baseMember(),
      points: 'abc',
      orderCount: '4',
      totalSpent: '400',
      lastPurchase: '2025-01-10',
      rfmSegment: 'champions',
      birthday: '1990-05-01',
    });
    expect(m.pointsBalance).toBe(0);
    expect(m.orderCount).toBe(4);
    expect(m.lastPurchaseAt).toBe(Date.UTC(2025, 0, 10));
    expect(m.purchases).toEqual([{ at: Date.UTC(2025, 0, 10), amount: 100 }]);
    expect(m.rfm).toEqual({ r: 5, f: 5, m: 5, segment: 'champions' });
    expect(m.birthday).toBe('1990-05-01');
    expect(m.phone).toBe('+86 138 0000 1042');
    expect(buildMember({ ...baseMember(), tier: ' ', rfmSegment: '' })).toMatchObject({ tier: null, rfm: null });
  });

  it('reports a bad period and bad events by position', () => {
    const { errors, timeline } = checkSetup({
      member: baseMember(),
      from: '2025-03-10T00:00',
      until: '2025-03-01T00:00',
      events: [
        { type: 'purchase', at: '2025-03-02T10:00', properties: 'amount=5' },
        { type: 'Bad Type', at: '', properties: 'x' },
      ],
    });
    expect(errors).toEqual({
      until: 'Must be after the start',
      'event.1.type': 'Lowercase event name, e.g. purchase',
      'event.1.at': 'Enter a date and time',
      'event.1.properties': '"x" is not key=value',
    });
    expect(timeline).toEqual([{ type: 'purchase', at: Date.UTC(2025, 2, 2, 10), properties: { amount: 5 } }]);
  });

  it('refuses a member time zone that does not exist', () => {
    const period = { from: '2025-03-01T00:00', until: '2025-03-10T00:00', events: [] };
    expect(checkSetup({ ...period, member: { ...baseMember(), timeZone: 'Mars/Olympus' } }).errors).toEqual({
      timeZone: '"Mars/Olympus" is not a time zone: use a name such as Asia/Shanghai or Europe/London',
    });
    expect(checkSetup({ ...period, member: { ...baseMember(), timeZone: 'America/Sao_Paulo' } }).errors).toEqual({});
  });
});

describe('path highlight', () => {
  it('counts visits and finds the edges walked, across re-entries', () => {
    const edges = [
      { id: 'e1', source: 't', target: 'w' },
      { id: 'e2', source: 'w', target: 'c' },
      { id: 'e3', source: 'w', target: 'g' },
    ];
    expect(visitCounts(['t', 'w', 'c', 't', 'w'])).toEqual(
      new Map([
        ['t', 2],
        ['w', 2],
        ['c', 1],
      ]),
    );
    expect(pathEdgeIds(['t', 'w', 'c', 't', 'w'], edges)).toEqual(new Set(['e1', 'e2']));
  });
});
