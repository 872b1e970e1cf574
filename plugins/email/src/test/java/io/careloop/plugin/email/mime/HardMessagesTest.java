package io.careloop.plugin.email.mime;

import io.careloop.plugin.email.TestParsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

import static io.careloop.plugin.email.TestParsers.message;
import static org.assertj.core.api.Assertions.assertThat;

/** Mail from the wild that naive parsing turns into mojibake, lost text or stored scripts. */
class HardMessagesTest {

    static final Charset GBK = Charset.forName("GBK");
    static final Charset BIG5 = Charset.forName("Big5");

    MailParser parser;

    @BeforeEach
    void setUp() {
        parser = TestParsers.parser();
    }

    private static String b64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    @Test
    void adjacentEncodedWordsSplittingOneUtf8CharacterAreJoinedBeforeDecoding() {
        byte[] subject = "关于胶囊破损的投诉".getBytes(StandardCharsets.UTF_8);
        // cut inside the third character (3 bytes each): 7 bytes, then the rest
        String first = b64(Arrays.copyOfRange(subject, 0, 7));
        String second = b64(Arrays.copyOfRange(subject, 7, subject.length));
        ParsedMail mail = parser.parse(message("""
                From: a@hospital.example
                Subject: =?UTF-8?B?%s?=
                 =?UTF-8?B?%s?=
                Message-ID: <split-1@hospital.example>

                body
                """.formatted(first, second)));

        assertThat(mail.subject()).isEqualTo("关于胶囊破损的投诉");
    }

    @Test
    void adjacentQEncodedGbkWordsSplittingACharacterAreJoined() {
        byte[] subject = "批号破损".getBytes(GBK); // 2 bytes each
        StringBuilder q1 = new StringBuilder();
        StringBuilder q2 = new StringBuilder();
        for (int i = 0; i < subject.length; i++) {
            (i < 3 ? q1 : q2).append(String.format("=%02X", subject[i] & 0xFF));
        }
        ParsedMail mail = parser.parse(message("""
                From: =?gb2312?Q?%s?= =?gb2312?Q?%s?= <b@hospital.example>
                Subject: =?gb2312?Q?%s?= =?gb2312?Q?%s?= OK
                Message-ID: <split-2@hospital.example>

                body
                """.formatted(q1, q2, q1, q2)));

        assertThat(mail.subject()).isEqualTo("批号破损 OK");
        assertThat(mail.fromName()).isEqualTo("批号破损");
    }

    @Test
    void gb2312LabelHoldingGbkOnlyCharactersDecodesWithGb18030() {
        String text = "朱镕基同志与喆、昇、堃的来信";  // 镕 喆 昇 堃 are outside GB2312
        ParsedMail mail = parser.parse(message("""
                From: c@hospital.example
                Subject: =?gb2312?B?%s?=
                Content-Type: text/plain; charset=gb2312
                Content-Transfer-Encoding: base64
                Message-ID: <gbk-1@hospital.example>

                %s
                """.formatted(b64(text.getBytes(GBK)), b64(text.getBytes(GBK)))));

        assertThat(mail.subject()).isEqualTo(text);
        assertThat(mail.text()).isEqualTo(text);
    }

    @Test
    void unlabelledGbkHeadersAndBodyAreDetected() {
        String subject = "关于某批次胶囊的投诉";
        String body = "您好：我院药房收到的批号 B20261001 的胶囊有三盒铝箔破损，已隔离。请尽快安排退换并告知调查结果。";
        ParsedMail mail = parser.parse(TestParsers.message("""
                From: d@hospital.example
                Message-ID: <gbk-2@hospital.example>
                MIME-Version: 1.0
                Content-Type: text/plain
                Content-Transfer-Encoding: 8bit
                Subject: %s
                """.formatted(new String(subject.getBytes(GBK), StandardCharsets.ISO_8859_1)), body, GBK));

        assertThat(mail.subject()).isEqualTo(subject);
        assertThat(mail.text()).isEqualTo(body);
    }

    @Test
    void rawUtf8HeadersWithoutEncodedWordsRead() {
        ParsedMail mail = parser.parse(TestParsers.message("""
                From: %s <wang@pharmacy.example.cn>
                Subject: %s
                Message-ID: <u8-2@pharmacy.example.cn>
                Content-Type: text/plain; charset=utf-8
                """.formatted(latin1("王芳"), latin1("药品储存温度咨询")), "请问糖浆能否在30度保存？", StandardCharsets.UTF_8));

        assertThat(mail.fromName()).isEqualTo("王芳");
        assertThat(mail.subject()).isEqualTo("药品储存温度咨询");
        assertThat(mail.text()).isEqualTo("请问糖浆能否在30度保存？");
    }

    @Test
    void shortUnlabelledTextFallsBackToTheConfiguredCharset() {
        byte[] raw = TestParsers.message("""
                From: x@hospital.example.tw
                Subject: %s
                Message-ID: <big5-3@hospital.example.tw>
                """.formatted(new String("投訴".getBytes(BIG5), StandardCharsets.ISO_8859_1)), "", BIG5);
        MailParser taiwan = new MailParser(new MailCharsets(Charset.forName("x-windows-950")));

        assertThat(taiwan.parse(raw).subject()).isEqualTo("投訴");
    }

    private static String latin1(String text) {
        return new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
    }

    @Test
    void big5LabelledAndUnlabelledBodiesRead() {
        String body = "您好，本院藥局收到的膠囊有三盒鋁箔破損，已經隔離。請盡快安排退換並告知調查結果。謝謝。";
        ParsedMail labelled = parser.parse(TestParsers.message("""
                From: e@hospital.example.tw
                Subject: =?big5?B?%s?=
                Message-ID: <big5-1@hospital.example.tw>
                Content-Type: text/plain; charset=big5
                Content-Transfer-Encoding: 8bit
                """.formatted(b64("膠囊破損".getBytes(BIG5))), body, BIG5));
        ParsedMail unlabelled = parser.parse(TestParsers.message("""
                From: e@hospital.example.tw
                Subject: no label
                Message-ID: <big5-2@hospital.example.tw>
                Content-Transfer-Encoding: 8bit
                """, body, BIG5));

        assertThat(labelled.subject()).isEqualTo("膠囊破損");
        assertThat(labelled.text()).isEqualTo(body);
        assertThat(unlabelled.text()).isEqualTo(body);
    }

    @Test
    void unlabelledUtf8BodyIsNotTakenForGbk() {
        String body = "患者服药后出现皮疹，请告知如何上报。";
        ParsedMail mail = parser.parse(TestParsers.message("""
                From: f@clinic.example
                Subject: utf-8 without label
                Message-ID: <u8-1@clinic.example>
                """, body, StandardCharsets.UTF_8));

        assertThat(mail.text()).isEqualTo(body);
    }

    @Test
    void hostileHtmlKeepsTextAndSafeLinksOnly() {
        ParsedMail mail = parser.parse(message("""
                From: g@distributor.example
                Subject: hostile
                Message-ID: <html-1@distributor.example>
                Content-Type: text/html; charset=utf-8

                <html><head><style>body{background:url(http://evil.example/x)}</style>
                <script>document.cookie</script></head>
                <body onload="steal()"><p style="color:red">Lot <b>B2026</b> &amp; invoice</p>
                <img src=x onerror="alert(1)"><img src="https://tracker.example/p.gif">
                <a href="javascript:alert(2)">click</a> <a href="JaVaScRiPt:alert(3)">again</a>
                <a href="https://distributor.example/po/1">PO</a>
                <iframe src="https://evil.example"></iframe><form action="https://evil.example"><input name=p></form>
                <svg onload="alert(4)"></svg><a href="data:text/html;base64,PHNjcmlwdD4=">data</a>
                </body></html>
                """));

        assertThat(mail.html())
                .doesNotContainIgnoringCase("script")
                .doesNotContainIgnoringCase("onerror")
                .doesNotContainIgnoringCase("onload")
                .doesNotContainIgnoringCase("javascript")
                .doesNotContain("evil.example", "tracker.example", "<iframe", "<form", "<input", "<svg", "data:")
                .contains("<p style=\"color:red\">Lot <b>B2026</b> &amp; invoice</p>")
                .contains("<a href=\"https://distributor.example/po/1\" rel=\"noopener noreferrer nofollow\">PO</a>");
        assertThat(mail.text()).contains("Lot B2026 & invoice").doesNotContain("document.cookie", "background");
    }

    @Test
    void inlineCidImagesStayInTheHtmlAndAreStoredAsInlineAttachments() throws Exception {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13};
        ParsedMail mail = parser.parse(message("""
                From: h@hospital.example
                Subject: photo of the damaged box
                Message-ID: <cid-1@hospital.example>
                MIME-Version: 1.0
                Content-Type: multipart/alternative; boundary="ALT"

                --ALT
                Content-Type: text/plain; charset=utf-8

                See the photo of the damaged box.
                --ALT
                Content-Type: multipart/related; boundary="REL"

                --REL
                Content-Type: text/html; charset=utf-8

                <p>See the photo:</p><img src="cid:box-photo@hospital.example" alt="box">
                --REL
                Content-Type: image/png
                Content-Transfer-Encoding: base64
                Content-ID: <box-photo@hospital.example>

                %s
                --REL--
                --ALT--
                """.formatted(b64(png))));

        assertThat(mail.text()).isEqualTo("See the photo of the damaged box.");
        assertThat(mail.html()).isEqualTo("<p>See the photo:</p><img src=\"cid:box-photo&#64;hospital.example\" alt=\"box\" />");
        assertThat(mail.attachments()).singleElement().satisfies(image -> {
            assertThat(image.inline()).isTrue();
            assertThat(image.contentId()).isEqualTo("box-photo@hospital.example");
            assertThat(image.contentType()).isEqualTo("image/png");
            assertThat(image.size()).isEqualTo(png.length);
            try (java.io.InputStream in = parser.openPart(mail.raw(), image.partPath())) {
                assertThat(in.readAllBytes()).isEqualTo(png);
            }
        });
    }

    @Test
    void forwardedMessageIsShownBelowTheSendersTextWithItsAttachments() throws Exception {
        ParsedMail mail = parser.parse(message("""
                From: i@distributor.example
                Subject: Fwd: 投诉
                Message-ID: <fwd-1@distributor.example>
                MIME-Version: 1.0
                Content-Type: multipart/mixed; boundary="M"

                --M
                Content-Type: text/plain; charset=utf-8

                Please handle the complaint below.
                --M
                Content-Type: message/rfc822

                From: =?utf-8?B?5byg5Lyf?= <zhangwei@hospital-a.example.cn>
                Subject: =?utf-8?B?5oqV6K+J?=
                Date: Fri, 06 Nov 2026 09:12:00 +0800
                Message-ID: <orig-1@hospital-a.example.cn>
                Content-Type: multipart/mixed; boundary="N"

                --N
                Content-Type: text/plain; charset=utf-8
                Content-Transfer-Encoding: base64

                %s
                --N
                Content-Type: application/octet-stream; name="=?utf-8?B?5om55Y+3LnR4dA==?="
                Content-Disposition: attachment; filename="=?utf-8?B?5om55Y+3LnR4dA==?="

                B20261001
                --N--
                --M--
                """.formatted(b64("胶囊破损。".getBytes(StandardCharsets.UTF_8)))));

        assertThat(mail.text()).isEqualTo("""
                Please handle the complaint below.

                ---------- Forwarded message ----------
                From: 张伟 <zhangwei@hospital-a.example.cn>
                Date: Fri, 06 Nov 2026 09:12:00 +0800
                Subject: 投诉

                胶囊破损。""");
        assertThat(mail.forwarded()).singleElement().satisfies(f ->
                assertThat(f.messageId()).isEqualTo("orig-1@hospital-a.example.cn"));
        assertThat(mail.attachments()).singleElement().satisfies(lot -> {
            assertThat(lot.fileName()).isEqualTo("批号.txt");
            assertThat(lot.partPath()).isEqualTo("1.m.1");
            assertThat(lot.size()).isEqualTo("B20261001".length());
            try (java.io.InputStream in = parser.openPart(mail.raw(), lot.partPath())) {
                assertThat(new String(in.readAllBytes(), StandardCharsets.US_ASCII)).isEqualTo("B20261001");
            }
        });
    }

    @Test
    void rfc2231ContinuedGbkFileNameDecodes() {
        byte[] name = "不良反应报告表.pdf".getBytes(GBK);
        StringBuilder pct = new StringBuilder();
        for (byte b : name) {
            pct.append(String.format("%%%02X", b & 0xFF));
        }
        String half1 = pct.substring(0, 12);
        String half2 = pct.substring(12);
        ParsedMail mail = parser.parse(message("""
                From: j@hospital.example
                Subject: report
                Message-ID: <2231-1@hospital.example>
                Content-Type: multipart/mixed; boundary="B"

                --B
                Content-Type: text/plain

                attached
                --B
                Content-Type: application/pdf
                Content-Disposition: attachment;
                 filename*0*=gb2312''%s;
                 filename*1*=%s

                %%PDF-1.4
                --B--
                """.formatted(half1, half2)));

        assertThat(mail.attachments()).extracting(MailAttachment::fileName).containsExactly("不良反应报告表.pdf");
    }

    @Test
    void largeAttachmentIsMeasuredAndReadBackFromTheRawMessage() throws Exception {
        int size = 30 * 1024 * 1024;
        byte[] big = new byte[size];
        new java.util.Random(7).nextBytes(big);
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        raw.writeBytes(message("""
                From: k@hospital.example
                Subject: scan of all batch records
                Message-ID: <big-1@hospital.example>
                Content-Type: multipart/mixed; boundary="B"

                --B
                Content-Type: text/plain

                The scans are attached.
                --B
                Content-Type: application/zip
                Content-Disposition: attachment; filename="scans.zip"
                Content-Transfer-Encoding: base64

                """));
        raw.writeBytes(Base64.getMimeEncoder().encode(big));
        raw.writeBytes(message("\n--B--\n"));

        ParsedMail mail = parser.parse(raw.toByteArray());

        assertThat(mail.text()).isEqualTo("The scans are attached.");
        assertThat(mail.attachments()).singleElement().satisfies(zip -> {
            assertThat(zip.fileName()).isEqualTo("scans.zip");
            assertThat(zip.size()).isEqualTo(size); // the engine refuses it by this size, over its limit
            try (java.io.InputStream in = parser.openPart(mail.raw(), zip.partPath())) {
                assertThat(in.readAllBytes()).isEqualTo(big);
            }
        });
    }

    @Test
    void messageWithoutMessageIdIsKeyedByItsContentNotByItsRoute() {
        String body = """
                Subject: no id
                From: l@hospital.example
                Date: Sat, 07 Nov 2026 08:05:00 +0800

                Hello
                """;
        ParsedMail first = parser.parse(message("Received: from a.example by b.example\n" + body));
        ParsedMail again = parser.parse(message("Received: from c.example by d.example\n" + body));
        ParsedMail other = parser.parse(message(body.replace("Hello", "Hello again")));

        assertThat(first.messageId()).isNull();
        assertThat(first.key()).startsWith("sha256:").isEqualTo(again.key());
        assertThat(other.key()).isNotEqualTo(first.key());
    }
}
