/** English messages for names a workflow uses that do not exist (shared/src/references.ts); spread into en.ts. */
export const referencesEn = {
  'references.missing.couponTemplate': 'Coupon template "{key}" does not exist: create it on the Coupons page before publishing',
  'references.missing.tier': 'Tier "{key}" does not exist: add it on the Tiers page before publishing',
  'references.missing.segment': 'Segment "{key}" does not exist: save it on the Segments page before publishing',
  'references.archived.couponTemplate': 'Coupon template "{key}" is archived: restore it on the Coupons page or choose another',
};
