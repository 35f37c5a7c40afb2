-- The previous release knows one second factor, users.two_factor (an
-- e-mailed code). An account whose second factor is an authenticator app
-- reads as two-factor on there (this release mirrors it so), and the
-- trigger no longer adds an e-mailed code for it; the previous release's
-- "switch off" removes every second factor, as its dialog promises.

CREATE OR REPLACE FUNCTION users_legacy_sync() RETURNS trigger LANGUAGE plpgsql AS $$
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
         WHERE NOT EXISTS (SELECT 1 FROM credentials WHERE user_id = NEW.id AND type IN ('email_code', 'totp'));
    ELSIF OLD.two_factor AND NOT NEW.two_factor THEN
        DELETE FROM credentials WHERE user_id = NEW.id AND type IN ('email_code', 'totp', 'recovery_codes');
    END IF;
    RETURN NULL;
END
$$;
