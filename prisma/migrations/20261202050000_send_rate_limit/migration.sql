-- A step's send rate limit counts the messages it let out in the last window.
ALTER TABLE "effect" ADD COLUMN "released_at" TIMESTAMPTZ(3);
CREATE INDEX "effect_workflow_id_node_id_released_at_idx" ON "effect" ("workflow_id", "node_id", "released_at") WHERE "released_at" IS NOT NULL;
