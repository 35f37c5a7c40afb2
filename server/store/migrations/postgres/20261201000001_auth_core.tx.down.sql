DROP TABLE known_devices;
--bun:split
DROP TRIGGER users_legacy_sync ON users;
--bun:split
DROP FUNCTION users_legacy_sync();
--bun:split
DROP TABLE credentials;
--bun:split
ALTER TABLE codes DROP COLUMN destination, DROP COLUMN stamp;
ALTER TABLE tokens DROP COLUMN destination, DROP COLUMN stamp;
ALTER TABLE sessions DROP COLUMN version, DROP COLUMN data, DROP COLUMN amr;
ALTER TABLE users DROP COLUMN security_stamp;
