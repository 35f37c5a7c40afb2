CREATE TABLE users (
    id                BIGSERIAL PRIMARY KEY,
    email             TEXT NOT NULL,
    email_confirmed_at TIMESTAMPTZ,
    phone             TEXT,
    phone_verified_at TIMESTAMPTZ,
    password_hash     TEXT NOT NULL,
    salutation        TEXT NOT NULL DEFAULT '',
    title             TEXT NOT NULL DEFAULT '',
    first_name        TEXT NOT NULL DEFAULT '',
    last_name         TEXT NOT NULL DEFAULT '',
    birth_date        TEXT NOT NULL DEFAULT '',
    street            TEXT NOT NULL DEFAULT '',
    postcode          TEXT NOT NULL DEFAULT '',
    city              TEXT NOT NULL DEFAULT '',
    country           TEXT NOT NULL DEFAULT '',
    language          TEXT NOT NULL DEFAULT 'en',
    language_choice   TEXT NOT NULL DEFAULT '',
    two_factor        BOOLEAN NOT NULL DEFAULT FALSE,
    version           BIGINT NOT NULL DEFAULT 1,
    created_at        TIMESTAMPTZ NOT NULL,
    updated_at        TIMESTAMPTZ NOT NULL
);
CREATE UNIQUE INDEX users_email_key ON users (email);
CREATE UNIQUE INDEX users_phone_key ON users (phone) WHERE phone_verified_at IS NOT NULL;

--bun:split

CREATE TABLE sessions (
    id_hash      TEXT PRIMARY KEY,
    user_id      BIGINT REFERENCES users (id) ON DELETE CASCADE,
    state        TEXT NOT NULL,
    csrf_token   TEXT NOT NULL,
    flow_id      TEXT NOT NULL DEFAULT '',
    auth_at      TIMESTAMPTZ,
    user_agent   TEXT NOT NULL DEFAULT '',
    ip           TEXT NOT NULL DEFAULT '',
    created_at   TIMESTAMPTZ NOT NULL,
    last_seen_at TIMESTAMPTZ NOT NULL,
    expires_at   TIMESTAMPTZ NOT NULL
);
CREATE INDEX sessions_user_idx ON sessions (user_id);
CREATE INDEX sessions_expires_idx ON sessions (expires_at);

--bun:split

CREATE TABLE tokens (
    id         BIGSERIAL PRIMARY KEY,
    user_id    BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    purpose    TEXT NOT NULL,
    hash       TEXT NOT NULL,
    payload    TEXT NOT NULL DEFAULT '',
    expires_at TIMESTAMPTZ NOT NULL,
    used_at    TIMESTAMPTZ,
    created_at TIMESTAMPTZ NOT NULL
);
CREATE UNIQUE INDEX tokens_hash_key ON tokens (hash);
CREATE INDEX tokens_user_idx ON tokens (user_id, purpose);

--bun:split

CREATE TABLE codes (
    id         BIGSERIAL PRIMARY KEY,
    user_id    BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    purpose    TEXT NOT NULL,
    flow_id    TEXT NOT NULL,
    hash       TEXT NOT NULL,
    attempts   INTEGER NOT NULL DEFAULT 0,
    resend     BOOLEAN NOT NULL DEFAULT FALSE,
    expires_at TIMESTAMPTZ NOT NULL,
    used_at    TIMESTAMPTZ,
    created_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX codes_user_idx ON codes (user_id, purpose, created_at);

--bun:split

CREATE TABLE login_failures (
    key           TEXT PRIMARY KEY,
    count         INTEGER NOT NULL DEFAULT 0,
    blocked_until TIMESTAMPTZ,
    updated_at    TIMESTAMPTZ NOT NULL
);

--bun:split

CREATE TABLE security_events (
    id         BIGSERIAL PRIMARY KEY,
    user_id    BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    kind       TEXT NOT NULL,
    user_agent TEXT NOT NULL DEFAULT '',
    ip         TEXT NOT NULL DEFAULT '',
    created_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX security_events_user_idx ON security_events (user_id, created_at);

--bun:split

CREATE TABLE outbox (
    id              BIGSERIAL PRIMARY KEY,
    channel         TEXT NOT NULL DEFAULT 'email',
    to_addr         TEXT NOT NULL,
    subject         TEXT NOT NULL,
    text_body       TEXT NOT NULL,
    html_body       TEXT NOT NULL DEFAULT '',
    user_id         BIGINT,
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMPTZ NOT NULL,
    locked_until    TIMESTAMPTZ,
    sent_at         TIMESTAMPTZ,
    dead_at         TIMESTAMPTZ,
    last_error      TEXT NOT NULL DEFAULT '',
    created_at      TIMESTAMPTZ NOT NULL
);
CREATE INDEX outbox_due_idx ON outbox (next_attempt_at) WHERE sent_at IS NULL AND dead_at IS NULL;

--bun:split

CREATE TABLE dev_mails (
    id        BIGSERIAL PRIMARY KEY,
    channel   TEXT NOT NULL DEFAULT 'email',
    to_addr   TEXT NOT NULL,
    subject   TEXT NOT NULL,
    text_body TEXT NOT NULL,
    html_body TEXT NOT NULL DEFAULT '',
    sent_at   TIMESTAMPTZ NOT NULL
);

--bun:split

CREATE TABLE help_articles (
    slug       TEXT NOT NULL,
    lang       TEXT NOT NULL,
    topic      TEXT NOT NULL,
    title      TEXT NOT NULL,
    body       TEXT NOT NULL,
    related    TEXT NOT NULL DEFAULT '',
    checksum   TEXT NOT NULL,
    reads      BIGINT NOT NULL DEFAULT 0,
    helpful_yes BIGINT NOT NULL DEFAULT 0,
    helpful_no  BIGINT NOT NULL DEFAULT 0,
    PRIMARY KEY (slug, lang)
);

--bun:split

CREATE TABLE help_votes (
    slug    TEXT NOT NULL,
    visitor TEXT NOT NULL,
    helpful BOOLEAN NOT NULL,
    PRIMARY KEY (slug, visitor)
);

--bun:split

CREATE TABLE help_reads (
    slug    TEXT NOT NULL,
    visitor TEXT NOT NULL,
    day     TEXT NOT NULL,
    PRIMARY KEY (slug, visitor, day)
);
