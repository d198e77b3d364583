-- AlterTable
ALTER TABLE "applicant" ADD COLUMN     "preferred_locale" VARCHAR(16);
