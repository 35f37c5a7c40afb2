DROP INDEX help_votes_network_idx;

--bun:split

ALTER TABLE help_votes DROP COLUMN network;
