-- Notices written by the release before notice.message carried their message after a record
-- separator at the end of the body. Move it into the column and leave the body Japanese only.
-- A migration of its own, apart from the ADD COLUMN: that one takes the exclusive lock of the table only
-- for an instant, while this UPDATE locks only the rows it changes (the old instances of a rolling deploy
-- keep reading and writing notices meanwhile). lib/notices/notice-message.ts storedNoticeText also
-- reads the old form, for what old instances write after this has run.
UPDATE "notice"
SET "message" = substr("body", strpos("body", E'\n\x1eccus-notice-message:') + length(E'\n\x1eccus-notice-message:'))::jsonb,
    "body" = left("body", strpos("body", E'\n\x1eccus-notice-message:') - 1)
WHERE "message" IS NULL AND strpos("body", E'\n\x1eccus-notice-message:') > 0;
