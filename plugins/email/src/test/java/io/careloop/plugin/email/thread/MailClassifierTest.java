package io.careloop.plugin.email.thread;

import io.careloop.plugin.email.Samples;
import io.careloop.plugin.email.TestParsers;
import io.careloop.plugin.email.mime.MailParser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The decision on each message: new ticket, reply, ignored, bounce. */
class MailClassifierTest {

    MailParser parser;
    MailClassifier classifier = new MailClassifier(Set.of("Service@careloop.example.com"));

    @BeforeEach
    void setUp() {
        parser = TestParsers.parser();
    }

    private Classification sample(String name) {
        return classifier.classify(parser.parse(Samples.bytes(name)));
    }

    private Classification message(String text) {
        return classifier.classify(parser.parse(TestParsers.message(text)));
    }

    @Test
    void complaintsWithoutReferenceOpenNewTickets() {
        assertThat(sample("01-new-complaint-gb2312.eml").decision()).isEqualTo(Decision.NEW_TICKET);
        assertThat(sample("02-adverse-event-utf8-qp.eml").decision()).isEqualTo(Decision.NEW_TICKET);
        assertThat(sample("04-html-with-attachment.eml").decision()).isEqualTo(Decision.NEW_TICKET);
    }

    @Test
    void replyWithTicketNumberAndReferencesGoesToThatTicket() {
        Classification c = sample("03-reply-to-ticket.eml");

        assertThat(c.decision()).isEqualTo(Decision.REPLY);
        assertThat(c.ticketNumber()).isEqualTo("CL-2026-000001");
        assertThat(c.mayTriggerReply()).isTrue();
    }

    @Test
    void vacationAutoReplyIsIgnoredEvenThoughItNamesTheTicket() {
        Classification c = sample("05-auto-reply.eml");

        assertThat(c.decision()).isEqualTo(Decision.IGNORED_AUTO_REPLY);
        assertThat(c.reason()).isEqualTo("Auto-Submitted: auto-replied");
        assertThat(c.mayTriggerReply()).isFalse();
    }

    @Test
    void bounceIsMatchedToTheReturnedMessageAndMarksTheRecipientFailing() {
        Classification c = sample("06-bounce.eml");

        assertThat(c.decision()).isEqualTo(Decision.BOUNCE);
        assertThat(c.bouncedMessageId()).isEqualTo("ticket-CL-2026-000009.3@careloop.example.com");
        assertThat(c.ticketNumber()).isEqualTo("CL-2026-000009");
        assertThat(c.failingAddresses()).containsExactly("nobody@hospital-b.example.cn");
        assertThat(c.mayTriggerReply()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Auto-Submitted: auto-generated",
            "Auto-Submitted: auto-replied",
            "Auto-Submitted: auto-notified",
            "X-Autoreply: yes",
            "X-Autorespond: vacation",
            "Precedence: bulk",
            "Precedence: list",
            "Precedence: junk",
            "X-Auto-Response-Suppress: All",
            "X-Loop: helpdesk@other.example",
            "List-Id: <pharma-news.lists.example>",
            "List-Unsubscribe: <mailto:leave@lists.example>",
            "List-Post: <mailto:post@lists.example>"})
    void everyAutoReplyOrListHeaderKeepsTheMessageFromOpeningATicket(String header) {
        Classification c = message("""
                From: Wang Fang <wangfang@pharmacy.example.cn>
                To: service@careloop.example.com
                Subject: Out of office
                Message-ID: <auto-%d@pharmacy.example.cn>
                %s

                I am away until Monday.
                """.formatted(header.hashCode(), header));

        assertThat(c.decision()).isEqualTo(Decision.IGNORED_AUTO_REPLY);
        assertThat(c.reason()).containsIgnoringCase(header.substring(0, header.indexOf(':')));
    }

    @Test
    void autoSubmittedNoIsAPersonWriting() {
        Classification c = message("""
                From: Wang Fang <wangfang@pharmacy.example.cn>
                Subject: Question about storage temperature
                Message-ID: <q1@pharmacy.example.cn>
                Auto-Submitted: no

                May the syrup be kept at 30 degrees?
                """);

        assertThat(c.decision()).isEqualTo(Decision.NEW_TICKET);
    }

    @Test
    void mailFromOurOwnAddressIsALoop() {
        Classification c = message("""
                From: CareLoop <service@careloop.example.com>
                Subject: [CL-2026-000004] Your request
                Message-ID: <ticket-CL-2026-000004.1@careloop.example.com>

                We have received your request.
                """);

        assertThat(c.decision()).isEqualTo(Decision.IGNORED_OWN_MAIL);
        assertThat(c.mayTriggerReply()).isFalse();
    }

    @Test
    void nullReturnPathIsABounceEvenInPlainText() {
        Classification c = message("""
                Return-Path: <>
                From: postmaster@mx.hospital.example
                Subject: failure notice
                Message-ID: <fail-1@mx.hospital.example>

                Sorry, we were unable to deliver your message to the following address.
                <old.doctor@hospital.example>: mailbox unavailable

                --- Below this line is a copy of the message.

                Message-ID: <ticket-CL-2026-000012.7@careloop.example.com>
                Subject: [CL-2026-000012] Survey
                """);

        assertThat(c.decision()).isEqualTo(Decision.BOUNCE);
        assertThat(c.reason()).isEqualTo("null Return-Path");
        assertThat(c.bouncedMessageId()).isEqualTo("ticket-CL-2026-000012.7@careloop.example.com");
        assertThat(c.ticketNumber()).isEqualTo("CL-2026-000012");
    }

    @Test
    void mailerDaemonSenderIsABounce() {
        Classification c = message("""
                From: MAILER-DAEMON@mx.example.com
                Subject: Returned mail
                Message-ID: <r-2@mx.example.com>

                The original message was not delivered.
                """);

        assertThat(c.decision()).isEqualTo(Decision.BOUNCE);
        assertThat(c.bouncedMessageId()).isNull();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Re: [CL-2026-000123] 药品破损",
            "RE: [CL-2026-000123] 药品破损",
            "RE：[CL-2026-000123] 药品破损",
            "回复：[CL-2026-000123] 药品破损",
            "回复: [CL-2026-000123] 药品破损",
            "答复：[CL-2026-000123] 药品破损",
            "转发：[CL-2026-000123] 药品破损",
            "Fwd: Re: 回复：[CL-2026-000123] 药品破损",
            "AW: [CL-2026-000123] 药品破损",
            "Re：【CL-2026-000123】 药品破损",
            "药品破损 [cl-2026-000123]"})
    void replyPrefixesDoNotHideTheTicketNumber(String subject) {
        Classification c = classifier.classify(parser.parse(TestParsers.message("""
                From: Zhang Wei <zhangwei@hospital-a.example.cn>
                Subject: =?utf-8?B?%s?=
                Message-ID: <p-%d@hospital-a.example.cn>

                谢谢
                """.formatted(java.util.Base64.getEncoder().encodeToString(
                subject.getBytes(java.nio.charset.StandardCharsets.UTF_8)), subject.hashCode()))));

        assertThat(c.decision()).isEqualTo(Decision.REPLY);
        assertThat(c.ticketNumber()).isEqualTo("CL-2026-000123");
        assertThat(TicketNumbers.topic(subject)).isEqualTo("药品破损");
    }

    @Test
    void ourMessageIdInInReplyToThreadsAReplyWhoseSubjectLostTheNumber() {
        Classification c = message("""
                From: Zhang Wei <zhangwei@hospital-a.example.cn>
                Subject: thanks
                Message-ID: <t-9@hospital-a.example.cn>
                In-Reply-To: <ticket-CL-2026-000042.5f1c@careloop.example.com>

                Thank you.
                """);

        assertThat(c.decision()).isEqualTo(Decision.REPLY);
        assertThat(c.ticketNumber()).isEqualTo("CL-2026-000042");
    }
}
