package io.careloop.engine.plugin.testplugins;

import io.careloop.plugin.api.DeliveryReceipt;
import io.careloop.plugin.api.FieldType;
import io.careloop.plugin.api.Notification;
import io.careloop.plugin.api.OutboundChannel;
import io.careloop.plugin.api.OutboundMessage;
import io.careloop.plugin.api.PluginSettings;
import io.careloop.plugin.api.SettingsField;
import io.careloop.plugin.api.SettingsSchema;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.pf4j.Extension;

/** A test e-mail channel that writes each message to a file in the directory its settings name. */
@Extension
public class OutboxChannel implements OutboundChannel {

    @Override
    public String channel() {
        return "email";
    }

    @Override
    public SettingsSchema settingsSchema() {
        return SettingsSchema.of(SettingsField.of("outbox", FieldType.TEXT, "发件箱", "Outbox").asRequired());
    }

    @Override
    public DeliveryReceipt send(OutboundMessage message, PluginSettings settings) throws Exception {
        Path file = Path.of(settings.require("outbox")).resolve(message.ticketNumber() + ".txt");
        Files.writeString(file, message.kind() + "\n" + message.to().email() + "\n" + message.subject() + "\n"
                + message.body(), StandardCharsets.UTF_8);
        return new DeliveryReceipt("<" + message.ticketNumber() + ".survey@careloop.test>", Instant.EPOCH);
    }

    @Override
    public boolean sendsNotifications() {
        return true;
    }

    /** Writes {@code <key>.txt} (recipients, subject, body) and each attachment beside it; fails when the outbox is missing. */
    @Override
    public DeliveryReceipt sendNotification(Notification n, PluginSettings settings) throws Exception {
        Path outbox = Path.of(settings.require("outbox"));
        Files.writeString(outbox.resolve(n.key() + ".txt"), n.to().stream().map(OutboundMessage.Recipient::email)
                .collect(java.util.stream.Collectors.joining(",")) + "\n" + n.subject() + "\n" + n.body(), StandardCharsets.UTF_8);
        for (var a : n.attachments()) {
            try (var in = a.content().open()) {
                Files.copy(in, outbox.resolve(n.key() + "-" + a.fileName()));
            }
        }
        return new DeliveryReceipt("<" + n.key() + "@careloop.test>", Instant.EPOCH);
    }
}
