package io.careloop.engine.audit;

import java.time.Instant;

/**
 * An audit event with its place in the chain (null while not yet sealed).
 *
 * @param hashForm   1: the hash covers before_state, after_state and reason as stored (events sealed
 *                   before migration V12); 2: it covers their digests (see {@link AuditChain}); null unsealed
 * @param redactedBy the audit event that recorded the redaction of this one's personal data, or null
 */
public record ChainRow(Long id, Instant occurredAt, String actor, String action, String entityType, String entityId,
                       String beforeState, String afterState, String reason, Long chainSeq, String prevHash,
                       String hash, Integer hashForm, String beforeDigest, String afterDigest, String reasonDigest,
                       Long redactedBy) {

    /** This event as the sealer links it: form 2, with the digests of its current columns. */
    public ChainRow withDigests() {
        return new ChainRow(id, occurredAt, actor, action, entityType, entityId, beforeState, afterState, reason, chainSeq,
                prevHash, hash, AuditChain.DIGEST_FORM, AuditChain.digest(beforeState), AuditChain.digest(afterState),
                AuditChain.digest(reason), redactedBy);
    }
}
