import '../zod-messages.ts';
import { z } from 'zod';
import {
  CancelCard,
  CardKindBody,
  GenerateCardNumbers,
  ImportCardNumbers,
  IssueCard,
  RenewCard,
  type CardKind,
  type MemberCard,
  type MemberCardView,
} from '../loyalty/cards.ts';
import { defineRoute } from './route-contract.ts';

/** A card kind with how many members hold it and how many numbers wait in its pool. */
export interface CardKindRow extends CardKind {
  holders: { active: number; expiring: number; lapsed: number; cancelled: number };
  numbersFree: number;
  archived: boolean;
}

export const CardHoldersQuery = z.object({
  status: z.enum(['active', 'expiring', 'lapsed', 'cancelled']).optional(),
  limit: z.coerce
    .number()
    .int('must be a whole number')
    .min(1, 'must be at least 1')
    .max(500, 'must be at most 500')
    .default(100),
});

/** What a renewal did: `renewed` false when the payment reference was already applied. */
export interface CardRenewal {
  renewed: boolean;
  card: MemberCard;
}

export const cardRoutes = {
  kinds: defineRoute<{ kinds: CardKindRow[] }>()({
    method: 'GET',
    path: '/api/v1/card-kinds',
    access: 'read',
    summary: 'Membership card kinds with their benefit packs, holders per status and free card numbers',
  }),
  saveKind: defineRoute<CardKindRow>()({
    method: 'PUT',
    path: '/api/v1/card-kinds/:key',
    access: 'edit',
    body: CardKindBody,
    summary: 'Create or change a card kind (the key: lowercase letters, digits and "_")',
    description: 'Paid cards need billing; tier cards name their tier. Coupon pack keys must be existing coupon templates.',
    example: {
      body: {
        name: 'Black card',
        type: 'paid',
        billing: { period: 'yearly', price: 199, term: 1, autoRenew: true, graceDays: 7 },
        reminderDays: 7,
        numbering: { prefix: '8801', digits: 10 },
        benefits: {
          pointsMultiplier: 2,
          freeShipping: true,
          discountPercent: 5,
          couponPack: ['WELCOME10'],
          memberDay: '8th of every month: double points',
        },
      },
    },
  }),
  archiveKind: defineRoute<{ archived: boolean }>()({
    method: 'DELETE',
    path: '/api/v1/card-kinds/:key',
    access: 'edit',
    answer: z.object({ archived: z.boolean() }),
    summary: 'Archive a card kind: no new cards are issued; cards held stay until they lapse or are cancelled',
  }),
  generateNumbers: defineRoute<{ generated: string[] }>()({
    method: 'POST',
    path: '/api/v1/card-kinds/:key/numbers',
    access: 'edit',
    body: GenerateCardNumbers,
    answer: z.object({ generated: z.array(z.string()) }),
    status: 201,
    summary: "Generate a batch of card numbers for a kind's pool (prefix + digits + Luhn check digit), each unique",
    example: { body: { count: 100 } },
  }),
  importNumbers: defineRoute<{ imported: number; duplicates: string[] }>()({
    method: 'POST',
    path: '/api/v1/card-kinds/:key/numbers/import',
    access: 'edit',
    body: ImportCardNumbers,
    answer: z.object({ imported: z.number().int(), duplicates: z.array(z.string()) }),
    summary: "Import card numbers printed elsewhere into a kind's pool; numbers already known are listed, not added",
    example: { body: { numbers: ['880100000000017', '880100000000025'] } },
  }),
  holders: defineRoute<{ cards: MemberCard[] }>()({
    method: 'GET',
    path: '/api/v1/card-kinds/:key/holders',
    access: 'read',
    query: CardHoldersQuery,
    summary: 'Members holding a card kind, newest first',
  }),
  memberCards: defineRoute<{ cards: MemberCardView[] }>()({
    method: 'GET',
    path: '/api/v1/members/:id/cards',
    access: 'read',
    summary: "A member's cards with their status, dates and benefits",
  }),
  issue: defineRoute<{ card: MemberCard; issued: boolean }>()({
    method: 'POST',
    path: '/api/v1/members/:id/cards',
    access: 'edit',
    body: IssueCard,
    summary: 'Issue a card to a member (raises card_issued); a free card binds the phone number given',
    description:
      '409 when the member already holds a live card of that kind, the kind is a tier card (those follow the tier) or archived.',
    example: { body: { kind: 'black_card', paymentRef: 'PAY-20260301-0042' } },
  }),
  renew: defineRoute<CardRenewal>()({
    method: 'POST',
    path: '/api/v1/members/:id/cards/:card/renew',
    access: 'ingest',
    body: RenewCard,
    summary: 'Renew a paid card for another term (raises card_renewed); idempotent by payment reference',
    description:
      'Posted by the shop system once the payment went through. A repeated payment reference answers the card as it is with renewed: false. 409 when the card lapsed or was cancelled.',
    example: { body: { paymentRef: 'PAY-20270301-0107', amount: 199 } },
  }),
  cancel: defineRoute<MemberCard>()({
    method: 'POST',
    path: '/api/v1/members/:id/cards/:card/cancel',
    access: 'edit',
    body: CancelCard,
    summary: "Cancel a member's card now (raises card_cancelled): its benefits stop",
    example: { body: { reason: "Refunded at the member's request" } },
  }),
};
