package io.careloop.engine.quality;

import java.time.Instant;
import java.time.LocalDate;

/**
 * What a product-quality complaint is about and where its work stands: product, lot, expiry, the
 * sample return ({@code none} / {@code requested} / {@code received} / {@code not-returned}), the
 * investigation ({@code pending} / {@code confirmed} / {@code not-confirmed}), the CAPA it is linked
 * to, and {@code status} open / closed.
 */
public record QualityComplaint(Long ticketId, String ticketNumber, String product, String productKey, String lot,
                               LocalDate expiry, Boolean sampleRequested, String sampleStatus, String sampleCondition,
                               String investigation, String findings, String rootCause, Long capaId, String status,
                               Instant receivedAt, Instant updatedAt) {

    /** Product names compare without case and surrounding blanks; lots without case. */
    static String productKey(String product) {
        return product == null ? null : product.strip().toLowerCase(java.util.Locale.ROOT);
    }

    static String lotKey(String lot) {
        return lot == null ? null : lot.strip().toUpperCase(java.util.Locale.ROOT);
    }
}
