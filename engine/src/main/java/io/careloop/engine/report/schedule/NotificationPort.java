package io.careloop.engine.report.schedule;

import io.careloop.plugin.api.DeliveryReceipt;
import io.careloop.plugin.api.Notification;

/** Sends a message tied to no ticket through a channel plugin ({@code engine/…/plugin/Outbound}). */
@FunctionalInterface
public interface NotificationPort {

    /** @throws Exception when no channel took it; the caller records the failure and retries */
    DeliveryReceipt send(Notification notification) throws Exception;
}
