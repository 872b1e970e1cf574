package io.careloop.engine.feedback;

/**
 * Sends survey invitations and reminders through the outbound channel the ticket came from.
 * The plugin host (issue 4) implements it with the channels' OutboundChannel plugins; until one
 * is bound, {@link #NONE} answers "not sent" and the feedback loop records that on the ticket.
 */
public interface OutboundPort {

    /** What happened to one message: sent (with the channel's id of it), or not and why. */
    record Delivery(boolean sent, String detail) {
    }

    /**
     * Sends one message.
     *
     * @param kind           {@code survey-invitation} or {@code survey-reminder}
     * @param idempotencyKey the same for every attempt at this message (a job retried after a crash
     *                       sends it again with the same key, and the channel gives the copy the same
     *                       Message-ID); null when the caller has none
     */
    Delivery send(String ticketNumber, String channel, String kind, String idempotencyKey);

    OutboundPort NONE = (ticketNumber, channel, kind, idempotencyKey) ->
            new Delivery(false, "no outbound channel serves '" + channel + "'");
}
