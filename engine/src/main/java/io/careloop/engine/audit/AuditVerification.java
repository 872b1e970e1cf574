package io.careloop.engine.audit;

/**
 * The outcome of walking the audit chain.
 *
 * @param ok          true when every sealed event matches its hash and links to the one before
 * @param checked     sealed events walked
 * @param unsealed    events committed but not yet sealed (not covered)
 * @param firstBroken the first link that fails, or null
 * @param headSeq     the chain head's last place, as the audit_chain row holds it
 * @param headHash    the chain head's hash: keep it outside CareLoop to detect a rewritten chain
 */
public record AuditVerification(boolean ok, long checked, long unsealed, BrokenLink firstBroken, long headSeq,
                                String headHash) {

    /** Where the chain breaks: its place, the event id found there (null if missing) and why. */
    public record BrokenLink(long seq, Long eventId, String problem) {
    }
}
