package io.careloop.plugin.email;

import io.careloop.plugin.api.Attachment;
import io.careloop.plugin.api.NewTicket;
import io.careloop.plugin.api.PluginSettings;
import io.careloop.plugin.testkit.BytesImport;
import io.careloop.plugin.testkit.RecordingSink;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Upload import of .mbox and .eml through the plugin's inbound source, into a recording sink. */
class EmailImportTest {

    RecordingSink sink = new RecordingSink();

    private void importFile(byte[] file, String name) throws Exception {
        PluginSettings settings = new PluginSettings(Map.of(
                "mail.fromAddress", "service@careloop.example.com"));
        new EmailSource().importStream(new BytesImport(file, name, null, settings, sink));
    }

    @Test
    void sampleMailboxOpensThreeTicketsAddsOneReplyAndIgnoresTheAutoReplyAndTheBounce() throws Exception {
        importFile(Samples.bytes("inbox.mbox"), "inbox.mbox");

        assertThat(sink.newTickets()).extracting(NewTicket::subject).containsExactly(
                "关于某批次胶囊的投诉", "患者用药后出现严重皮疹", "Delivery delayed for PO 4500012345");
        NewTicket complaint = sink.newTickets().get(0);
        assertThat(complaint.sourceKey()).isEqualTo("20261106091200.A1@hospital-a.example.cn");
        assertThat(complaint.messageId()).isEqualTo("20261106091200.A1@hospital-a.example.cn");
        assertThat(complaint.channel()).isEqualTo("email");
        assertThat(complaint.customer().name()).isEqualTo("张伟医生");
        assertThat(complaint.customer().email()).isEqualTo("zhangwei@hospital-a.example.cn");
        assertThat(complaint.description()).startsWith("您好:\n\n我院药房收到的批号 B20261001");
        assertThat(complaint.receivedAt()).isEqualTo(Instant.parse("2026-11-06T01:12:00Z"));

        assertThat(sink.replies()).singleElement().satisfies(reply -> {
            assertThat(reply.ticketNumber()).isEqualTo("CL-2026-000001");
            assertThat(reply.inReplyTo()).isEqualTo("ticket-CL-2026-000001.1@careloop.example.com");
            assertThat(reply.references()).containsExactly("20261106091200.A1@hospital-a.example.cn",
                    "ticket-CL-2026-000001.1@careloop.example.com");
            assertThat(reply.body()).isEqualTo("收到,谢谢。退换货今天下午已到,请把调查报告发我。\n\n> 您好,我们已安排退换……");
        });
        assertThat(sink.accepted).hasSize(4); // the auto-reply and the bounce never reach intake …
        assertThat(sink.ignored).containsExactly("auto-reply", "bounce"); // … they are counted as ignored
        assertThat(sink.failingAddresses).containsExactly("email:nobody@hospital-b.example.cn");
        assertThat(sink.rejected).isEmpty();
        assertThat(sink.acceptedRaw).extracting(r -> r.position()).containsExactly(1L, 2L, 3L, 4L);
    }

    @Test
    void htmlMessageCarriesItsPdfTheSanitisedHtmlAndTheRawMessage() throws Exception {
        importFile(Samples.bytes("04-html-with-attachment.eml"), "po.eml");

        NewTicket ticket = sink.newTickets().get(0);
        assertThat(ticket.description()).isEqualTo("Our PO 4500012345 is 5 days late.\ndetails");
        assertThat(ticket.attachments()).extracting(Attachment::fileName)
                .containsExactly("送货单.pdf", "message.html", "original.eml");
        assertThat(read(ticket.attachments().get(0))).startsWith("%PDF-1.4");
        assertThat(read(ticket.attachments().get(1))).isEqualTo("<p>Our PO <b>4500012345</b> is 5 days late.</p>details");
        assertThat(read(ticket.attachments().get(2)))
                .isEqualTo(new String(Samples.bytes("04-html-with-attachment.eml"), StandardCharsets.UTF_8));
    }

    @Test
    void importingTheSameMailboxTwiceAddsNothing() throws Exception {
        importFile(Samples.bytes("inbox.mbox"), "inbox.mbox");
        importFile(Samples.bytes("inbox.mbox"), "inbox.mbox");

        assertThat(sink.accepted).hasSize(4);
        assertThat(sink.duplicates).hasSize(4);
    }

    @Test
    void sameMessageIdInTwoFilesIsImportedOnce() throws Exception {
        importFile(Samples.bytes("02-adverse-event-utf8-qp.eml"), "a.eml");
        importFile(Samples.bytes("inbox.mbox"), "inbox.mbox");

        assertThat(sink.newTickets()).extracting(NewTicket::sourceKey).containsOnlyOnce("CAF3x9k2@clinic.example.cn");
        assertThat(sink.duplicates).containsExactly("CAF3x9k2@clinic.example.cn");
    }

    @Test
    void replyWithUnknownReferencesButNoNumberIsHandedInAsAReplyForTheEngineToThread() throws Exception {
        importFile(TestParsers.message("""
                From: Zhang Wei <zhangwei@hospital-a.example.cn>
                Subject: Re: 关于某批次胶囊的投诉
                Message-ID: <20261108.C3@hospital-a.example.cn>
                In-Reply-To: <20261106091200.A1@hospital-a.example.cn>

                还有一个问题。
                """), "reply.eml");

        assertThat(sink.replies()).singleElement().satisfies(reply -> {
            assertThat(reply.ticketNumber()).isNull();
            assertThat(reply.inReplyTo()).isEqualTo("20261106091200.A1@hospital-a.example.cn");
            assertThat(reply.body()).isEqualTo("还有一个问题。");
        });
    }

    @Test
    void fileThatIsNoMailIsQuarantinedWithItsNumberAndTheRestImported() throws Exception {
        byte[] mbox = ("From x Sat Nov  7 08:00:00 2026\n%PDF-1.4 binary junk\n\n"
                + new String(Samples.bytes("inbox.mbox"), StandardCharsets.ISO_8859_1))
                .getBytes(StandardCharsets.ISO_8859_1);

        importFile(mbox, "mixed.mbox");

        assertThat(sink.rejected).extracting(r -> r.raw().position() + ": " + r.message()).containsExactly(
                "1: not an e-mail message: no From, Message-ID, Date or Subject header");
        assertThat(sink.accepted).hasSize(4);
        assertThat(sink.acceptedRaw).extracting(r -> r.position()).containsExactly(2L, 3L, 4L, 5L);
    }

    private static String read(Attachment a) throws Exception {
        try (InputStream in = a.content().open()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
