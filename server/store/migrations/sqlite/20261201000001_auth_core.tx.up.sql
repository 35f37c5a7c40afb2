-- The auth core (expand step). Credentials get a table of their own; the
-- account gets a security stamp; sessions become typed and versioned; link
-- tokens and codes remember the stamp and the destination they went to;
-- devices that signed in are remembered.
--
-- users.password_hash and users.two_factor stay, and stay true, for one
-- release so that a process of the previous version can run beside this one
-- during a deploy: this version writes the credentials and mirrors them into
-- those columns, and the triggers below carry the previous version's writes
-- into the credentials. The following release drops the triggers and columns
-- (the contract step).

ALTER TABLE users ADD COLUMN security_stamp TEXT NOT NULL DEFAULT '';

--bun:split

CREATE TABLE credentials (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id      BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    type         TEXT NOT NULL,
    identifier   TEXT NOT NULL DEFAULT '',
    name         TEXT NOT NULL DEFAULT '',
    config       TEXT NOT NULL DEFAULT '',
    created_at   TIMESTAMP NOT NULL,
    updated_at   TIMESTAMP NOT NULL,
    last_used_at TIMESTAMP
);
CREATE UNIQUE INDEX credentials_user_type_key ON credentials (user_id, type, identifier);
CREATE UNIQUE INDEX credentials_identifier_key ON credentials (type, identifier) WHERE identifier <> '';

--bun:split

INSERT INTO credentials (user_id, type, identifier, name, config, created_at, updated_at)
SELECT id, 'password', '', '', password_hash, created_at, updated_at FROM users WHERE password_hash <> '';

--bun:split

INSERT INTO credentials (user_id, type, identifier, name, config, created_at, updated_at)
SELECT id, 'email_code', '', '', '', updated_at, updated_at FROM users WHERE two_factor;

--bun:split

CREATE TRIGGER users_legacy_insert AFTER INSERT ON users
WHEN NEW.password_hash <> ''
BEGIN
    INSERT INTO credentials (user_id, type, identifier, name, config, created_at, updated_at)
    VALUES (NEW.id, 'password', '', '', NEW.password_hash, NEW.created_at, NEW.updated_at);
END;

--bun:split

CREATE TRIGGER users_legacy_password AFTER UPDATE OF password_hash ON users
WHEN NEW.password_hash <> OLD.password_hash AND NEW.password_hash <> ''
BEGIN
    UPDATE users SET security_stamp = lower(hex(randomblob(16)))
     WHERE id = NEW.id AND EXISTS (SELECT 1 FROM credentials
        WHERE user_id = NEW.id AND type = 'password' AND config <> NEW.password_hash);
    UPDATE credentials SET config = NEW.password_hash, updated_at = NEW.updated_at
     WHERE user_id = NEW.id AND type = 'password' AND config <> NEW.password_hash;
END;

--bun:split

CREATE TRIGGER users_legacy_two_factor AFTER UPDATE OF two_factor ON users
WHEN NEW.two_factor <> OLD.two_factor
BEGIN
    INSERT INTO credentials (user_id, type, identifier, name, config, created_at, updated_at)
    SELECT NEW.id, 'email_code', '', '', '', NEW.updated_at, NEW.updated_at
     WHERE NEW.two_factor AND NOT EXISTS (SELECT 1 FROM credentials WHERE user_id = NEW.id AND type = 'email_code');
    DELETE FROM credentials WHERE NOT NEW.two_factor AND user_id = NEW.id AND type = 'email_code';
END;

--bun:split

ALTER TABLE sessions ADD COLUMN amr TEXT NOT NULL DEFAULT '';
ALTER TABLE sessions ADD COLUMN data TEXT NOT NULL DEFAULT '';
ALTER TABLE sessions ADD COLUMN version BIGINT NOT NULL DEFAULT 1;

--bun:split

ALTER TABLE tokens ADD COLUMN stamp TEXT NOT NULL DEFAULT '';
ALTER TABLE tokens ADD COLUMN destination TEXT NOT NULL DEFAULT '';
ALTER TABLE codes ADD COLUMN stamp TEXT NOT NULL DEFAULT '';
ALTER TABLE codes ADD COLUMN destination TEXT NOT NULL DEFAULT '';

--bun:split

CREATE TABLE known_devices (
    user_id      BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    device_hash  TEXT NOT NULL,
    user_agent   TEXT NOT NULL DEFAULT '',
    created_at   TIMESTAMP NOT NULL,
    last_seen_at TIMESTAMP NOT NULL,
    PRIMARY KEY (user_id, device_hash)
);
