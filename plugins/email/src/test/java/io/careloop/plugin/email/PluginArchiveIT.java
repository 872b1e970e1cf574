package io.careloop.plugin.email;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.careloop.plugin.api.DeliveryReceipt;
import io.careloop.plugin.api.InboundSource;
import io.careloop.plugin.api.NewTicket;
import io.careloop.plugin.api.OutboundChannel;
import io.careloop.plugin.api.OutboundMessage;
import io.careloop.plugin.api.PluginApi;
import io.careloop.plugin.api.PluginSettings;
import io.careloop.plugin.api.SettingsField;
import io.careloop.plugin.testkit.BytesImport;
import io.careloop.plugin.testkit.RecordingSink;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.pf4j.DefaultPluginManager;
import org.pf4j.PluginManager;
import org.pf4j.PluginState;
import org.pf4j.PluginWrapper;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The built plugin archive (target/*-plugin.jar, made by the shade plugin in {@code package})
 * loaded by PF4J the way the engine's host loads it: system version = the plugin API's version,
 * extensions found by their API interfaces, each running in the plugin's own class loader with
 * its own Jakarta Mail inside. Run by failsafe after {@code package}.
 */
class PluginArchiveIT {

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @TempDir
    Path plugins;
    PluginManager manager;

    @BeforeEach
    void load() throws Exception {
        Path archive = Path.of(System.getProperty("plugin.archive"));
        Files.copy(archive, plugins.resolve(archive.getFileName()));
        manager = new DefaultPluginManager(plugins);
        manager.setSystemVersion(PluginApi.VERSION);
        manager.loadPlugins();
        manager.startPlugins();
    }

    @AfterEach
    void unload() {
        manager.stopPlugins();
        manager.unloadPlugins();
    }

    @Test
    void pluginStartsWithItsDescriptorAndTwoExtensions() {
        PluginWrapper email = manager.getPlugin("email");

        assertThat(email).isNotNull();
        assertThat(email.getPluginState()).isEqualTo(PluginState.STARTED);
        assertThat(email.getDescriptor().getRequires()).isEqualTo(">=1.1.0 & <2.0.0"); // it uses OutboundMessage.idempotencyKey()
        assertThat(manager.getExtensions(InboundSource.class, "email")).singleElement()
                .satisfies(source -> {
                    assertThat(source.channel()).isEqualTo("email");
                    assertThat(source.imports()).isTrue();
                    assertThat(source.getClass().getClassLoader()).isSameAs(email.getPluginClassLoader());
                    assertThat(source.settingsSchema().field("imap.password").secret()).isTrue();
                });
        assertThat(manager.getExtensions(OutboundChannel.class, "email")).singleElement()
                .satisfies(channel -> assertThat(channel.settingsSchema().fields())
                        .filteredOn(SettingsField::secret).extracting(SettingsField::key)
                        .containsExactly("smtp.password"));
    }

    @Test
    void loadedPluginImportsTheSampleMailbox() throws Exception {
        InboundSource source = manager.getExtensions(InboundSource.class, "email").get(0);
        RecordingSink sink = new RecordingSink();

        source.importStream(new BytesImport(Samples.bytes("inbox.mbox"), "inbox.mbox", null, new PluginSettings(Map.of(
                "mail.fromAddress", "service@careloop.example.com")), sink));

        assertThat(sink.newTickets()).extracting(NewTicket::subject).containsExactly(
                "关于某批次胶囊的投诉", "患者用药后出现严重皮疹", "Delivery delayed for PO 4500012345");
        assertThat(sink.replies()).hasSize(1);
    }

    @Test
    void loadedPluginSendsAReplyOverSmtp() throws Exception {
        OutboundChannel channel = manager.getExtensions(OutboundChannel.class, "email").get(0);

        DeliveryReceipt receipt = channel.send(new OutboundMessage(OutboundMessage.Kind.REPLY, "CL-2026-000003",
                new OutboundMessage.Recipient(null, "lina@clinic.example.cn", null), "您的报告",
                "我们已收到。", null, null, List.of(), List.of()), new PluginSettings(Map.of(
                "smtp.host", "127.0.0.1",
                "smtp.port", Integer.toString(greenMail.getSmtp().getPort()),
                "smtp.security", "none",
                "mail.fromAddress", "service@careloop.example.com")));

        assertThat(greenMail.getReceivedMessages()).singleElement().satisfies(m -> {
            assertThat(m.getSubject()).isEqualTo("[CL-2026-000003] 您的报告");
            assertThat(m.getMessageID()).isEqualTo("<" + receipt.messageId() + ">");
        });
    }
}
