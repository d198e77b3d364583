-- CreateEnum
CREATE TYPE "review_decision" AS ENUM ('APPROVED', 'RETURNED');

-- CreateEnum
CREATE TYPE "notice_kind" AS ENUM ('PASSWORD_CHANGED', 'APPLICATION_RECEIVED', 'APPLICATION_RESUBMITTED', 'APPLICATION_RETURNED', 'REGISTRATION_COMPLETED');

-- AlterTable
ALTER TABLE "application" ADD COLUMN     "completed_at" TIMESTAMPTZ(3),
ADD COLUMN     "last_sent_at" TIMESTAMPTZ(3),
ADD COLUMN     "technician_id" VARCHAR(14);

-- CreateTable
CREATE TABLE "application_review" (
    "id" UUID NOT NULL,
    "application_id" UUID NOT NULL,
    "submission_version" INTEGER NOT NULL,
    "decision" "review_decision" NOT NULL,
    "staff_id" UUID NOT NULL,
    "decided_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "application_review_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "application_review_item" (
    "id" UUID NOT NULL,
    "review_id" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "reason_code" VARCHAR(40) NOT NULL,
    "group_key" VARCHAR(40) NOT NULL,
    "reason_label" VARCHAR(200) NOT NULL,
    "comment" VARCHAR(500) NOT NULL,

    CONSTRAINT "application_review_item_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "notice" (
    "id" UUID NOT NULL,
    "applicant_id" UUID NOT NULL,
    "kind" "notice_kind" NOT NULL,
    "title" VARCHAR(200) NOT NULL,
    "body" TEXT NOT NULL,
    "link_path" VARCHAR(200),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "read_at" TIMESTAMPTZ(3),

    CONSTRAINT "notice_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "application_review_application_id_submission_version_key" ON "application_review"("application_id", "submission_version");

-- CreateIndex
CREATE UNIQUE INDEX "application_review_item_review_id_position_key" ON "application_review_item"("review_id", "position");

-- CreateIndex
CREATE INDEX "notice_applicant_id_created_at_idx" ON "notice"("applicant_id", "created_at" DESC);

-- CreateIndex
CREATE INDEX "notice_applicant_id_read_at_idx" ON "notice"("applicant_id", "read_at");

-- CreateIndex
CREATE UNIQUE INDEX "application_technician_id_key" ON "application"("technician_id");

-- CreateIndex
CREATE INDEX "application_status_last_sent_at_id_idx" ON "application"("status", "last_sent_at" DESC, "id");

-- CreateIndex
CREATE INDEX "application_last_sent_at_id_idx" ON "application"("last_sent_at" DESC, "id");

-- AddForeignKey
ALTER TABLE "application_review" ADD CONSTRAINT "application_review_application_id_fkey" FOREIGN KEY ("application_id") REFERENCES "application"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "application_review" ADD CONSTRAINT "application_review_staff_id_fkey" FOREIGN KEY ("staff_id") REFERENCES "staff_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "application_review_item" ADD CONSTRAINT "application_review_item_review_id_fkey" FOREIGN KEY ("review_id") REFERENCES "application_review"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "notice" ADD CONSTRAINT "notice_applicant_id_fkey" FOREIGN KEY ("applicant_id") REFERENCES "applicant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- 技能者ID: 12 digits from this sequence and the suffix "21". A sequence never hands out a value
-- twice (not even after a rollback or a deleted application), so an ID is never reused.
CREATE SEQUENCE "technician_id_seq" AS BIGINT START WITH 100000000001 MINVALUE 100000000001 MAXVALUE 999999999999 NO CYCLE;

-- Earlier sent applications: their last sending is their first.
UPDATE "application" SET "last_sent_at" = "submitted_at" WHERE "submitted_at" IS NOT NULL;
