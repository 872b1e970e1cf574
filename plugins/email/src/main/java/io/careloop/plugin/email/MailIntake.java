package io.careloop.plugin.email;

import io.careloop.plugin.api.Attachment;
import io.careloop.plugin.api.CustomerReply;
import io.careloop.plugin.api.InboundCustomer;
import io.careloop.plugin.api.IntakeOutcome;
import io.careloop.plugin.api.IntakeSink;
import io.careloop.plugin.api.NewTicket;
import io.careloop.plugin.api.RawRecord;
import io.careloop.plugin.email.mime.MailAttachment;
import io.careloop.plugin.email.mime.MailParser;
import io.careloop.plugin.email.mime.MalformedMailException;
import io.careloop.plugin.email.mime.ParsedMail;
import io.careloop.plugin.email.thread.Classification;
import io.careloop.plugin.email.thread.Decision;
import io.careloop.plugin.email.thread.MailClassifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Takes one raw message in: parse, classify, and hand it to the engine's sink as a new ticket
 * or a customer reply. Auto-replies, loops and bounces are never handed in as tickets or replies
 * (so they can never trigger an answer); they are reported to the sink as ignored, with their
 * cause, and a bounce reports the addresses that failed. Shared by IMAP polling
 * and file import.
 */
public final class MailIntake {

    private static final Logger log = LoggerFactory.getLogger(MailIntake.class);

    /** What became of one message. */
    public record Result(Decision decision, IntakeOutcome outcome, Classification classification) {
    }

    private final MailParser parser;
    private final MailClassifier classifier;
    public MailIntake(MailParser parser, MailClassifier classifier) {
        this.parser = parser;
        this.classifier = classifier;
    }

    /**
     * Takes one message in.
     *
     * @param raw      the message's bytes
     * @param position its number in the mailbox or file (1-based), for the quarantine
     */
    public Result take(byte[] raw, long position, IntakeSink sink) {
        RawRecord record = new RawRecord(position, rawText(raw));
        ParsedMail mail;
        try {
            mail = parser.parse(raw);
        } catch (MalformedMailException e) {
            return new Result(null, sink.reject(record, null, e.getMessage()), null);
        }
        if (mail.fromAddress() == null && mail.messageId() == null && mail.date() == null && mail.subject().isEmpty()) {
            // no From, Message-ID, Date or Subject: some other file uploaded as mail
            return new Result(null, sink.reject(record, null,
                    "not an e-mail message: no From, Message-ID, Date or Subject header"), null);
        }
        Classification c = classifier.classify(mail);
        switch (c.decision()) {
            case NEW_TICKET, REPLY -> {
                IntakeOutcome outcome = hasThreadHints(mail, c)
                        ? sink.accept(reply(mail, c), record)
                        : sink.accept(newTicket(mail), record);
                log.info("email taken in: message={} decision={} outcome={} ticket={}",
                        mail.key(), c.decision(), outcome.status(), outcome.ticketNumber());
                return new Result(c.decision(), outcome, c);
            }
            default -> {
                // no ticket, no reply: counted by the host as ignored, by cause; a bounce marks its addresses failing
                log.info("email ignored: message={} decision={} reason={} ticket={} bounced={} failing={}",
                        mail.key(), c.decision(), c.reason(), c.ticketNumber(), c.bouncedMessageId(),
                        c.failingAddresses().size());
                if (c.decision() == Decision.BOUNCE) {
                    for (String address : c.failingAddresses()) {
                        sink.deliveryFailed("email", address, c.bouncedMessageId(), c.reason());
                    }
                }
                sink.ignored(record, reasonCode(c.decision()), c.reason());
                return new Result(c.decision(), null, c);
            }
        }
    }

    /** The cause an ignored message is counted under in the import run. */
    static String reasonCode(Decision decision) {
        return switch (decision) {
            case IGNORED_AUTO_REPLY -> "auto-reply";
            case IGNORED_OWN_MAIL -> "own-mail";
            case BOUNCE -> "bounce";
            default -> decision.name().toLowerCase(java.util.Locale.ROOT);
        };
    }

    private static boolean hasThreadHints(ParsedMail mail, Classification c) {
        return c.decision() == Decision.REPLY || !mail.inReplyTo().isEmpty() || !mail.references().isEmpty();
    }

    private NewTicket newTicket(ParsedMail mail) {
        String subject = mail.subject().isBlank() ? "(no subject)" : mail.subject();
        return new NewTicket(mail.key(), subject, mail.text(), "email", null, null, customer(mail),
                null, null, mail.date(), mail.messageId(), attachments(mail));
    }

    /**
     * A reply: the engine finds the ticket by number, else by In-Reply-To / References among the
     * message ids it recorded, else opens a new ticket from it (see {@link CustomerReply}).
     */
    private CustomerReply reply(ParsedMail mail, Classification c) {
        String subject = mail.subject().isBlank() ? "(no subject)" : mail.subject();
        return new CustomerReply(mail.key(), "email", c.ticketNumber(), mail.messageId(),
                mail.inReplyTo().isEmpty() ? null : mail.inReplyTo().get(0), mail.references(),
                customer(mail), subject, mail.text(), mail.date(),
                attachments(mail));
    }

    private static InboundCustomer customer(ParsedMail mail) {
        if (mail.fromAddress() == null && mail.fromName() == null) {
            return null;
        }
        return new InboundCustomer(null, null, mail.fromName(), null, null, mail.fromAddress(), null);
    }

    /**
     * The message's attachments, then the sanitised HTML ({@code message.html}) and the raw
     * message ({@code original.eml}), so the engine keeps both with the item (the API's items
     * carry plain text only). Each one is read from the raw message in memory when the engine
     * takes the item in, and the engine alone stores it (by content hash, under its limits, with
     * erasure): the plugin keeps no copy of its own.
     */
    private List<Attachment> attachments(ParsedMail mail) {
        List<Attachment> out = new ArrayList<>();
        for (MailAttachment a : mail.attachments()) {
            out.add(new Attachment(a.fileName(), a.contentType(), a.size(), a.contentId(),
                    () -> parser.openPart(mail.raw(), a.partPath())));
        }
        if (mail.html() != null) {
            byte[] html = mail.html().getBytes(StandardCharsets.UTF_8);
            out.add(new Attachment("message.html", "text/html; charset=utf-8", html.length, null,
                    () -> new ByteArrayInputStream(html)));
        }
        out.add(new Attachment("original.eml", "message/rfc822", mail.rawSize(), null,
                () -> new ByteArrayInputStream(mail.raw())));
        return out;
    }

    /** The raw message as text for the quarantine: UTF-8 where it is, else one char per byte. */
    private static String rawText(byte[] raw) {
        int max = Math.min(raw.length, 64 * 1024);
        String utf8 = new String(raw, 0, max, StandardCharsets.UTF_8);
        return utf8.indexOf('\uFFFD') < 0 ? utf8 : new String(raw, 0, max, StandardCharsets.ISO_8859_1);
    }
}
