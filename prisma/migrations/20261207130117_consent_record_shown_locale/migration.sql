-- AlterTable
ALTER TABLE "consent_record" ADD COLUMN     "shown_locale" VARCHAR(16) NOT NULL DEFAULT 'ja';
