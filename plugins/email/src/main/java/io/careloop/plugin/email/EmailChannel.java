package io.careloop.plugin.email;

import io.careloop.plugin.api.DeliveryReceipt;
import io.careloop.plugin.api.Notification;
import io.careloop.plugin.api.OutboundChannel;
import io.careloop.plugin.api.OutboundMessage;
import io.careloop.plugin.api.PluginSettings;
import io.careloop.plugin.api.SettingsSchema;
import io.careloop.plugin.email.smtp.ReplySender;
import org.pf4j.Extension;

import java.time.Clock;

/** E-mail out: replies, survey invitations and notifications (the weekly report) over SMTP (see {@link ReplySender}). */
@Extension
public class EmailChannel implements OutboundChannel {

    private final Clock clock;

    public EmailChannel() {
        this(Clock.systemUTC());
    }

    EmailChannel(Clock clock) {
        this.clock = clock;
    }

    @Override
    public String channel() {
        return "email";
    }

    @Override
    public SettingsSchema settingsSchema() {
        return EmailSettings.outboundSchema();
    }

    @Override
    public DeliveryReceipt send(OutboundMessage message, PluginSettings settings) throws Exception {
        ReplySender sender = new ReplySender(EmailSettings.from(settings), clock);
        return PluginLoader.call(() -> sender.send(message));
    }

    @Override
    public boolean sendsNotifications() {
        return true;
    }

    @Override
    public DeliveryReceipt sendNotification(Notification notification, PluginSettings settings) throws Exception {
        ReplySender sender = new ReplySender(EmailSettings.from(settings), clock);
        return PluginLoader.call(() -> sender.send(notification));
    }
}
