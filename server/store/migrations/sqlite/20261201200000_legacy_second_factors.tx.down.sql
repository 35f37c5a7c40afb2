DROP TRIGGER users_legacy_two_factor;

--bun:split

CREATE TRIGGER users_legacy_two_factor AFTER UPDATE OF two_factor ON users
WHEN NEW.two_factor <> OLD.two_factor
BEGIN
    INSERT INTO credentials (user_id, type, identifier, name, config, created_at, updated_at)
    SELECT NEW.id, 'email_code', '', '', '', NEW.updated_at, NEW.updated_at
     WHERE NEW.two_factor AND NOT EXISTS (SELECT 1 FROM credentials WHERE user_id = NEW.id AND type = 'email_code');
    DELETE FROM credentials WHERE NOT NEW.two_factor AND user_id = NEW.id AND type = 'email_code';
END;
