package io.careloop.engine.plugin.testplugins;

import io.careloop.plugin.api.DeliveryReceipt;
import io.careloop.plugin.api.FieldType;
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
}
