-- Failed logins of user names that do not exist are counted and locked exactly like those of
-- real accounts, so that the lockout does not tell a prober which names exist (issue 23).
-- Keyed by the SHA-256 of the name: no probed string (e.g. a password typed into the name
-- field) is stored. A row is deleted once its failure streak has expired (last_failed_at +
-- AM_LOCK_DURATION), so the table holds at most what BCrypt lets through in one lock duration.
CREATE TABLE unknown_user_login_failures (
    username_hash   CHAR(64)    PRIMARY KEY,
    failed_attempts INTEGER     NOT NULL,
    locked_until    TIMESTAMPTZ,
    last_failed_at  TIMESTAMPTZ NOT NULL
);
CREATE INDEX unknown_user_login_failures_last_failed_idx ON unknown_user_login_failures (last_failed_at);

-- The same expiry for real accounts: a streak of failures is forgotten AM_LOCK_DURATION after
-- its last failure (otherwise "fail 4 times, wait, fail once" would still tell names apart).
ALTER TABLE admin_users ADD COLUMN last_failed_login_at TIMESTAMPTZ;
UPDATE admin_users SET last_failed_login_at = now() WHERE failed_login_attempts > 0;
