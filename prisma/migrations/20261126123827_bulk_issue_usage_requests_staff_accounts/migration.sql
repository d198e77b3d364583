-- CreateEnum
CREATE TYPE "bulk_issue_status" AS ENUM ('QUEUED', 'RUNNING', 'DONE', 'FAILED');

-- CreateEnum
CREATE TYPE "bulk_issue_outcome" AS ENUM ('ISSUED', 'INVALID', 'DUPLICATE');

-- AlterTable
ALTER TABLE "staff_user" ADD COLUMN     "created_by_staff_id" UUID,
ADD COLUMN     "must_change_password" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "password_changed_at" TIMESTAMPTZ(3),
ADD COLUMN     "temp_password_expires_at" TIMESTAMPTZ(3);

-- CreateTable
CREATE TABLE "bulk_issue_job" (
    "id" UUID NOT NULL,
    "staff_id" UUID NOT NULL,
    "file_name" VARCHAR(255) NOT NULL,
    "file_sha256" VARCHAR(64) NOT NULL,
    "encoding" VARCHAR(16) NOT NULL,
    "status" "bulk_issue_status" NOT NULL DEFAULT 'QUEUED',
    "total_rows" INTEGER NOT NULL,
    "processed_rows" INTEGER NOT NULL DEFAULT 0,
    "issued_count" INTEGER NOT NULL DEFAULT 0,
    "invalid_count" INTEGER NOT NULL DEFAULT 0,
    "duplicate_count" INTEGER NOT NULL DEFAULT 0,
    "locked_at" TIMESTAMPTZ(3),
    "last_error" VARCHAR(1000),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "started_at" TIMESTAMPTZ(3),
    "finished_at" TIMESTAMPTZ(3),

    CONSTRAINT "bulk_issue_job_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "bulk_issue_row" (
    "job_id" UUID NOT NULL,
    "line_number" INTEGER NOT NULL,
    "name" VARCHAR(200) NOT NULL,
    "email" VARCHAR(320) NOT NULL,
    "outcome" "bulk_issue_outcome",
    "reason" VARCHAR(300),
    "applicant_id" UUID,
    "login_id" VARCHAR(14),
    "processed_at" TIMESTAMPTZ(3),

    CONSTRAINT "bulk_issue_row_pkey" PRIMARY KEY ("job_id","line_number")
);

-- CreateTable
CREATE TABLE "usage_request" (
    "id" UUID NOT NULL,
    "name" VARCHAR(100) NOT NULL,
    "address" VARCHAR(200) NOT NULL,
    "phone" VARCHAR(20) NOT NULL,
    "email" VARCHAR(254) NOT NULL,
    "outcome" VARCHAR(32) NOT NULL,
    "applicant_id" UUID,
    "ip" VARCHAR(64),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "usage_request_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "bulk_issue_job_status_created_at_idx" ON "bulk_issue_job"("status", "created_at");

-- CreateIndex
CREATE INDEX "bulk_issue_job_created_at_idx" ON "bulk_issue_job"("created_at");

-- CreateIndex
CREATE INDEX "bulk_issue_row_job_id_outcome_idx" ON "bulk_issue_row"("job_id", "outcome");

-- CreateIndex
CREATE INDEX "usage_request_created_at_idx" ON "usage_request"("created_at");

-- CreateIndex
CREATE INDEX "usage_request_email_idx" ON "usage_request"("email");

-- CreateIndex
CREATE INDEX "audit_log_actor_id_at_idx" ON "audit_log"("actor_id", "at");

-- AddForeignKey
ALTER TABLE "bulk_issue_job" ADD CONSTRAINT "bulk_issue_job_staff_id_fkey" FOREIGN KEY ("staff_id") REFERENCES "staff_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "bulk_issue_row" ADD CONSTRAINT "bulk_issue_row_job_id_fkey" FOREIGN KEY ("job_id") REFERENCES "bulk_issue_job"("id") ON DELETE CASCADE ON UPDATE CASCADE;
