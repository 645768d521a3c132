import type { CardKind, CardKindBody, CardKindType } from '@memberflow/shared/loyalty/cards';

/** The card kind form: text fields stay text until saved (numbers parse on save). */
export interface CardFormState {
  key: string;
  name: string;
  type: CardKindType;
  description: string;
  period: 'monthly' | 'yearly';
  price: string;
  term: string;
  autoRenew: boolean;
  graceDays: string;
  tier: string;
  reminderDays: string;
  prefix: string;
  digits: string;
  multiplier: string;
  freeShipping: boolean;
  discount: string;
  couponPack: string[];
  memberDay: string;
}

export const emptyCardForm = (): CardFormState => ({
  key: '',
  name: '',
  type: 'paid',
  description: '',
  period: 'yearly',
  price: '199',
  term: '1',
  autoRenew: false,
  graceDays: '7',
  tier: '',
  reminderDays: '7',
  prefix: '',
  digits: '10',
  multiplier: '1',
  freeShipping: false,
  discount: '0',
  couponPack: [],
  memberDay: '',
});

export function cardFormOf(k: CardKind): CardFormState {
  const b = k.billing;
  return {
    key: k.key,
    name: k.name,
    type: k.type,
    description: k.description,
    period: b?.period ?? 'yearly',
    price: String(b?.price ?? 0),
    term: String(b?.term ?? 1),
    autoRenew: b?.autoRenew ?? false,
    graceDays: String(b?.graceDays ?? 7),
    tier: k.tier ?? '',
    reminderDays: String(k.reminderDays),
    prefix: k.numbering.prefix,
    digits: String(k.numbering.digits),
    multiplier: String(k.benefits.pointsMultiplier),
    freeShipping: k.benefits.freeShipping,
    discount: String(k.benefits.discountPercent),
    couponPack: [...k.benefits.couponPack],
    memberDay: k.benefits.memberDay,
  };
}

const NUMERIC = ['price', 'term', 'graceDays', 'reminderDays', 'digits', 'multiplier', 'discount'] as const;

/** Problems the form can see before asking the server (which checks the rest and names the field). */
export function cardProblems(f: CardFormState): Partial<Record<keyof CardFormState, 'required' | 'badKey' | 'notNumber'>> {
  const out: Partial<Record<keyof CardFormState, 'required' | 'badKey' | 'notNumber'>> = {};
  if (!f.key.trim()) out.key = 'required';
  else if (!/^[a-z0-9_]+$/.test(f.key.trim())) out.key = 'badKey';
  if (!f.name.trim()) out.name = 'required';
  if (f.type === 'tier' && !f.tier) out.tier = 'required';
  for (const k of NUMERIC) if (f[k].trim() === '' || !Number.isFinite(Number(f[k]))) out[k] = 'notNumber';
  return out;
}

/** The body of PUT /api/v1/card-kinds/:key, and the key. */
export function cardBody(f: CardFormState): { key: string; body: CardKindBody } {
  return {
    key: f.key.trim(),
    body: {
      name: f.name.trim(),
      type: f.type,
      description: f.description,
      billing:
        f.type === 'paid'
          ? {
              period: f.period,
              price: Number(f.price),
              term: Number(f.term),
              autoRenew: f.autoRenew,
              graceDays: Number(f.graceDays),
            }
          : null,
      tier: f.type === 'tier' ? f.tier : null,
      reminderDays: Number(f.reminderDays),
      numbering: { prefix: f.prefix.trim(), digits: Number(f.digits) },
      benefits: {
        pointsMultiplier: Number(f.multiplier),
        freeShipping: f.freeShipping,
        discountPercent: Number(f.discount),
        couponPack: f.couponPack,
        memberDay: f.memberDay.trim(),
      },
    },
  };
}
