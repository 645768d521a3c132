-- Backtests run as jobs in the worker processes: this row is the truth (status, progress, report), the queue only carries its id.
CREATE TABLE "backtest_run" (
    "id" UUID NOT NULL,
    "workflow_id" UUID NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'queued',
    "days" INTEGER NOT NULL,
    "definition" JSONB NOT NULL,
    "progress" JSONB NOT NULL DEFAULT '{}',
    "report" JSONB,
    "error" TEXT,
    "requested_by" TEXT NOT NULL,
    "cancel_requested_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "started_at" TIMESTAMPTZ(3),
    "finished_at" TIMESTAMPTZ(3),

    CONSTRAINT "backtest_run_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "backtest_run_workflow_id_created_at_idx" ON "backtest_run"("workflow_id", "created_at");

-- At most one running backtest per workflow, whichever process runs it.
CREATE UNIQUE INDEX "backtest_run_one_running_per_workflow" ON "backtest_run"("workflow_id") WHERE "status" = 'running';
