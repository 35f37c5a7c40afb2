DROP TABLE help_reads;
--bun:split
DROP TABLE help_votes;
--bun:split
DROP TABLE help_articles;
--bun:split
DROP TABLE dev_mails;
--bun:split
DROP TABLE outbox;
--bun:split
DROP TABLE security_events;
--bun:split
DROP TABLE login_failures;
--bun:split
DROP TABLE codes;
--bun:split
DROP TABLE tokens;
--bun:split
DROP TABLE sessions;
--bun:split
DROP TABLE users;
