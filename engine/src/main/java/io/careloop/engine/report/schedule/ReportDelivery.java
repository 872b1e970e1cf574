package io.careloop.engine.report.schedule;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One weekly report due at {@code dueAt}: {@code sending} (a node holds it until
 * {@code claimedUntil}), {@code sent}, {@code failed} (retried at {@code nextAttemptAt}) or
 * {@code gave-up} after {@link WeeklyReports#MAX_ATTEMPTS}.
 */
public record ReportDelivery(Long id, Long scheduleId, Instant dueAt, LocalDate periodFrom, LocalDate periodTo, String status,
                             Integer attempts, String claimedBy, Instant claimedUntil, Instant nextAttemptAt,
                             String lastError, String messageId, Instant sentAt) {
}
