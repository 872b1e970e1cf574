package io.careloop.plugin.email.imap;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.careloop.plugin.api.IntakeSink;
import io.careloop.plugin.api.NewTicket;
import io.careloop.plugin.api.PluginSettings;
import io.careloop.plugin.api.PollContext;
import io.careloop.plugin.api.SourceState;
import io.careloop.plugin.email.EmailSource;
import io.careloop.plugin.email.Samples;
import io.careloop.plugin.testkit.RecordingSink;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/** IMAP polling against GreenMail's real IMAP server. */
class ImapPollingIT {

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP));

    GreenMailUser user;
    RecordingSink sink = new RecordingSink();
    Map<String, String> state = new HashMap<>();

    @BeforeEach
    void setUp() {
        user = greenMail.setUser("service@careloop.example.com", "service", "s3cret");
    }

    private void deliver(String sample) throws Exception {
        user.deliver(new MimeMessage(Session.getInstance(new Properties()),
                new ByteArrayInputStream(Samples.bytes(sample))));
    }

    private void poll(String processed) throws Exception {
        poll(processed, 500);
    }

    private void poll(String processed, int maxPerPoll) throws Exception {
        Map<String, String> values = new HashMap<>(Map.of(
                "imap.host", "127.0.0.1",
                "imap.port", Integer.toString(greenMail.getImap().getPort()),
                "imap.security", "none",
                "imap.user", "service",
                "imap.password", "s3cret",
                "imap.processed", processed,
                "mail.fromAddress", "service@careloop.example.com"));
        values.put("imap.maxPerPoll", Integer.toString(maxPerPoll));
        new EmailSource().poll(new Poll(new PluginSettings(values), sink, new MapState(state)));
    }

    @Test
    void newMessagesAreTakenInOnceAndFlagged() throws Exception {
        deliver("01-new-complaint-gb2312.eml");
        deliver("05-auto-reply.eml");

        poll("flag");

        assertThat(sink.newTickets()).extracting(NewTicket::subject).containsExactly("关于某批次胶囊的投诉");
        assertThat(state).containsKey("imap.INBOX.uidvalidity").containsEntry("imap.INBOX.lastUid", "2");
        try (Store store = imapStore()) {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            for (Message m : inbox.getMessages()) {
                assertThat(m.getFlags().contains(Flags.Flag.SEEN)).isTrue();
                assertThat(m.getFlags().contains(ImapPoller.PROCESSED_KEYWORD)).isTrue();
            }
        }

        deliver("02-adverse-event-utf8-qp.eml");
        poll("flag");

        assertThat(sink.newTickets()).extracting(NewTicket::subject)
                .containsExactly("关于某批次胶囊的投诉", "患者用药后出现严重皮疹");
        assertThat(sink.duplicates).isEmpty(); // the second poll started after the last UID
        assertThat(state).containsEntry("imap.INBOX.lastUid", "3");
    }

    @Test
    void processedMessagesCanBeMovedToAnotherFolder() throws Exception {
        deliver("01-new-complaint-gb2312.eml");
        deliver("02-adverse-event-utf8-qp.eml");

        poll("move");

        assertThat(sink.newTickets()).hasSize(2);
        try (Store store = imapStore()) {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            assertThat(inbox.getMessageCount()).isZero();
            Folder moved = store.getFolder("CareLoop");
            moved.open(Folder.READ_ONLY);
            assertThat(moved.getMessageCount()).isEqualTo(2);
        }
    }

    @Test
    void changedUidValidityReadsTheFolderAgainAndDuplicatesAddNothing() throws Exception {
        deliver("01-new-complaint-gb2312.eml");
        poll("flag");
        state.put("imap.INBOX.uidvalidity", "1"); // as if the server had rebuilt the folder

        poll("flag");

        assertThat(sink.newTickets()).hasSize(1);
        assertThat(sink.duplicates).containsExactly("20261106091200.A1@hospital-a.example.cn");
        assertThat(state.get("imap.INBOX.uidvalidity")).isNotEqualTo("1");
    }

    @Test
    void aPollTakesAtMostItsShareAndTheNextPollGoesOn() throws Exception {
        deliver("01-new-complaint-gb2312.eml");
        deliver("02-adverse-event-utf8-qp.eml");
        deliver("04-html-with-attachment.eml");

        poll("flag", 2);
        assertThat(sink.newTickets()).hasSize(2);
        assertThat(state).containsEntry("imap.INBOX.lastUid", "2");

        poll("flag", 2);
        assertThat(sink.newTickets()).extracting(NewTicket::subject).containsExactly(
                "关于某批次胶囊的投诉", "患者用药后出现严重皮疹", "Delivery delayed for PO 4500012345");
        assertThat(sink.duplicates).isEmpty();
    }

    private Store imapStore() throws Exception {
        Store store = Session.getInstance(new Properties()).getStore("imap");
        store.connect("127.0.0.1", greenMail.getImap().getPort(), "service", "s3cret");
        return store;
    }

    record MapState(Map<String, String> map) implements SourceState {
        @Override
        public String get(String key) {
            return map.get(key);
        }

        @Override
        public void put(String key, String value) {
            if (value == null) {
                map.remove(key);
            } else {
                map.put(key, value);
            }
        }
    }

    record Poll(PluginSettings settings, IntakeSink sink, SourceState state) implements PollContext {
        @Override
        public Clock clock() {
            return Clock.systemUTC();
        }
    }
}
