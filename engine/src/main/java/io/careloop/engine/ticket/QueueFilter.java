package io.careloop.engine.ticket;

import io.careloop.engine.customer.Tier;

/**
 * The queue screen's filters as its counts apply them (all optional): the counts per view and per
 * queue then tell how many tickets the filtered lists hold.
 */
public record QueueFilter(Category category, Priority priority, Severity severity, Channel channel, String product,
                          Tier tier) {

    public static final QueueFilter NONE = new QueueFilter(null, null, null, null, null, null);

    public QueueFilter {
        product = product == null || product.isBlank() ? null : product.trim();
    }
}
