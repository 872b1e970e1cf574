package io.careloop.plugin.email;

import io.careloop.plugin.api.ImportContext;
import io.careloop.plugin.api.InboundSource;
import io.careloop.plugin.api.IntakeSink;
import io.careloop.plugin.api.PluginSettings;
import io.careloop.plugin.api.PollContext;
import io.careloop.plugin.api.SettingsSchema;
import io.careloop.plugin.email.imap.ImapPoller;
import io.careloop.plugin.email.mbox.MboxReader;
import io.careloop.plugin.email.mime.MailCharsets;
import io.careloop.plugin.email.mime.MailParser;
import io.careloop.plugin.email.thread.MailClassifier;
import org.pf4j.Extension;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedInputStream;
import java.io.InputStream;
import java.time.Duration;

/**
 * E-mail in: polls IMAP folders, and imports an uploaded {@code .eml} (one message) or
 * {@code .mbox} (many, streamed). Every message goes through {@link MailIntake}.
 */
@Extension
public class EmailSource implements InboundSource {

    private static final Logger log = LoggerFactory.getLogger(EmailSource.class);

    @Override
    public String channel() {
        return "email";
    }

    @Override
    public SettingsSchema settingsSchema() {
        return EmailSettings.inboundSchema();
    }

    @Override
    public Duration pollInterval(PluginSettings settings) {
        EmailSettings s = EmailSettings.from(settings);
        return s.imapHost().isBlank() ? null : s.pollInterval();
    }

    @Override
    public void poll(PollContext context) throws Exception {
        EmailSettings settings = EmailSettings.from(context.settings());
        PluginLoader.call(() -> {
            MailIntake intake = intake(settings);
            int taken = new ImapPoller(settings).poll(context.state(),
                    (folder, uid, raw) -> intake.take(raw, uid, context.sink()));
            log.info("imap poll done: host={} messages={}", settings.imapHost(), taken);
            return taken;
        });
    }

    @Override
    public boolean imports() {
        return true;
    }

    @Override
    public void importStream(ImportContext context) throws Exception {
        EmailSettings settings = EmailSettings.from(context.settings());
        PluginLoader.call(() -> importFile(context.input(), intake(settings), context.sink()));
    }

    /** Reads an .mbox (starts with a {@code From } line) or a single .eml; returns the message count. */
    static long importFile(InputStream input, MailIntake intake, IntakeSink sink) throws Exception {
        BufferedInputStream in = new BufferedInputStream(input, 64 * 1024);
        in.mark(16);
        byte[] head = in.readNBytes(5);
        in.reset();
        if (MboxReader.looksLikeMbox(head)) {
            return MboxReader.read(in, (number, raw) -> intake.take(raw, number, sink));
        }
        intake.take(in.readAllBytes(), 1, sink);
        return 1;
    }

    static MailIntake intake(EmailSettings settings) {
        return new MailIntake(new MailParser(new MailCharsets(settings.defaultCharset())),
                new MailClassifier(settings.ownAddresses()));
    }
}
