package io.careloop.engine.report;

import java.time.Instant;

/**
 * A ticket as a report lists it: its classification, clocks and counters, never its description
 * or its customer's personal data (the customer's tier only). {@code subject} is null unless the
 * caller may read tickets.
 */
public record ReportTicket(Long id, String number, String subject, String status, String category, String severity,
                           String priority, String channel, String queue, String assignee, String tier, String product,
                           String lot, Instant receivedAt, Instant firstResponseDue, Instant firstRespondedAt,
                           Instant resolutionDue, Instant resolvedAt, Instant closedAt, Integer reopenCount,
                           Integer escalationLevel, String slaState) {
}
