-- AlterTable
ALTER TABLE "application" ADD COLUMN     "upgrade_started_at" TIMESTAMPTZ(3);
