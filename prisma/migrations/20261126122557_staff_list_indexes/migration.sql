-- DropIndex
DROP INDEX "applicant_issued_at_idx";

-- CreateIndex
CREATE INDEX "applicant_issued_at_id_idx" ON "applicant"("issued_at", "id");

-- Hand-written: indexes Prisma cannot express, for the staff lists (lib/staff/list-*.ts).
-- Prefix searches (LIKE 'q%') use a btree index only with text_pattern_ops when the database
-- collation is not C, so these work on any server, whatever its locale.
CREATE INDEX "applicant_login_id_pattern_idx" ON "applicant"("login_id" text_pattern_ops);
CREATE INDEX "applicant_name_pattern_idx" ON "applicant"("name" text_pattern_ops);
CREATE INDEX "applicant_email_lower_pattern_idx" ON "applicant"(lower("email") text_pattern_ops);
CREATE INDEX "application_application_number_pattern_idx" ON "application"("application_number" text_pattern_ops);

-- The 状態 filters that pick few rows, in list order: without them a filter that matches 1 % of
-- the applicants reads the whole issued_at index to fill one page.
CREATE INDEX "applicant_locked_issued_at_id_idx" ON "applicant"("issued_at", "id") WHERE "locked_until" IS NOT NULL;
CREATE INDEX "applicant_disabled_issued_at_id_idx" ON "applicant"("issued_at", "id") WHERE "disabled_at" IS NOT NULL;
CREATE INDEX "applicant_must_change_issued_at_id_idx" ON "applicant"("issued_at", "id")
  WHERE "must_change_password" AND "disabled_at" IS NULL;
