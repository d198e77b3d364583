-- AlterTable
ALTER TABLE "applicant" ADD COLUMN     "pending_password_expires_at" TIMESTAMPTZ(3),
ADD COLUMN     "pending_password_hash" VARCHAR(100);

-- AlterTable
ALTER TABLE "staff_user" ADD COLUMN     "temp_password_used_at" TIMESTAMPTZ(3);
