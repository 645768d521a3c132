-- CreateTable
CREATE TABLE "entry_refusal" (
    "workflow_id" UUID NOT NULL,
    "member_id" TEXT NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL,
    "cause" TEXT NOT NULL,
    "reason" TEXT NOT NULL,

    CONSTRAINT "entry_refusal_pkey" PRIMARY KEY ("workflow_id","member_id")
);

-- CreateIndex
CREATE INDEX "entry_refusal_member_id_idx" ON "entry_refusal"("member_id");

