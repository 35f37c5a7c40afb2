-- The previous release knows one second factor, users.two_factor (an
-- e-mailed code). An account whose second factor is an authenticator app
-- reads as two-factor on there (this release mirrors it so), and the
-- trigger no longer adds an e-mailed code for it; the previous release's
-- "switch off" removes every second factor, as its dialog promises.

DROP TRIGGER users_legacy_two_factor;

--bun:split

CREATE TRIGGER users_legacy_two_factor AFTER UPDATE OF two_factor ON users
WHEN NEW.two_factor <> OLD.two_factor
BEGIN
    INSERT INTO credentials (user_id, type, identifier, name, config, created_at, updated_at)
    SELECT NEW.id, 'email_code', '', '', '', NEW.updated_at, NEW.updated_at
     WHERE NEW.two_factor AND NOT EXISTS (SELECT 1 FROM credentials WHERE user_id = NEW.id AND type IN ('email_code', 'totp'));
    DELETE FROM credentials WHERE NOT NEW.two_factor AND user_id = NEW.id AND type IN ('email_code', 'totp', 'recovery_codes');
END;
