-- AlterTable
ALTER TABLE "effect" ADD COLUMN     "not_before" TIMESTAMPTZ(3);

-- CreateIndex
CREATE INDEX "effect_status_not_before_idx" ON "effect"("status", "not_before");

-- CreateIndex
CREATE INDEX "effect_member_id_kind_at_idx" ON "effect"("member_id", "kind", "at");

