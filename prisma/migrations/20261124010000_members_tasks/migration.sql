-- AlterTable
ALTER TABLE "member" ADD COLUMN     "birthday" TEXT,
ADD COLUMN     "consents" JSONB NOT NULL DEFAULT '{}',
ADD COLUMN     "joined_at" TIMESTAMPTZ(3),
ADD COLUMN     "locale" TEXT,
ADD COLUMN     "points_balance" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "stored_value" DECIMAL(14,2) NOT NULL DEFAULT 0,
ADD COLUMN     "tags" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "tier" TEXT;

-- AlterTable
ALTER TABLE "effect" ADD COLUMN     "attempts" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "done_at" TIMESTAMPTZ(3),
ADD COLUMN     "error" TEXT;

-- CreateTable
CREATE TABLE "task" (
    "id" UUID NOT NULL,
    "member_id" TEXT NOT NULL,
    "workflow_id" UUID,
    "type" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "assignee" TEXT NOT NULL DEFAULT '',
    "priority" TEXT NOT NULL DEFAULT 'normal',
    "status" TEXT NOT NULL DEFAULT 'open',
    "due_at" TIMESTAMPTZ(3) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL,
    "done_at" TIMESTAMPTZ(3),
    "effect_id" UUID,

    CONSTRAINT "task_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "task_effect_id_key" ON "task"("effect_id");

-- CreateIndex
CREATE INDEX "task_status_due_at_idx" ON "task"("status", "due_at");

-- CreateIndex
CREATE INDEX "task_member_id_idx" ON "task"("member_id");

-- CreateIndex
CREATE INDEX "event_member_id_type_occurred_at_idx" ON "event"("member_id", "type", "occurred_at");

-- CreateIndex
CREATE INDEX "effect_status_created_at_idx" ON "effect"("status", "created_at");

