-- AlterTable
ALTER TABLE "notice" ADD COLUMN     "message" JSONB;

-- Notices written between issue 15's first landing and this column carried their message after a
-- record separator at the end of the body. Move it into the column and leave the body Japanese only.
UPDATE "notice"
SET "message" = substr("body", strpos("body", E'\n\x1eccus-notice-message:') + length(E'\n\x1eccus-notice-message:'))::jsonb,
    "body" = left("body", strpos("body", E'\n\x1eccus-notice-message:') - 1)
WHERE strpos("body", E'\n\x1eccus-notice-message:') > 0;
