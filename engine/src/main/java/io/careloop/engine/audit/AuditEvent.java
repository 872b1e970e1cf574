package io.careloop.engine.audit;

import java.time.Instant;

/**
 * One line of the audit trail: who did what to which record, what it looked like before and
 * after (JSON), and why when a reason was given. Rows are only ever added.
 */
public record AuditEvent(Long id, Instant occurredAt, String actor, String action, String entityType,
                         String entityId, String beforeState, String afterState, String reason) {
}
