-- When a card next needs the upkeep (its reminder, its lapse or its next coupon-pack period):
-- the upkeep reads only the cards due, not every live card on every pass.
ALTER TABLE "member_card" ADD COLUMN "next_due_at" TIMESTAMPTZ(3);
CREATE INDEX "member_card_due_idx" ON "member_card" ("next_due_at") WHERE "status" IN ('active', 'expiring');
