-- Work a request hands on instead of doing it while the requester waits:
-- "Forgot password", "Send the e-mail again" and registration answer every
-- address alike and at once, whether or not it has an account (no timing
-- oracle), and the jobs runner does the rest. Leased like the outbox, so one
-- process of many runs each job.
CREATE TABLE jobs (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    kind            TEXT NOT NULL,
    payload         TEXT NOT NULL,
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMP NOT NULL,
    locked_until    TIMESTAMP,
    dead_at         TIMESTAMP,
    last_error      TEXT NOT NULL DEFAULT '',
    created_at      TIMESTAMP NOT NULL
);
CREATE INDEX jobs_due_idx ON jobs (next_attempt_at) WHERE dead_at IS NULL;
