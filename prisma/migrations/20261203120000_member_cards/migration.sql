-- Membership cards: the kinds a programme defines (free, paid, tier, internal) with their
-- benefit packs, the pools of card numbers, the cards members hold, paid renewals (one per
-- payment reference) and the coupon packs issued per card and monthly period (once each).

CREATE TABLE "card_kind" (
    "key" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "definition" JSONB NOT NULL,
    "archived_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "card_kind_pkey" PRIMARY KEY ("key")
);

CREATE TABLE "card_number" (
    "number" TEXT NOT NULL,
    "card_kind" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "batch" TEXT NOT NULL,
    "member_card_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "card_number_pkey" PRIMARY KEY ("number")
);
CREATE INDEX "card_number_free_idx" ON "card_number" ("card_kind", "created_at") WHERE "member_card_id" IS NULL;

CREATE TABLE "member_card" (
    "id" UUID NOT NULL,
    "member_id" TEXT NOT NULL,
    "card_kind" TEXT NOT NULL,
    "number" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'active',
    "issued_at" TIMESTAMPTZ(3) NOT NULL,
    "starts_at" TIMESTAMPTZ(3) NOT NULL,
    "ends_at" TIMESTAMPTZ(3),
    "term" INTEGER NOT NULL DEFAULT 1,
    "reminded_term" INTEGER,
    "lapsed_at" TIMESTAMPTZ(3),
    "cancelled_at" TIMESTAMPTZ(3),
    "cancel_reason" TEXT,
    "issued_by" TEXT NOT NULL,
    "payment_ref" TEXT,
    CONSTRAINT "member_card_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "member_card_number_key" ON "member_card" ("number");
CREATE INDEX "member_card_member_idx" ON "member_card" ("member_id");
CREATE INDEX "member_card_kind_idx" ON "member_card" ("card_kind", "issued_at");
-- One live card of a kind per member: a second issue of the same kind is refused.
CREATE UNIQUE INDEX "member_card_live_key" ON "member_card" ("member_id", "card_kind") WHERE "status" IN ('active', 'expiring');
-- A purchase's payment reference issues one card however often it is posted.
CREATE UNIQUE INDEX "member_card_payment_key" ON "member_card" ("card_kind", "payment_ref") WHERE "payment_ref" IS NOT NULL;

CREATE TABLE "card_renewal" (
    "card_id" UUID NOT NULL,
    "payment_ref" TEXT NOT NULL,
    "amount" DECIMAL(14,2),
    "term" INTEGER NOT NULL,
    "ends_at" TIMESTAMPTZ(3) NOT NULL,
    "renewed_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "card_renewal_pkey" PRIMARY KEY ("card_id", "payment_ref")
);

CREATE TABLE "card_benefit_issue" (
    "card_id" UUID NOT NULL,
    "period_index" INTEGER NOT NULL,
    "template" TEXT NOT NULL,
    "coupon_code" TEXT,
    "skipped" TEXT,
    "issued_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "card_benefit_issue_pkey" PRIMARY KEY ("card_id", "period_index", "template")
);
