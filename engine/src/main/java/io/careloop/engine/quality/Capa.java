package io.careloop.engine.quality;

import java.time.Instant;

/** A corrective and preventive action over a cluster of complaints about one product and lot. */
public record Capa(Long id, String product, String productKey, String lot, String status, String openedBy,
                   Instant openedAt, String action, Instant closedAt) {

    /** The number people use: CAPA-000042. */
    public String number() {
        return number(id);
    }

    static String number(long id) {
        return String.format("CAPA-%06d", id);
    }
}
