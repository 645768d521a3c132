-- The retention job (runtime/src/engine/retention-prune.ts) walks each table from its oldest rows in
-- keyset order, a batch per statement: these let every batch start where the last one stopped.
-- On a large existing install, build them first by hand with CREATE INDEX CONCURRENTLY (same names)
-- so writes are not blocked while they build, and this migration finds them there.
CREATE INDEX IF NOT EXISTS "event_received_at_seq_idx" ON "event"("received_at", "seq");
CREATE INDEX IF NOT EXISTS "journey_step_at_id_idx" ON "journey_step"("at", "id");
