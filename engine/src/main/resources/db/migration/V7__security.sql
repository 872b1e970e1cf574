-- Security (issue 7): scoped API tokens and the tamper-evident audit chain. Runs on H2 and PostgreSQL.

-- read: GET only; write: everything the owner's roles allow
ALTER TABLE api_token ADD COLUMN scope VARCHAR(16) DEFAULT 'write' NOT NULL;

-- The audit chain. Each event, once sealed, carries its place in the chain (chain_seq: 1, 2, 3, …
-- without gaps), the hash of the event before it and its own hash: SHA-256 over a canonical form of
-- its columns and prev_hash (see AuditChain). Events are inserted unsealed (NULLs) by the
-- transactions that make the change, and sealed in commit order by AuditSealer, which holds the
-- lock on the one audit_chain row while it extends the chain.
ALTER TABLE audit_event ADD COLUMN chain_seq BIGINT;
ALTER TABLE audit_event ADD COLUMN prev_hash VARCHAR(64);
ALTER TABLE audit_event ADD COLUMN hash VARCHAR(64);
CREATE UNIQUE INDEX uq_audit_event_chain_seq ON audit_event (chain_seq);

-- the head of the chain: the last sealed event's place and hash (a deleted tail shows against it)
CREATE TABLE audit_chain (
    id        INT PRIMARY KEY,
    last_seq  BIGINT      NOT NULL,
    last_hash VARCHAR(64) NOT NULL,
    sealed_at TIMESTAMP WITH TIME ZONE
);
INSERT INTO audit_chain (id, last_seq, last_hash) VALUES
    (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
