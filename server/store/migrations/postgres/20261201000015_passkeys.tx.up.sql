-- Passkeys (issue 15). Each account gets a random WebAuthn user handle with
-- its first passkey: authenticators keep it beside the passkey and hand it
-- back at every passkey login, where it names the account. It is random so
-- that it says nothing about the person (never the e-mail address), and one
-- per account so that all of an account's passkeys lead to it.
ALTER TABLE users ADD COLUMN passkey_handle TEXT NOT NULL DEFAULT '';

--bun:split

CREATE UNIQUE INDEX users_passkey_handle_key ON users (passkey_handle) WHERE passkey_handle <> '';
