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
