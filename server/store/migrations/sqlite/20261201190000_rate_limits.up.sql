-- Per-IP request budgets (issue 19), shared by every process on the
-- database: one row per budget and client network, holding the bucket as
-- GCRA's "theoretical arrival time" in microseconds since 1970. A row whose
-- time has passed is a full bucket, the same as no row: the sweeper removes
-- it.
CREATE TABLE rate_limits (
    key TEXT PRIMARY KEY,
    tat INTEGER NOT NULL
);
CREATE INDEX rate_limits_tat_idx ON rate_limits (tat);
