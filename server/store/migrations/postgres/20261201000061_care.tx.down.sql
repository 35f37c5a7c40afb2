DROP TABLE undeliverable_addresses;
--bun:split
DROP TABLE account_deletions;
--bun:split
DROP TABLE consents;
--bun:split
DROP TABLE profile_pictures;
--bun:split
DROP TABLE security_questions;
--bun:split
DROP TABLE agent_actions;
--bun:split
DROP TABLE user_roles;
