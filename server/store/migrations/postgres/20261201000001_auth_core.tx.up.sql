-- The auth core (expand step). Credentials get a table of their own; the
-- account gets a security stamp; sessions become typed and versioned; link
-- tokens and codes remember the stamp and the destination they went to;
-- devices that signed in are remembered.
--
-- users.password_hash and users.two_factor stay, and stay true, for one
-- release so that a process of the previous version can run beside this one
-- during a deploy: this version writes the credentials and mirrors them into
-- those columns, and the trigger below carries the previous version's writes
-- into the credentials. The following release drops the trigger and columns
-- (the contract step).

ALTER TABLE users ADD COLUMN security_stamp TEXT NOT NULL DEFAULT '';

--bun:split

CREATE TABLE credentials (
    id           BIGSERIAL PRIMARY KEY,
    user_id      BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    type         TEXT NOT NULL,
    identifier   TEXT NOT NULL DEFAULT '',
    name         TEXT NOT NULL DEFAULT '',
    config       TEXT NOT NULL DEFAULT '',
    created_at   TIMESTAMPTZ NOT NULL,
    updated_at   TIMESTAMPTZ NOT NULL,
    last_used_at TIMESTAMPTZ
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

CREATE FUNCTION users_legacy_sync() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        IF NEW.password_hash <> '' THEN
            INSERT INTO credentials (user_id, type, identifier, name, config, created_at, updated_at)
            VALUES (NEW.id, 'password', '', '', NEW.password_hash, NEW.created_at, NEW.updated_at);
        END IF;
        RETURN NULL;
    END IF;
    IF NEW.password_hash <> OLD.password_hash AND NEW.password_hash <> '' AND EXISTS (
        SELECT 1 FROM credentials WHERE user_id = NEW.id AND type = 'password' AND config <> NEW.password_hash) THEN
        UPDATE users SET security_stamp = md5(random()::text || clock_timestamp()::text) WHERE id = NEW.id;
        UPDATE credentials SET config = NEW.password_hash, updated_at = NEW.updated_at
         WHERE user_id = NEW.id AND type = 'password';
    END IF;
    IF NEW.two_factor AND NOT OLD.two_factor THEN
        INSERT INTO credentials (user_id, type, identifier, name, config, created_at, updated_at)
        SELECT NEW.id, 'email_code', '', '', '', NEW.updated_at, NEW.updated_at
         WHERE NOT EXISTS (SELECT 1 FROM credentials WHERE user_id = NEW.id AND type = 'email_code');
    ELSIF OLD.two_factor AND NOT NEW.two_factor THEN
        DELETE FROM credentials WHERE user_id = NEW.id AND type = 'email_code';
    END IF;
    RETURN NULL;
END
$$;

--bun:split

CREATE TRIGGER users_legacy_sync AFTER INSERT OR UPDATE OF password_hash, two_factor ON users
FOR EACH ROW EXECUTE FUNCTION users_legacy_sync();

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
    created_at   TIMESTAMPTZ NOT NULL,
    last_seen_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (user_id, device_hash)
);
