-- Time-true triggers: each live time-triggered workflow's next moment per member, swept like a wake-up.
CREATE TABLE "trigger_due" (
    "workflow_id" UUID NOT NULL,
    "member_id" TEXT NOT NULL,
    "occurrence_at" TIMESTAMPTZ(3),
    "due_at" TIMESTAMPTZ(3),
    CONSTRAINT "trigger_due_pkey" PRIMARY KEY ("workflow_id","member_id")
);
CREATE INDEX "trigger_due_due_at_idx" ON "trigger_due"("due_at");

-- How late a fire came after its moment.
ALTER TABLE "trigger_fire" ADD COLUMN "lateness_ms" BIGINT NOT NULL DEFAULT 0;

-- Events that reached a journey while its workflow was paused.
ALTER TABLE "journey" ADD COLUMN "inbox" JSONB NOT NULL DEFAULT '[]';

-- Resumed journeys with events kept while paused are found without scanning every journey.
CREATE INDEX "journey_inbox_idx" ON "journey"("workflow_id") WHERE "inbox" <> '[]'::jsonb;
