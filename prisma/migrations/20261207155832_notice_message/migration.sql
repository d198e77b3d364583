-- AlterTable
ALTER TABLE "notice" ADD COLUMN     "message" JSONB;

