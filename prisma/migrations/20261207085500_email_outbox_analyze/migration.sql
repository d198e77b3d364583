-- Hand-written: statistics for the expression of email_outbox_to_address_lower_pattern_idx (the
-- previous migration). PostgreSQL collects them only when the table is analyzed, and until then the
-- planner guesses that a 宛先 prefix matches 0.5 % of the outbox and keeps walking created_at
-- (measured at 2 million technicians: 6.3 s p95 with the index but no statistics). A big, rarely
-- changed outbox may wait long for autovacuum's next analyze, so the migration analyzes it once.
ANALYZE email_outbox;
