/** GET /api/v1/coupon-templates item: the shape the runtime declares. */
export type { CouponTemplate as CouponTemplateItem } from '@memberflow/shared/api/loyalty';

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

/** GET /api/v1/member-tags item: a tag and how many members carry it. */
export interface TagItem {
  tag: string;
  members: number;
}
