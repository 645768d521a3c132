-- An archived coupon template issues no more coupons (the ones issued stay valid and counted).
ALTER TABLE "coupon_template" ADD COLUMN "archived_at" TIMESTAMPTZ(3);
