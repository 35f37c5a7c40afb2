-- Customer care and self-service (issue 17): support agents and their
-- audit log, the concierge security question, profile pictures, consents
-- to versioned terms, deletion with a grace period, and addresses the mail
-- provider reported undeliverable. New tables only: nothing an older
-- process reads changes.
CREATE TABLE user_roles (
    user_id    BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    role       TEXT NOT NULL,
    granted_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (user_id, role)
);

--bun:split

-- The agents' audit log outlives both accounts it names, so it has no
-- foreign keys; it keeps the addresses as they were at the time.
CREATE TABLE agent_actions (
    id             BIGSERIAL PRIMARY KEY,
    agent_id       BIGINT NOT NULL,
    agent_email    TEXT NOT NULL,
    customer_id    BIGINT NOT NULL,
    customer_email TEXT NOT NULL,
    action         TEXT NOT NULL,
    reason         TEXT NOT NULL,
    created_at     TIMESTAMPTZ NOT NULL
);
CREATE INDEX agent_actions_created_idx ON agent_actions (created_at);

--bun:split

CREATE TABLE security_questions (
    user_id      BIGINT PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    question     TEXT NOT NULL,
    answer_hash  TEXT NOT NULL,
    misses       INTEGER NOT NULL DEFAULT 0,
    locked_until TIMESTAMPTZ,
    updated_at   TIMESTAMPTZ NOT NULL
);

--bun:split

CREATE TABLE profile_pictures (
    user_id    BIGINT PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    large      BYTEA NOT NULL,
    small      BYTEA NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);

--bun:split

CREATE TABLE consents (
    user_id     BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    document    TEXT NOT NULL,
    version     TEXT NOT NULL,
    accepted_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (user_id, document, version)
);

--bun:split

CREATE TABLE account_deletions (
    user_id      BIGINT PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    requested_at TIMESTAMPTZ NOT NULL,
    delete_after TIMESTAMPTZ NOT NULL
);
CREATE INDEX account_deletions_due_idx ON account_deletions (delete_after);

--bun:split

CREATE TABLE undeliverable_addresses (
    email       TEXT PRIMARY KEY,
    reason      TEXT NOT NULL,
    reported_at TIMESTAMPTZ NOT NULL
);
