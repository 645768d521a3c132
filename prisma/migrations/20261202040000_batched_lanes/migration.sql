-- Batched lanes load the trigger moments of a batch's members by member id
CREATE INDEX "trigger_due_member_id_idx" ON "trigger_due"("member_id");

-- effect(member_id, kind, at) serves every lookup by member, so the narrower index only cost writes
DROP INDEX "effect_member_id_idx";
