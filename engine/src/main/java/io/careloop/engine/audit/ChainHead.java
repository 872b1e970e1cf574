package io.careloop.engine.audit;

/** The last sealed event's place and hash, as the audit_chain row keeps them. */
public record ChainHead(Long lastSeq, String lastHash) {

    /** The prev_hash of the first event. */
    public static final String GENESIS = "0".repeat(64);
}
