import type { MessageKey } from '../i18n/en.ts';
import { MS_PER_DAY } from '@memberflow/shared/duration';
import { toDateTimeInput, type SimEventForm, type SimMemberForm, type SimulationSetup } from './simulation-setup.ts';

export interface SimulationPreset {
  key: string;
  /** A message key: presets are named in the user's language. */
  label: MessageKey;
  /** Builds the setup around a start instant (midnight UTC), so dates read naturally. */
  build(start: number): SimulationSetup;
}

const day = (start: number, n: number, hour = 10) => start + n * MS_PER_DAY + hour * 3_600_000;
const date = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const event = (type: string, at: number, properties = ''): SimEventForm => ({ type, at: toDateTimeInput(at), properties });

export const baseMember = (): SimMemberForm => ({
  name: 'Lina Chen',
  phone: '+86 138 0000 1042',
  email: 'lina@example.com',
  timeZone: 'Asia/Shanghai',
  tier: 'silver',
  tags: [],
  points: '1280',
  orderCount: '0',
  totalSpent: '0',
  lastPurchase: '',
  birthday: '',
  joined: '',
  rfmSegment: '',
});

const setup = (start: number, days: number, member: Partial<SimMemberForm>, events: SimEventForm[]): SimulationSetup => ({
  member: { ...baseMember(), ...member },
  events,
  from: toDateTimeInput(start),
  until: toDateTimeInput(start + days * MS_PER_DAY),
});

export const simulationPresets: readonly SimulationPreset[] = [
  {
    key: 'first-no-second',
    label: 'simPreset.firstNoSecond',
    build: (s) => setup(s, 45, {}, [event('purchase', day(s, 1), 'amount=128, orderId=A-1001')]),
  },
  {
    key: 'comes-back',
    label: 'simPreset.comesBack',
    build: (s) =>
      setup(s, 45, {}, [
        event('purchase', day(s, 1), 'amount=128, orderId=A-1001'),
        event('purchase', day(s, 12), 'amount=86, orderId=A-1187'),
      ]),
  },
  {
    key: 'inactive',
    label: 'simPreset.inactive',
    build: (s) =>
      setup(s, 60, { orderCount: '4', totalSpent: '520', lastPurchase: date(s - 85 * MS_PER_DAY), rfmSegment: 'at_risk' }, []),
  },
  {
    key: 'birthday',
    label: 'simPreset.birthday',
    build: (s) =>
      setup(
        s,
        30,
        {
          orderCount: '14',
          totalSpent: '3200',
          lastPurchase: date(s - 6 * MS_PER_DAY),
          birthday: `1990-${date(s + 8 * MS_PER_DAY).slice(5)}`,
          rfmSegment: 'champions',
          tier: 'gold',
        },
        [],
      ),
  },
  {
    key: 'big-spender',
    label: 'simPreset.bigSpender',
    build: (s) =>
      setup(s, 7, { orderCount: '6', totalSpent: '950', lastPurchase: date(s - 20 * MS_PER_DAY) }, [
        event('purchase', day(s, 2), 'amount=120, orderId=A-2001'),
      ]),
  },
  {
    key: 'recharge',
    label: 'simPreset.recharge',
    build: (s) => setup(s, 7, {}, [event('recharge', day(s, 1), 'amount=200')]),
  },
];

/** Midnight UTC today: presets count days from here. */
export function todayUtc(now = Date.now()): number {
  return Math.floor(now / MS_PER_DAY) * MS_PER_DAY;
}
