import '../zod-messages.ts';
import { z } from 'zod';

/**
 * Membership cards (会员卡): the kinds a programme defines and the benefits each carries.
 * free: claimed by binding a phone number; paid: bought for a term (monthly or yearly) and
 * renewed by the shop; tier: granted and withdrawn with the member's tier; internal: issued by
 * staff to chosen members (employees, partners).
 */
export const cardKindTypes = ['free', 'paid', 'tier', 'internal'] as const;
export type CardKindType = (typeof cardKindTypes)[number];

export const cardStatuses = ['active', 'expiring', 'lapsed', 'cancelled'] as const;
export type CardStatus = (typeof cardStatuses)[number];

export const CardKindKey = z
  .string()
  .min(1)
  .max(40)
  .regex(/^[a-z0-9_]+$/, 'use lowercase letters, digits and "_" (e.g. black_card)');

/** How card numbers look: a prefix, then `digits` digits, then one Luhn check digit. */
export const CardNumbering = z.object({
  prefix: z
    .string()
    .max(8)
    .regex(/^[0-9]*$/, 'use digits only (e.g. 8801)')
    .default(''),
  digits: z.number().int().min(6, 'at least 6 digits').max(18).default(10),
});
export type CardNumbering = z.infer<typeof CardNumbering>;

export const CardBilling = z.object({
  period: z.enum(['monthly', 'yearly']).default('yearly'),
  /** Price of one term, in the shop's currency. */
  price: z.number().min(0).max(1_000_000).default(0),
  /** Periods bought at once: 1 yearly = 12 months, 3 monthly = 3 months. */
  term: z.number().int().min(1).max(10).default(1),
  autoRenew: z.boolean().default(false),
  /** Days after the end during which a renewal keeps the card (and its benefits) alive. */
  graceDays: z.number().int().min(0).max(90).default(7),
});
export type CardBilling = z.infer<typeof CardBilling>;

export const CardBenefits = z.object({
  /** Points earned are multiplied by this while the card is active (the highest card counts). */
  pointsMultiplier: z.number().min(1).max(10).default(1),
  freeShipping: z.boolean().default(false),
  /** A standing discount on every order, in percent. */
  discountPercent: z.number().min(0).max(90).default(0),
  /** Coupon template keys issued on activation and on every month of the term. */
  couponPack: z.array(z.string().min(1).max(40)).max(10).default([]),
  /** Member-day exclusives shown on the card (e.g. "8th of every month: double points"). */
  memberDay: z.string().max(300).default(''),
});
export type CardBenefits = z.infer<typeof CardBenefits>;

const cardKindFields = {
  name: z.string().min(1, 'give the card a name').max(60),
  type: z.enum(cardKindTypes),
  description: z.string().max(500).default(''),
  /** Paid cards only. */
  billing: CardBilling.nullable().default(null),
  /** Tier cards only: the tier whose members hold it. */
  tier: z.string().max(40).nullable().default(null),
  /** card_expiring is raised this many days before a term ends. */
  reminderDays: z.number().int().min(1).max(60).default(7),
  numbering: CardNumbering.default({ prefix: '', digits: 10 }),
  benefits: CardBenefits.default({ pointsMultiplier: 1, freeShipping: false, discountPercent: 0, couponPack: [], memberDay: '' }),
};

function checkCardKind(k: { type: CardKindType; billing: CardBilling | null; tier: string | null }, ctx: z.RefinementCtx): void {
  if (k.type === 'paid' && !k.billing)
    ctx.addIssue({ code: 'custom', path: ['billing'], message: 'a paid card needs a price and a term' });
  if (k.type !== 'paid' && k.billing)
    ctx.addIssue({ code: 'custom', path: ['billing'], message: 'only paid cards have billing' });
  if (k.type === 'tier' && !k.tier) ctx.addIssue({ code: 'custom', path: ['tier'], message: 'a tier card names its tier' });
  if (k.type !== 'tier' && k.tier) ctx.addIssue({ code: 'custom', path: ['tier'], message: 'only tier cards name a tier' });
}

/** PUT /api/v1/card-kinds/:key: the kind without its key (the path names it). */
export const CardKindBody = z.object(cardKindFields).superRefine(checkCardKind);
export type CardKindBody = z.infer<typeof CardKindBody>;

export const CardKind = z.object({ key: CardKindKey, ...cardKindFields }).superRefine(checkCardKind);
export type CardKind = z.infer<typeof CardKind>;

/** A member's card as the API shows it; dates are ISO strings, `endsAt` null for cards without a term. */
export interface MemberCard {
  id: string;
  memberId: string;
  kind: string;
  number: string;
  status: CardStatus;
  issuedAt: string;
  startsAt: string;
  endsAt: string | null;
  /** Terms bought so far (1 on issue, +1 per renewal). */
  term: number;
  /** End of the grace period: the card lapses then unless renewed. */
  lapsesAt: string | null;
  cancelledAt: string | null;
  cancelReason: string | null;
}

/** A member's card with its kind's name and benefits, for the member page. */
export interface MemberCardView extends MemberCard {
  kindName: string;
  type: CardKindType;
  benefits: CardBenefits;
  /** Coupons its pack has issued so far. */
  couponsIssued: number;
}

/** Active and expiring cards carry benefits; lapsed and cancelled ones carry none. */
export const cardCarriesBenefits = (status: CardStatus): boolean => status === 'active' || status === 'expiring';

/** The highest points multiplier among cards that carry benefits (1 without any). */
export function cardPointsMultiplier(
  cards: readonly { status: CardStatus; benefits: Pick<CardBenefits, 'pointsMultiplier'> }[],
): number {
  return cards.filter((c) => cardCarriesBenefits(c.status)).reduce((m, c) => Math.max(m, c.benefits.pointsMultiplier), 1);
}

export const IssueCard = z.object({
  kind: CardKindKey,
  /** A number from the kind's pool is taken when none is given. */
  number: z
    .string()
    .min(4)
    .max(32)
    .regex(/^[0-9A-Za-z]+$/, 'letters and digits only')
    .optional(),
  /** Free cards are claimed by binding a phone number. */
  phone: z
    .string()
    .min(5)
    .max(32)
    .regex(/^\+?[0-9 -]+$/, 'must be a phone number, e.g. +86 138 0000 0000')
    .optional(),
  /** Paid cards: the purchase's payment reference (a repeat with the same one issues nothing new). */
  paymentRef: z.string().min(1).max(100).optional(),
});
export type IssueCard = z.infer<typeof IssueCard>;

export const RenewCard = z.object({
  paymentRef: z.string().min(1, 'is required').max(100),
  amount: z.number().min(0).max(100_000_000).optional(),
});

export const CancelCard = z.object({ reason: z.string().min(1, 'say why').max(200) });

export const GenerateCardNumbers = z.object({ count: z.number().int().min(1).max(10_000) });
export const ImportCardNumbers = z.object({
  numbers: z
    .array(
      z
        .string()
        .min(4)
        .max(32)
        .regex(/^[0-9A-Za-z]+$/, 'letters and digits only'),
    )
    .min(1)
    .max(10_000),
});
