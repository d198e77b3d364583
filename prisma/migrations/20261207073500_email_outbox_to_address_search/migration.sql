-- Hand-written: an index Prisma cannot express, for the メール送信状況 宛先 search
-- (lib/staff/list-emails.ts, a prefix LIKE on the lower-cased address). Without it a 宛先 that
-- matches fewer than a page of rows walks the whole created_at index: 3.3 s p95 at 2 million
-- technicians (3.6 million outbox rows, npm run bench:data-scale), 1.4 ms with it.
CREATE INDEX "email_outbox_to_address_lower_pattern_idx" ON "email_outbox"(lower("to_address") text_pattern_ops);
