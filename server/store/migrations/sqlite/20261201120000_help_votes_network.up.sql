-- Help votes count once per network (issue 13 #12): each vote keeps a keyed
-- hash of its voter's network (/24, /64), and the counters are the distinct
-- networks per answer. A vote from before has no known network: it counts
-- as its own, so the counters do not change.
ALTER TABLE help_votes ADD COLUMN network TEXT NOT NULL DEFAULT '';

--bun:split

UPDATE help_votes SET network = visitor WHERE network = '';

--bun:split

CREATE INDEX help_votes_network_idx ON help_votes (slug, helpful, network);
