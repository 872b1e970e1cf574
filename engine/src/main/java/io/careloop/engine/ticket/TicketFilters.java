package io.careloop.engine.ticket;

import io.careloop.engine.customer.Tier;

/**
 * The queue screen's further filters (all optional): severity, channel, product, the customer's
 * tier, open tickets only (not resolved or closed), unassigned tickets only.
 */
public record TicketFilters(Severity severity, Channel channel, String product, Tier tier, boolean openOnly,
                            boolean unassigned) {

    public static final TicketFilters NONE = new TicketFilters(null, null, null, null, false, false);

    public TicketFilters {
        product = product == null || product.isBlank() ? null : product.trim();
    }
}
