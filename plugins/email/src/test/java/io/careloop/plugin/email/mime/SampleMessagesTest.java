package io.careloop.plugin.email.mime;

import io.careloop.plugin.email.Samples;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** Every shared sample message, parsed as an agent would read it. */
class SampleMessagesTest {

    final MailParser parser = new MailParser(new MailCharsets());

    @Test
    void gb2312ComplaintReadsAsChineseText() {
        ParsedMail mail = parser.parse(Samples.bytes("01-new-complaint-gb2312.eml"));

        assertThat(mail.subject()).isEqualTo("关于某批次胶囊的投诉");
        assertThat(mail.fromName()).isEqualTo("张伟医生");
        assertThat(mail.fromAddress()).isEqualTo("zhangwei@hospital-a.example.cn");
        assertThat(mail.text()).isEqualTo("您好:\n\n我院药房收到的批号 B20261001 的胶囊有三盒铝箔破损,已隔离。"
                + "请尽快安排退换并告知调查结果。\n\n张伟\n某市第一人民医院 心内科");
        assertThat(mail.html()).isNull();
        assertThat(mail.key()).isEqualTo("20261106091200.A1@hospital-a.example.cn");
        assertThat(mail.date()).isEqualTo(Instant.parse("2026-11-06T01:12:00Z"));
    }

    @Test
    void quotedPrintableUtf8AdverseEventReadsExactly() {
        ParsedMail mail = parser.parse(Samples.bytes("02-adverse-event-utf8-qp.eml"));

        assertThat(mail.subject()).isEqualTo("患者用药后出现严重皮疹");
        assertThat(mail.fromName()).isEqualTo("Li Na");
        assertThat(mail.text()).isEqualTo("患者女,62岁,服用贵司产品第3天出现全身皮疹伴发热,已住院治疗。请告知如何上报。"
                + "\n联系电话:13812345678");
    }

    @Test
    void replyKeepsItsThreadingHeaders() {
        ParsedMail mail = parser.parse(Samples.bytes("03-reply-to-ticket.eml"));

        assertThat(mail.subject()).isEqualTo("Re: [CL-2026-000001] 关于某批次胶囊的投诉");
        assertThat(mail.text()).isEqualTo("收到,谢谢。退换货今天下午已到,请把调查报告发我。\n\n> 您好,我们已安排退换……");
        assertThat(mail.inReplyTo()).containsExactly("ticket-CL-2026-000001.1@careloop.example.com");
        assertThat(mail.references()).containsExactly("20261106091200.A1@hospital-a.example.cn",
                "ticket-CL-2026-000001.1@careloop.example.com");
    }

    @Test
    void hostileHtmlIsSanitisedAndThePdfStoredUnderItsRfc2231Name() throws Exception {
        ParsedMail mail = parser.parse(Samples.bytes("04-html-with-attachment.eml"));

        assertThat(mail.subject()).isEqualTo("Delivery delayed for PO 4500012345");
        assertThat(mail.html()).isEqualTo("<p>Our PO <b>4500012345</b> is 5 days late.</p>details");
        assertThat(mail.html()).doesNotContain("script", "onerror", "javascript", "tracker");
        assertThat(mail.text()).isEqualTo("Our PO 4500012345 is 5 days late.\ndetails");
        assertThat(mail.attachments()).singleElement().satisfies(pdf -> {
            assertThat(pdf.fileName()).isEqualTo("送货单.pdf");
            assertThat(pdf.contentType()).isEqualTo("application/pdf");
            try (java.io.InputStream in = parser.openPart(mail.raw(), pdf.partPath())) {
                byte[] content = in.readAllBytes();
                assertThat(new String(content, java.nio.charset.StandardCharsets.ISO_8859_1)).startsWith("%PDF-1.4");
                assertThat(pdf.size()).isEqualTo(content.length);
            }
        });
    }

    @Test
    void autoReplyKeepsItsHeaders() {
        ParsedMail mail = parser.parse(Samples.bytes("05-auto-reply.eml"));

        assertThat(mail.subject()).isEqualTo("自动回复: [CL-2026-000001] 关于某批次胶囊的投诉");
        assertThat(mail.text()).isEqualTo("我正在休假,11月15日返回。");
        assertThat(mail.header("auto-submitted")).isEqualTo("auto-replied");
    }

    @Test
    void bounceReportNamesTheReturnedMessageAndTheFailedRecipient() {
        ParsedMail mail = parser.parse(Samples.bytes("06-bounce.eml"));

        assertThat(mail.report()).isNotNull();
        assertThat(mail.report().originalMessageId()).isEqualTo("ticket-CL-2026-000009.3@careloop.example.com");
        assertThat(mail.report().originalSubject()).isEqualTo("[CL-2026-000009] Survey");
        assertThat(mail.report().failedRecipients()).containsExactly("nobody@hospital-b.example.cn");
        assertThat(mail.text()).startsWith("This is the mail system at host mx.example.com.");
    }

    @Test
    void rawMessageIsKeptByteForByte() throws Exception {
        byte[] raw = Samples.bytes("04-html-with-attachment.eml");
        ParsedMail mail = parser.parse(raw);

        assertThat(mail.raw()).isEqualTo(raw);
        assertThat(mail.rawSize()).isEqualTo(raw.length);
    }
}
