-- Staff may void a coupon (status 'voided') with a reason: it can no longer be redeemed.
ALTER TABLE "coupon" ADD COLUMN "voided_at" TIMESTAMPTZ(3),
ADD COLUMN "void_reason" TEXT;

-- The coupons of a template, newest first, for the Coupons page and its report.
CREATE INDEX "coupon_template_issued_at_idx" ON "coupon"("template", "issued_at");

-- Settings marketers change in the editor (the contact policy), one JSON value per key.
CREATE TABLE "app_setting" (
    "key" TEXT NOT NULL,
    "value" JSONB NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_by" TEXT NOT NULL DEFAULT '',

    CONSTRAINT "app_setting_pkey" PRIMARY KEY ("key")
);
