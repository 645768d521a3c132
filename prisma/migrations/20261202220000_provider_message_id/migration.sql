-- The provider that took a message and its own id for it (Aliyun BizId, Tencent SerialNo, WeChat msgid, Twilio SID),
-- so delivery receipts and clicks find the message they are about. Also the last receipt's status.
ALTER TABLE "effect" ADD COLUMN "provider" TEXT;
ALTER TABLE "effect" ADD COLUMN "provider_message_id" TEXT;
ALTER TABLE "effect" ADD COLUMN "delivery_status" TEXT;
CREATE INDEX "effect_provider_message_id_idx" ON "effect" ("provider", "provider_message_id") WHERE "provider_message_id" IS NOT NULL;
