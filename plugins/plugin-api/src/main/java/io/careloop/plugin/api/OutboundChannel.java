package io.careloop.plugin.api;

import org.pf4j.ExtensionPoint;

/**
 * A channel that sends messages to customers: replies and survey invitations. The engine picks
 * the outbound channel whose {@link #channel()} is the channel the ticket came from; when no
 * started plugin serves it, the message is recorded as not sent.
 *
 * <p>Calls have a time limit like {@link InboundSource}'s; a call that throws is recorded and
 * retried with back-off, so {@link #send} must not send twice what it reports as failed. A
 * channel that cannot tell (a time-out after the data was sent) should prefer giving the
 * message a stable id ({@link OutboundMessage#ticketNumber()} plus kind) the receiver can
 * de-duplicate on.
 */
public interface OutboundChannel extends ExtensionPoint {

    /** The channel code this sends on: email, phone (SMS), chat, … */
    String channel();

    /** The settings this channel needs; merged into the plugin's settings form. */
    default SettingsSchema settingsSchema() {
        return SettingsSchema.none();
    }

    /**
     * Sends one message.
     *
     * @throws Exception when it could not be handed over; the host records and retries
     */
    DeliveryReceipt send(OutboundMessage message, PluginSettings settings) throws Exception;

    /**
     * Whether this channel sends {@link Notification}s, messages tied to no ticket (since 1.1.0).
     * The host asks a channel for notifications only when this answers true.
     */
    default boolean sendsNotifications() {
        return false;
    }

    /**
     * Sends one message that belongs to no ticket (since 1.1.0); the same time limit, recording and
     * retry as {@link #send}.
     *
     * @throws Exception when it could not be handed over; the host records and retries
     */
    default DeliveryReceipt sendNotification(Notification notification, PluginSettings settings) throws Exception {
        throw new UnsupportedOperationException("channel " + channel() + " does not send notifications");
    }
}
