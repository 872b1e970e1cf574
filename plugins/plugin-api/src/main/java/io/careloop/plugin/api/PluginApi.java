package io.careloop.plugin.api;

/**
 * The version of this API, as a semantic version. The host sets it as PF4J's system version, so
 * a plugin declares what it was built against in its descriptor, e.g.
 * {@code Plugin-Requires: >=1.0.0 & <2.0.0}. A minor version adds types or default methods;
 * a major version removes or changes something a plugin may use.
 */
public final class PluginApi {

    /**
     * This API's semantic version. 1.1.0 added {@link Notification} and the default methods
     * {@link OutboundChannel#sendsNotifications()} / {@link OutboundChannel#sendNotification}
     * (messages tied to no ticket, e.g. the weekly report)
     * and {@code OutboundMessage.idempotencyKey()} (a reply sent twice after a crash is recognised); a 1.0.0 plugin runs unchanged.
     */
    public static final String VERSION = "1.1.0";

    private PluginApi() {
    }
}
