-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateTable
CREATE TABLE "member" (
    "id" TEXT NOT NULL,
    "name" TEXT,
    "email" TEXT,
    "phone" TEXT,
    "time_zone" TEXT NOT NULL DEFAULT 'UTC',
    "attributes" JSONB NOT NULL DEFAULT '{}',
    "order_count" INTEGER NOT NULL DEFAULT 0,
    "total_spent" DECIMAL(14,2) NOT NULL DEFAULT 0,
    "first_purchase_at" TIMESTAMPTZ(3),
    "last_purchase_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "member_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "workflow" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "status" TEXT NOT NULL DEFAULT 'draft',
    "draft" JSONB NOT NULL,
    "live_version_id" UUID,
    "template_key" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "workflow_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "workflow_version" (
    "id" UUID NOT NULL,
    "workflow_id" UUID NOT NULL,
    "version" INTEGER NOT NULL,
    "definition" JSONB NOT NULL,
    "published_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "workflow_version_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "event" (
    "seq" BIGSERIAL NOT NULL,
    "idempotency_key" TEXT,
    "member_id" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "occurred_at" TIMESTAMPTZ(3) NOT NULL,
    "received_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "properties" JSONB NOT NULL DEFAULT '{}',
    "processed_at" TIMESTAMPTZ(3),

    CONSTRAINT "event_pkey" PRIMARY KEY ("seq")
);

-- CreateTable
CREATE TABLE "journey" (
    "id" UUID NOT NULL,
    "workflow_id" UUID NOT NULL,
    "version_id" UUID NOT NULL,
    "member_id" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "current_node" TEXT NOT NULL,
    "snapshot" JSONB NOT NULL,
    "wake_at" TIMESTAMPTZ(3),
    "entry_count" INTEGER NOT NULL DEFAULT 1,
    "entered_at" TIMESTAMPTZ(3) NOT NULL,
    "ended_at" TIMESTAMPTZ(3),
    "last_error" TEXT,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "journey_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "journey_step" (
    "id" BIGSERIAL NOT NULL,
    "journey_id" UUID NOT NULL,
    "workflow_id" UUID NOT NULL,
    "member_id" TEXT NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL,
    "from_node" TEXT,
    "to_node" TEXT NOT NULL,
    "cause" TEXT NOT NULL,
    "event_seq" BIGINT,
    "path" TEXT[],
    "reason" TEXT NOT NULL,

    CONSTRAINT "journey_step_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "effect" (
    "id" UUID NOT NULL,
    "idempotency_key" TEXT NOT NULL,
    "journey_id" UUID NOT NULL,
    "workflow_id" UUID NOT NULL,
    "member_id" TEXT NOT NULL,
    "node_id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "payload" JSONB NOT NULL DEFAULT '{}',
    "status" TEXT NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "effect_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "coupon" (
    "id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "template" TEXT NOT NULL,
    "member_id" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'issued',
    "issued_at" TIMESTAMPTZ(3) NOT NULL,
    "expires_at" TIMESTAMPTZ(3),
    "effect_id" UUID,

    CONSTRAINT "coupon_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "workflow_status_idx" ON "workflow"("status");

-- CreateIndex
CREATE UNIQUE INDEX "workflow_version_workflow_id_version_key" ON "workflow_version"("workflow_id", "version");

-- CreateIndex
CREATE UNIQUE INDEX "event_idempotency_key_key" ON "event"("idempotency_key");

-- CreateIndex
CREATE INDEX "event_member_id_processed_at_seq_idx" ON "event"("member_id", "processed_at", "seq");

-- CreateIndex
CREATE INDEX "event_processed_at_received_at_idx" ON "event"("processed_at", "received_at");

-- CreateIndex
CREATE INDEX "journey_status_wake_at_idx" ON "journey"("status", "wake_at");

-- CreateIndex
CREATE INDEX "journey_member_id_idx" ON "journey"("member_id");

-- CreateIndex
CREATE INDEX "journey_workflow_id_status_current_node_idx" ON "journey"("workflow_id", "status", "current_node");

-- CreateIndex
CREATE UNIQUE INDEX "journey_version_id_member_id_key" ON "journey"("version_id", "member_id");

-- CreateIndex
CREATE INDEX "journey_step_journey_id_id_idx" ON "journey_step"("journey_id", "id");

-- CreateIndex
CREATE INDEX "journey_step_workflow_id_at_idx" ON "journey_step"("workflow_id", "at");

-- CreateIndex
CREATE UNIQUE INDEX "effect_idempotency_key_key" ON "effect"("idempotency_key");

-- CreateIndex
CREATE INDEX "effect_workflow_id_at_idx" ON "effect"("workflow_id", "at");

-- CreateIndex
CREATE INDEX "effect_member_id_idx" ON "effect"("member_id");

-- CreateIndex
CREATE UNIQUE INDEX "coupon_code_key" ON "coupon"("code");

-- CreateIndex
CREATE UNIQUE INDEX "coupon_effect_id_key" ON "coupon"("effect_id");

-- CreateIndex
CREATE INDEX "coupon_member_id_idx" ON "coupon"("member_id");

-- AddForeignKey
ALTER TABLE "workflow_version" ADD CONSTRAINT "workflow_version_workflow_id_fkey" FOREIGN KEY ("workflow_id") REFERENCES "workflow"("id") ON DELETE CASCADE ON UPDATE CASCADE;

