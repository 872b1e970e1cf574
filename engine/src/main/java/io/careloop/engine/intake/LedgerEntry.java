package io.careloop.engine.intake;

import java.time.Instant;

/** A row of the import ledger: one inbound item a source handed in, keyed by (source, sourceKey). */
public record LedgerEntry(Long id, String source, String sourceKey, String outcome, String ticketNumber,
                          String detail, Instant createdAt) {
}
