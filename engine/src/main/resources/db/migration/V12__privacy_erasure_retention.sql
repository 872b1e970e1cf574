-- Personal data (issue 7): erasure, redactable audit snapshots, retention. Runs on H2 and PostgreSQL.

-- a pseudonymised customer: when it happened (their fields then hold the pseudonym or nothing)
ALTER TABLE customer ADD COLUMN erased_at TIMESTAMP WITH TIME ZONE;
-- a ticket whose texts were erased (erasure of its customer, or the retention policy)
ALTER TABLE ticket ADD COLUMN anonymised_at TIMESTAMP WITH TIME ZONE;
-- the retention job's query: closed tickets not yet anonymised, oldest first
CREATE INDEX ix_ticket_retention ON ticket (status, closed_at, id);

-- Audit hash form 2 (see AuditChain): the chain hashes the SHA-256 digests of before_state,
-- after_state and reason, kept beside them, so erasure can rewrite those three columns of an event
-- (redacted_by names the event that recorded the redaction) while its hash, and the chain, still
-- verify. Events sealed before this migration keep form 1 (raw columns hashed) and cannot be redacted.
ALTER TABLE audit_event ADD COLUMN hash_form INT;
ALTER TABLE audit_event ADD COLUMN before_digest VARCHAR(64);
ALTER TABLE audit_event ADD COLUMN after_digest VARCHAR(64);
ALTER TABLE audit_event ADD COLUMN reason_digest VARCHAR(64);
ALTER TABLE audit_event ADD COLUMN redacted_by BIGINT;
UPDATE audit_event SET hash_form = 1 WHERE chain_seq IS NOT NULL;

-- The retention job's daily turn: a node runs it only after moving last_started_at forward
-- (one UPDATE; the node that updates the row runs, the others see it taken).
CREATE TABLE retention_run (
    id              INT PRIMARY KEY,
    last_started_at TIMESTAMP WITH TIME ZONE,
    started_by      VARCHAR(100)
);
INSERT INTO retention_run (id) VALUES (1);
