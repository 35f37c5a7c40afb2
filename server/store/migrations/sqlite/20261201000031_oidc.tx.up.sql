-- The OpenID Connect provider (server/oidc): its signing keys, the
-- authorization requests waiting for a login, what each customer allowed
-- each app, and the grants with their access and refresh tokens. Every row
-- of a customer goes with the account (ON DELETE CASCADE).

-- Signing keys, one generation after the other: the newest signs until
-- rotate_at, and each is published (JWKS) until retire_at, when the last
-- ID token it signed has run out. The private key is sealed under
-- SECRET_KEY, so a database read alone signs nothing.
CREATE TABLE oidc_keys (
    id          TEXT PRIMARY KEY,
    generation  INTEGER NOT NULL UNIQUE,
    algorithm   TEXT NOT NULL,
    private_key TEXT NOT NULL,
    created_at  TIMESTAMP NOT NULL,
    rotate_at   TIMESTAMP NOT NULL,
    retire_at   TIMESTAMP NOT NULL
);

--bun:split

-- The subject (sub) apps know an account by: random, so it tells nothing
-- about the account's row number and is never given to another account.
CREATE TABLE oidc_subjects (
    user_id INTEGER PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    subject TEXT NOT NULL UNIQUE
);

--bun:split

-- An app's authorization request from its arrival until its code was
-- exchanged (and a while after, so a second use of the code is recognised).
-- browser binds it to the device cookie of the browser that brought it.
CREATE TABLE oidc_auth_requests (
    id              TEXT PRIMARY KEY,
    client_id       TEXT NOT NULL,
    browser         TEXT NOT NULL,
    params          TEXT NOT NULL,
    user_id         INTEGER REFERENCES users (id) ON DELETE CASCADE,
    auth_time       TIMESTAMP,
    amr             TEXT NOT NULL DEFAULT '',
    acr             TEXT NOT NULL DEFAULT '',
    consented       BOOLEAN NOT NULL DEFAULT 0,
    denied          BOOLEAN NOT NULL DEFAULT 0,
    code_hash       TEXT UNIQUE,
    code_expires_at TIMESTAMP,
    code_used_at    TIMESTAMP,
    grant_id        TEXT,
    created_at      TIMESTAMP NOT NULL,
    expires_at      TIMESTAMP NOT NULL
);

--bun:split

CREATE INDEX oidc_auth_requests_expires_idx ON oidc_auth_requests (expires_at);

--bun:split

-- What a customer allowed an app (the scopes, remembered so the consent is
-- asked once), listed under "Connected apps" until "Remove access".
CREATE TABLE oidc_authorizations (
    user_id      INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    client_id    TEXT NOT NULL,
    scopes       TEXT NOT NULL,
    created_at   TIMESTAMP NOT NULL,
    updated_at   TIMESTAMP NOT NULL,
    last_used_at TIMESTAMP NOT NULL,
    PRIMARY KEY (user_id, client_id)
);

--bun:split

-- A grant is one exchanged code and every token that descends from it. A
-- reused refresh token, a password change or "Remove access" deletes the
-- grant, and its tokens with it.
CREATE TABLE oidc_grants (
    id           TEXT PRIMARY KEY,
    user_id      INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    client_id    TEXT NOT NULL,
    scopes       TEXT NOT NULL,
    amr          TEXT NOT NULL,
    acr          TEXT NOT NULL,
    auth_time    TIMESTAMP NOT NULL,
    created_at   TIMESTAMP NOT NULL,
    last_used_at TIMESTAMP NOT NULL,
    expires_at   TIMESTAMP NOT NULL
);

--bun:split

CREATE INDEX oidc_grants_user_idx ON oidc_grants (user_id, client_id);

--bun:split

CREATE INDEX oidc_grants_expires_idx ON oidc_grants (expires_at);

--bun:split

CREATE TABLE oidc_access_tokens (
    id         TEXT PRIMARY KEY,
    grant_id   TEXT NOT NULL REFERENCES oidc_grants (id) ON DELETE CASCADE,
    scopes     TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    expires_at TIMESTAMP NOT NULL
);

--bun:split

CREATE INDEX oidc_access_tokens_grant_idx ON oidc_access_tokens (grant_id);

--bun:split

CREATE INDEX oidc_access_tokens_expires_idx ON oidc_access_tokens (expires_at);

--bun:split

-- Refresh tokens by the SHA-256 of their random value. A used one stays
-- (used_at) until it would have expired: presented again, it revokes its
-- grant.
CREATE TABLE oidc_refresh_tokens (
    hash       TEXT PRIMARY KEY,
    grant_id   TEXT NOT NULL REFERENCES oidc_grants (id) ON DELETE CASCADE,
    created_at TIMESTAMP NOT NULL,
    expires_at TIMESTAMP NOT NULL,
    used_at    TIMESTAMP
);

--bun:split

CREATE INDEX oidc_refresh_tokens_grant_idx ON oidc_refresh_tokens (grant_id);

--bun:split

CREATE INDEX oidc_refresh_tokens_expires_idx ON oidc_refresh_tokens (expires_at);
