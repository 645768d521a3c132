/** GET /api/v1/coupon-templates item as the runtime returns it (valid dates are epoch ms). */
export interface CouponTemplateItem {
  key: string;
  name: string;
  kind: 'amount_off' | 'percent_off' | 'free_shipping' | 'gift';
  value: number;
  minSpend: number;
  validityDays: number | null;
  validFrom: number | null;
  validTo: number | null;
  oncePerMember?: boolean;
  stockLimit?: number | null;
}

/** GET /api/v1/segments item, the fields the picker reads. */
export interface SegmentItem {
  key: string;
  name: string;
  memberCount: number;
  countedAt: string | null;
}

/** GET /api/v1/tiers item, the fields the picker reads. */
export interface TierItem {
  key: string;
  name: string;
  rank: number;
  basis: 'spend' | 'points';
  threshold: number;
}

/** One datalist entry: the value typed into the field and what the list shows beside it. */
export interface PickerOption {
  value: string;
  label: string;
}
