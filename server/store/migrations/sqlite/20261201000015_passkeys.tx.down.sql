DROP INDEX users_passkey_handle_key;
--bun:split
ALTER TABLE users DROP COLUMN passkey_handle;
