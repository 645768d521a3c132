-- CreateTable
CREATE TABLE "trigger_fire" (
    "workflow_id" UUID NOT NULL,
    "member_id" TEXT NOT NULL,
    "period_key" TEXT NOT NULL,
    "fire_at" TIMESTAMPTZ(3) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "trigger_fire_pkey" PRIMARY KEY ("workflow_id","member_id","period_key")
);

-- CreateIndex
CREATE INDEX "member_time_zone_idx" ON "member"("time_zone");

-- CreateIndex
CREATE INDEX "member_last_purchase_at_idx" ON "member"("last_purchase_at");

