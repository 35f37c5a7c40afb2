DROP INDEX dev_mails_sent_idx;
--bun:split
DROP INDEX help_reads_day_idx;
--bun:split
DROP INDEX sessions_last_seen_idx;
--bun:split
DROP INDEX outbox_dead_idx;
--bun:split
DROP INDEX outbox_created_idx;
--bun:split
DROP INDEX security_events_created_idx;
--bun:split
DROP INDEX login_failures_updated_idx;
--bun:split
DROP INDEX tokens_expires_idx;
--bun:split
DROP INDEX codes_expires_idx;
--bun:split
DROP TABLE leases;
