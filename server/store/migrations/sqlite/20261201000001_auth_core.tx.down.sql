DROP TABLE known_devices;
--bun:split
DROP TRIGGER users_legacy_two_factor;
--bun:split
DROP TRIGGER users_legacy_password;
--bun:split
DROP TRIGGER users_legacy_insert;
--bun:split
DROP TABLE credentials;
--bun:split
ALTER TABLE codes DROP COLUMN destination;
ALTER TABLE codes DROP COLUMN stamp;
ALTER TABLE tokens DROP COLUMN destination;
ALTER TABLE tokens DROP COLUMN stamp;
ALTER TABLE sessions DROP COLUMN version;
ALTER TABLE sessions DROP COLUMN data;
ALTER TABLE sessions DROP COLUMN amr;
ALTER TABLE users DROP COLUMN security_stamp;
