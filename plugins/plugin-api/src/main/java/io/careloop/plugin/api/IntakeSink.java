package io.careloop.plugin.api;

/**
 * Where a channel hands what it read. Implemented by the engine. Each call is one atomic
 * intake: the item is either recorded completely (ledger, customer, ticket, interaction, audit,
 * process) or not at all. Safe to call again with the same source key: the answer is then a
 * duplicate and nothing changes.
 *
 * <p>No method throws for bad input: an item the engine cannot take (an unknown ticket, a score
 * out of range) is answered {@link IntakeOutcome.Status#REJECTED} with the field and the reason,
 * and the host quarantines it together with its {@link RawRecord}. A method may throw when the
 * engine itself fails (database down); the host then counts the call as failed and retries the
 * poll later. Calls from one import or poll come from one thread; the sink is not meant to be
 * shared between threads.
 */
public interface IntakeSink {

    /**
     * Takes in one item.
     *
     * @param item what was read
     * @param raw  the input it was read from, kept with the item if it is rejected; may be null
     *             for items that have no useful raw form
     */
    IntakeOutcome accept(InboundItem item, RawRecord raw);

    /**
     * Reports input the plugin could not turn into an item (a malformed date, a missing column).
     * The host quarantines it with the reason, counts it as read and rejected, and carries on.
     *
     * @param raw     the input as read
     * @param field   the field that was wrong, or null
     * @param message what was wrong, in words an integrator understands
     * @return always a rejection
     */
    IntakeOutcome reject(RawRecord raw, String field, String message);

    /**
     * Reports input the channel read and deliberately does not hand in: an auto-reply, a bounce,
     * mail from our own address (since 1.1.0). The host counts it as read and ignored, by
     * {@code reason}, so that a run's counts add up to what the channel read.
     *
     * @param raw    the input as read; may be null
     * @param reason a short code, the same for all items ignored for one cause: {@code auto-reply},
     *               {@code bounce}, {@code own-mail}
     * @param detail what made the channel decide, for the log (a header, a rule); may be null
     */
    default void ignored(RawRecord raw, String reason, String detail) {
    }

    /**
     * Reports that a message to {@code address} could not be delivered (a bounce; since 1.1.0). The
     * engine marks the address as failing for every customer who has it (the customer API shows
     * it; a later bounce replaces the mark). Call it in addition to {@link #ignored} for the bounce
     * itself.
     *
     * @param channel          the channel code, e.g. {@code email}
     * @param address          the recipient that failed
     * @param bouncedMessageId the id of our message that came back, or null
     * @param reason           the failure as the report gave it (e.g. {@code 5.1.1 user unknown})
     */
    default void deliveryFailed(String channel, String address, String bouncedMessageId, String reason) {
    }

    /** Opens a ticket for the item, or answers duplicate / rejected. */
    default IntakeOutcome newTicket(NewTicket item) {
        return accept(item, null);
    }

    /** Records a customer's reply on the ticket its threading hints name. */
    default IntakeOutcome customerReply(CustomerReply reply) {
        return accept(reply, null);
    }

    /** Records a call: a ticket, an interaction on an open ticket or a call-back task. */
    default IntakeOutcome callRecord(CallRecord call) {
        return accept(call, null);
    }

    /** Records a survey response on its ticket and hands it to the ticket's feedback loop. */
    default IntakeOutcome surveyResponse(SurveyResponse response) {
        return accept(response, null);
    }
}
