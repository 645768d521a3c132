-- The points mall: rewards members buy with points (coupon, gift or product), priced in
-- points, cash + points, or as points taken off an order.
CREATE TABLE "points_mall_item" (
    "key" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "kind" TEXT NOT NULL,
    "coupon_template" TEXT,
    "pricing" TEXT NOT NULL,
    "points" INTEGER NOT NULL,
    "cash" DECIMAL(14,2) NOT NULL DEFAULT 0,
    "deduction_value" DECIMAL(14,2),
    "deduction_min_points" INTEGER,
    "deduction_max_points" INTEGER,
    "stock" INTEGER,
    "per_member_limit" INTEGER,
    "limit_period" TEXT,
    "redeemed_count" INTEGER NOT NULL DEFAULT 0,
    "archived_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "points_mall_item_pkey" PRIMARY KEY ("key"),
    CONSTRAINT "points_mall_item_stock_check" CHECK ("stock" IS NULL OR "stock" >= 0)
);

-- One redemption: what it cost, the lots it drew from (so a refund puts points back where they
-- came from) and, once refunded, when and why.
CREATE TABLE "points_mall_redemption" (
    "id" UUID NOT NULL,
    "item_key" TEXT NOT NULL,
    "member_id" TEXT NOT NULL,
    "idempotency_key" TEXT NOT NULL,
    "points" INTEGER NOT NULL,
    "cash" DECIMAL(14,2) NOT NULL DEFAULT 0,
    "deduction" DECIMAL(14,2) NOT NULL DEFAULT 0,
    "coupon_code" TEXT,
    "order_id" TEXT,
    "balance_after" INTEGER NOT NULL,
    "lots" JSONB NOT NULL DEFAULT '[]',
    "status" TEXT NOT NULL DEFAULT 'redeemed',
    "source" TEXT NOT NULL,
    "actor" TEXT NOT NULL DEFAULT '',
    "at" TIMESTAMPTZ(3) NOT NULL,
    "refunded_at" TIMESTAMPTZ(3),
    "refund_reason" TEXT,

    CONSTRAINT "points_mall_redemption_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "points_mall_redemption_idempotency_key_key" ON "points_mall_redemption"("idempotency_key");
CREATE INDEX "points_mall_redemption_member_id_item_key_at_idx" ON "points_mall_redemption"("member_id", "item_key", "at");
CREATE INDEX "points_mall_redemption_item_key_at_idx" ON "points_mall_redemption"("item_key", "at");
CREATE INDEX "points_mall_redemption_at_idx" ON "points_mall_redemption"("at");
