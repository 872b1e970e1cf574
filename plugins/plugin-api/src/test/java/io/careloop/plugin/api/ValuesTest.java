package io.careloop.plugin.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ValuesTest {

    @Test
    void aRejectionNeedsAReasonAndMayNameTheField() {
        assertThatThrownBy(() -> new IntakeOutcome(IntakeOutcome.Status.REJECTED, null, "csat", " "))
                .isInstanceOf(IllegalArgumentException.class);
        IntakeOutcome o = IntakeOutcome.rejected("csat", "must be 1 to 5");
        assertThat(o.isRejected()).isTrue();
        assertThat(o.field()).isEqualTo("csat");
    }

    @Test
    void settingsFieldsCheckTheirValues() {
        SettingsField port = SettingsField.of("port", FieldType.INTEGER, "端口", "Port").asRequired();
        assertThat(port.problemWith(null)).isEqualTo("is required");
        assertThat(port.problemWith("99x")).isEqualTo("must be a whole number");
        assertThat(port.problemWith("993")).isNull();
        SettingsField mode = SettingsField.select("after", "处理后", "After import", List.of("flag", "move"));
        assertThat(mode.problemWith("delete")).contains("flag");
        assertThat(SettingsField.of("every", FieldType.DURATION, "间隔", "Interval").problemWith("5m"))
                .contains("ISO-8601");
        assertThatThrownBy(() -> SettingsSchema.of(port, port)).hasMessageContaining("duplicate");
        assertThatThrownBy(() -> SettingsField.of("1x", FieldType.TEXT, "x", "x")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void pluginSettingsNeverPrintTheirValues() {
        PluginSettings s = new PluginSettings(Map.of("password", "hunter2", "poll", "PT1M", "port", "993"));
        assertThat(s.toString()).doesNotContain("hunter2");
        assertThat(s.getDuration("poll", null)).isEqualTo(Duration.ofMinutes(1));
        assertThat(s.getInt("port", 0)).isEqualTo(993);
        assertThatThrownBy(() -> s.require("host")).hasMessageContaining("host");
    }

    @Test
    void aCallNamesItsCustomerByDirection() {
        CallRecord in = new CallRecord("1.1", CallRecord.Direction.INBOUND, "138", "400", null, null,
                Instant.EPOCH, null, null, 0, CallRecord.Disposition.NO_ANSWER, " ");
        assertThat(in.customerNumber()).isEqualTo("138");
        assertThat(in.notes()).isNull();
        assertThat(in.disposition().missed()).isTrue();
        assertThat(in.sourceKey()).isEqualTo("1.1");
        CallRecord out = new CallRecord("1.2", CallRecord.Direction.OUTBOUND, "400", "139", null, null,
                Instant.EPOCH, Instant.EPOCH, null, 3, CallRecord.Disposition.ANSWERED, null);
        assertThat(out.customerNumber()).isEqualTo("139");
    }

    @Test
    void aNotificationNeedsAKeyAndARecipientAndAChannelSendsNoneUnlessItSaysSo() {
        OutboundMessage.Recipient boss = new OutboundMessage.Recipient("王经理", "wang@pharma.example.cn", null);
        assertThatThrownBy(() -> new Notification("k", List.of(), "s", "b", null)).hasMessageContaining("recipient");
        assertThatThrownBy(() -> new Notification(null, List.of(boss), "s", "b", null)).isInstanceOf(NullPointerException.class);
        Notification n = new Notification("weekly-1-2026-05-11", List.of(boss), "周报", null, null);
        assertThat(n.body()).isEmpty();
        assertThat(n.attachments()).isEmpty();

        OutboundChannel replyOnly = new OutboundChannel() {
            @Override
            public String channel() {
                return "sms";
            }

            @Override
            public DeliveryReceipt send(OutboundMessage message, PluginSettings settings) {
                return new DeliveryReceipt("id", Instant.EPOCH);
            }
        };
        assertThat(replyOnly.sendsNotifications()).isFalse();
        assertThatThrownBy(() -> replyOnly.sendNotification(n, new PluginSettings(Map.of())))
                .isInstanceOf(UnsupportedOperationException.class).hasMessageContaining("sms");
        assertThat(PluginApi.VERSION).isEqualTo("1.1.0");
    }
}
