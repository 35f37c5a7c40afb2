-- Budgets that span flows (issue 13): how many codes an account or a phone
-- number was sent, how many wrong codes an account entered, how many mails
-- of a kind an address got, each within a window. One row per key; the
-- count starts again when the window has passed.
CREATE TABLE budgets (
    key          TEXT PRIMARY KEY,
    count        INTEGER NOT NULL,
    window_start TIMESTAMPTZ NOT NULL
);
CREATE INDEX budgets_window_idx ON budgets (window_start);
