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

    /** The kind of message: {@code survey-invitation} or {@code survey-reminder}. */
    Delivery send(String ticketNumber, String channel, String kind);

    OutboundPort NONE = (ticketNumber, channel, kind) ->
            new Delivery(false, "no outbound channel serves '" + channel + "'");
}
