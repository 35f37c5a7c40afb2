-- Per-IP request budgets (issue 19), shared by every process on the
-- database: one row per budget and client network, holding the bucket as
-- GCRA's "theoretical arrival time" in microseconds since 1970. A row whose
-- time has passed is a full bucket, the same as no row: the sweeper removes
-- it.
--
-- UNLOGGED: a spend is written on every throttled request, and a commit
-- that must wait for the WAL to reach the disk cost 3 ms on the benchmark
-- machine (0.25 ms for SQLite's). Budgets need no durability: after a crash
-- of PostgreSQL the table is empty, which is every bucket full.
CREATE UNLOGGED TABLE rate_limits (
    key TEXT PRIMARY KEY,
    tat BIGINT NOT NULL
);
CREATE INDEX rate_limits_tat_idx ON rate_limits (tat);
