-- Login throttling (issue 7) shared by every node: failed logins counted per account and per client
-- address in the database, so N nodes allow the same attempts as one. Runs on H2 and PostgreSQL.
CREATE TABLE login_failure (
    throttle_key VARCHAR(300) PRIMARY KEY,   -- 'user:<username>' or 'addr:<address>'
    window_start TIMESTAMP WITH TIME ZONE NOT NULL,
    failures     INT NOT NULL
);
-- the clean-up of windows that have passed
CREATE INDEX ix_login_failure_window ON login_failure (window_start);
