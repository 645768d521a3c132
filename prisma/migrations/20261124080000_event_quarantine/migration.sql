-- AlterTable
ALTER TABLE "event" ADD COLUMN     "attempts" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "error" TEXT,
ADD COLUMN     "failed_at" TIMESTAMPTZ(3);

