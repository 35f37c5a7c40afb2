-- Work a request hands on instead of doing it while the requester waits:
-- "Forgot password", "Send the e-mail again" and registration answer every
-- address alike and at once, whether or not it has an account (no timing
-- oracle), and the jobs runner does the rest. Leased like the outbox, so one
-- process of many runs each job.
CREATE TABLE jobs (
    id              BIGSERIAL PRIMARY KEY,
    kind            TEXT NOT NULL,
    payload         TEXT NOT NULL,
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMPTZ NOT NULL,
    locked_until    TIMESTAMPTZ,
    dead_at         TIMESTAMPTZ,
    last_error      TEXT NOT NULL DEFAULT '',
    created_at      TIMESTAMPTZ NOT NULL
);
CREATE INDEX jobs_due_idx ON jobs (next_attempt_at) WHERE dead_at IS NULL;
