package io.careloop.engine.audit;

import java.time.Instant;

/** An audit event with its place in the chain (null while not yet sealed). */
public record ChainRow(Long id, Instant occurredAt, String actor, String action, String entityType, String entityId,
                       String beforeState, String afterState, String reason, Long chainSeq, String prevHash,
                       String hash) {
}
