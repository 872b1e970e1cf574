package io.careloop.plugin.api;

/**
 * Where a channel hands what it read. Implemented by the engine; each call is one atomic intake:
 * the item is either recorded completely (ledger, customer, ticket, audit, process) or not at all.
 * Safe to call again with the same source key: the answer is then a duplicate.
 */
public interface IntakeSink {

    /** Opens a ticket for the item, or answers duplicate / rejected. Never throws for bad input. */
    IntakeOutcome newTicket(NewTicket item);
}
