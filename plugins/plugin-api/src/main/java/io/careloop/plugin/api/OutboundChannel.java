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
}
