-- AlterTable
ALTER TABLE "member" ADD COLUMN     "deleted_at" TIMESTAMPTZ(3),
ADD COLUMN     "rfm_at" TIMESTAMPTZ(3),
ADD COLUMN     "rfm_f" INTEGER,
ADD COLUMN     "rfm_m" INTEGER,
ADD COLUMN     "rfm_r" INTEGER,
ADD COLUMN     "rfm_segment" TEXT;

-- AlterTable
ALTER TABLE "coupon" ADD COLUMN     "order_id" TEXT,
ADD COLUMN     "redeemed_at" TIMESTAMPTZ(3);

-- CreateTable
CREATE TABLE "loyalty_program" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "settings" JSONB NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "loyalty_program_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "tier" (
    "key" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "rank" INTEGER NOT NULL,
    "basis" TEXT NOT NULL DEFAULT 'spend',
    "period" TEXT NOT NULL DEFAULT 'lifetime',
    "threshold" DECIMAL(14,2) NOT NULL DEFAULT 0,
    "points_multiplier" DECIMAL(6,2) NOT NULL DEFAULT 1,
    "benefits" TEXT NOT NULL DEFAULT '',

    CONSTRAINT "tier_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "points_entry" (
    "id" BIGSERIAL NOT NULL,
    "member_id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "delta" INTEGER NOT NULL,
    "remaining" INTEGER NOT NULL DEFAULT 0,
    "reason" TEXT NOT NULL DEFAULT '',
    "source" TEXT NOT NULL DEFAULT '',
    "expires_at" TIMESTAMPTZ(3),
    "at" TIMESTAMPTZ(3) NOT NULL,
    "idempotency_key" TEXT,

    CONSTRAINT "points_entry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "stored_value_entry" (
    "id" BIGSERIAL NOT NULL,
    "member_id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "amount" DECIMAL(14,2) NOT NULL,
    "balance_after" DECIMAL(14,2) NOT NULL,
    "reason" TEXT NOT NULL DEFAULT '',
    "at" TIMESTAMPTZ(3) NOT NULL,
    "idempotency_key" TEXT,

    CONSTRAINT "stored_value_entry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "coupon_template" (
    "key" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "value" DECIMAL(14,2) NOT NULL DEFAULT 0,
    "min_spend" DECIMAL(14,2) NOT NULL DEFAULT 0,
    "validity_days" INTEGER,
    "valid_from" TIMESTAMPTZ(3),
    "valid_to" TIMESTAMPTZ(3),
    "once_per_member" BOOLEAN NOT NULL DEFAULT false,
    "stock_limit" INTEGER,
    "issued_count" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "coupon_template_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "segment" (
    "id" UUID NOT NULL,
    "key" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "condition" JSONB NOT NULL,
    "member_count" INTEGER NOT NULL DEFAULT 0,
    "counted_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "segment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "segment_member" (
    "segment_id" UUID NOT NULL,
    "member_id" TEXT NOT NULL,
    "entered_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "segment_member_pkey" PRIMARY KEY ("segment_id","member_id")
);

-- CreateTable
CREATE TABLE "import_job" (
    "id" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'running',
    "total" INTEGER NOT NULL DEFAULT 0,
    "processed" INTEGER NOT NULL DEFAULT 0,
    "failed" INTEGER NOT NULL DEFAULT 0,
    "errors" JSONB NOT NULL DEFAULT '[]',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finished_at" TIMESTAMPTZ(3),

    CONSTRAINT "import_job_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "tier_rank_key" ON "tier"("rank");

-- CreateIndex
CREATE UNIQUE INDEX "points_entry_idempotency_key_key" ON "points_entry"("idempotency_key");

-- CreateIndex
CREATE INDEX "points_entry_member_id_at_idx" ON "points_entry"("member_id", "at");

-- CreateIndex
CREATE INDEX "points_entry_kind_expires_at_idx" ON "points_entry"("kind", "expires_at");

-- CreateIndex
CREATE UNIQUE INDEX "stored_value_entry_idempotency_key_key" ON "stored_value_entry"("idempotency_key");

-- CreateIndex
CREATE INDEX "stored_value_entry_member_id_at_idx" ON "stored_value_entry"("member_id", "at");

-- CreateIndex
CREATE UNIQUE INDEX "segment_key_key" ON "segment"("key");

-- CreateIndex
CREATE INDEX "segment_member_member_id_idx" ON "segment_member"("member_id");

-- CreateIndex
CREATE INDEX "member_rfm_segment_idx" ON "member"("rfm_segment");

