/**
 * What conditions, waits and time triggers may read about a member. The runtime loads it
 * from Postgres before a step; the simulator builds it from a described member and timeline.
 */
export interface MemberFacts {
  id: string;
  name?: string | null;
  email?: string | null;
  phone?: string | null;
  /** IANA time zone, e.g. Asia/Shanghai. */
  timeZone: string;
  locale?: string;
  tier: string | null;
  tags: string[];
  pointsBalance: number;
  storedValue: number;
  orderCount: number;
  totalSpent: number;
  firstPurchaseAt: number | null;
  lastPurchaseAt: number | null;
  /** Calendar dates as YYYY-MM-DD, read in the member's time zone. */
  birthday: string | null;
  joinedAt: number | null;
  attributes: Record<string, unknown>;
  /** Per-channel consent; false means never use that channel. */
  consents: Record<string, boolean>;
  rfm: { r: number; f: number; m: number; segment: string } | null;
  /** Recent purchases, enough for windowed metrics ("spend in the last 90 days"). */
  purchases: { at: number; amount: number }[];
  /** Point lots that will expire, for points-expiring triggers. */
  pointsExpiring: { points: number; expiresAt: number }[];
  /** The highest points multiplier of the member's membership cards that still carry benefits (absent: 1). */
  cardMultiplier?: number;
  /** Membership cards held now (active or expiring), with when each lapses (null: no term). */
  cards?: { kind: string; lapsesAt: number | null }[];
  /** Consecutive days with a sign-in, in the member's time zone (0 = none yet). */
  signInStreak?: number;
  /** The latest of those days, YYYY-MM-DD. */
  lastSignInDay?: string | null;
}

export function emptyMember(id: string, timeZone = 'UTC'): MemberFacts {
  return {
    id,
    timeZone,
    tier: null,
    tags: [],
    pointsBalance: 0,
    storedValue: 0,
    orderCount: 0,
    totalSpent: 0,
    firstPurchaseAt: null,
    lastPurchaseAt: null,
    birthday: null,
    joinedAt: null,
    attributes: {},
    consents: {},
    rfm: null,
    purchases: [],
    pointsExpiring: [],
    signInStreak: 0,
    lastSignInDay: null,
  };
}
