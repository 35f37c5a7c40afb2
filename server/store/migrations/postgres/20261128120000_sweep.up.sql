-- The sweeper (server/sweep): one lease row per periodic job, so that of
-- many processes on one database only one does a round; and the indexes its
-- deletes need, so a round reads only what it removes.
CREATE TABLE leases (
    name       TEXT PRIMARY KEY,
    holder     TEXT NOT NULL,
    expires_at TIMESTAMPTZ NOT NULL
);

--bun:split

CREATE INDEX codes_expires_idx ON codes (expires_at);

--bun:split

CREATE INDEX tokens_expires_idx ON tokens (expires_at);

--bun:split

CREATE INDEX login_failures_updated_idx ON login_failures (updated_at);

--bun:split

CREATE INDEX security_events_created_idx ON security_events (created_at);

--bun:split

CREATE INDEX outbox_created_idx ON outbox (created_at);

--bun:split

CREATE INDEX outbox_dead_idx ON outbox (dead_at) WHERE dead_at IS NOT NULL;

--bun:split

CREATE INDEX sessions_last_seen_idx ON sessions (last_seen_at);

--bun:split

CREATE INDEX help_reads_day_idx ON help_reads (day);

--bun:split

CREATE INDEX dev_mails_sent_idx ON dev_mails (sent_at);
