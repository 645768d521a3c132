-- Sign-in streaks: consecutive days with a sign-in, counted in the member's time zone.
ALTER TABLE "member" ADD COLUMN "sign_in_streak" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "member" ADD COLUMN "last_sign_in_day" DATE;

-- Protection period: an earned lot is spendable from this moment (null = at once).
ALTER TABLE "points_entry" ADD COLUMN "available_at" TIMESTAMPTZ(3);
-- The reason as message keys and values, for a ledger shown in the reader's language.
ALTER TABLE "points_entry" ADD COLUMN "reason_parts" JSONB;
