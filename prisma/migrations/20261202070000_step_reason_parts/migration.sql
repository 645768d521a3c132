-- A step's reason as message keys and values beside the English, so a trace reads in the reader's language.
ALTER TABLE "journey_step" ADD COLUMN "reason_parts" JSONB;
