-- Supervisor studio (issue 6): who deployed which version and why, and the migrations started.
-- Camunda keeps the versions themselves (ACT_RE_*); no foreign keys to its tables (DESIGN.md).

-- one row per studio deployment (bundled deployments have none: "bundled with CareLoop")
CREATE TABLE process_deployment (
    deployment_id          VARCHAR(64)   PRIMARY KEY,
    deployed_by            VARCHAR(64)   NOT NULL,
    deployed_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    comment                VARCHAR(2000) NOT NULL,
    rollback_of            VARCHAR(64),
    adverse_event_override BOOLEAN       DEFAULT FALSE NOT NULL
);

-- one row per migration batch: the batch itself disappears from the engine when it is done
CREATE TABLE process_migration (
    batch_id      VARCHAR(64)  PRIMARY KEY,
    process_key   VARCHAR(255) NOT NULL,
    from_version  INT          NOT NULL,
    to_version    INT          NOT NULL,
    instances     INT          NOT NULL,
    started_by    VARCHAR(64)  NOT NULL,
    started_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_process_migration_key ON process_migration (process_key, started_at);
