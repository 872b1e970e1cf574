package io.careloop.plugin.email.smtp;

import io.careloop.plugin.api.Attachment;
import io.careloop.plugin.api.DeliveryReceipt;
import io.careloop.plugin.api.Notification;
import io.careloop.plugin.api.OutboundMessage;
import io.careloop.plugin.email.EmailSettings;
import io.careloop.plugin.email.thread.OutboundMessageIds;
import io.careloop.plugin.email.thread.TicketNumbers;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.InputStream;
import java.io.UnsupportedEncodingException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Properties;
import java.util.stream.Collectors;

/**
 * Sends replies and survey invitations over SMTP, and notifications tied to no ticket. Each message carries the ticket number in the
 * subject ({@code [CL-2026-000123] …}) and a Message-ID with the ticket number inside
 * ({@link OutboundMessageIds}), so the customer's answer finds its ticket by either. It is marked
 * {@code Auto-Submitted: auto-generated} when no person wrote it (survey invitations) and asks
 * Exchange not to send auto-replies back, which keeps vacation notices out of the loop.
 */
public final class ReplySender {

    private static final Logger log = LoggerFactory.getLogger(ReplySender.class);

    private final EmailSettings settings;
    private final Clock clock;

    public ReplySender(EmailSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    public DeliveryReceipt send(OutboundMessage out) throws Exception {
        if (out.to().email() == null || out.to().email().isBlank()) {
            throw new IllegalArgumentException("ticket " + out.ticketNumber() + ": recipient has no e-mail address");
        }
        if (settings.smtpHost().isBlank()) {
            throw new IllegalStateException("setting smtp.host is not set");
        }
        Session session = Session.getInstance(properties());
        String messageId = new OutboundMessageIds(settings.messageIdDomain()).forKey(out.ticketNumber(), out.idempotencyKey());
        MimeMessage message = new FixedIdMessage(session, "<" + messageId + ">");
        message.setFrom(new InternetAddress(settings.fromAddress(), settings.fromName(), "UTF-8"));
        message.setRecipient(Message.RecipientType.TO, recipient(out));
        message.setSubject(subject(out), "UTF-8");
        message.setSentDate(Date.from(clock.instant()));
        if (out.inReplyTo() != null) {
            message.setHeader("In-Reply-To", "<" + out.inReplyTo() + ">");
        }
        if (!out.references().isEmpty() || out.inReplyTo() != null) {
            java.util.List<String> refs = new java.util.ArrayList<>(out.references());
            if (out.inReplyTo() != null && !refs.contains(out.inReplyTo())) {
                refs.add(out.inReplyTo());
            }
            message.setHeader("References", refs.stream().map(r -> "<" + r + ">").collect(Collectors.joining(" ")));
        }
        if (out.kind() == OutboundMessage.Kind.SURVEY_INVITATION) {
            message.setHeader("Auto-Submitted", "auto-generated");
        }
        message.setHeader("X-Auto-Response-Suppress", "All");
        String body = out.surveyUrl() == null ? out.body() : out.body() + "\n\n" + out.surveyUrl();
        content(message, body, out.attachments());
        transport(message);
        log.info("email sent: ticket={} kind={} message={}", out.ticketNumber(), out.kind(), messageId);
        return new DeliveryReceipt(messageId, clock.instant());
    }

    /**
     * Sends a message tied to no ticket (the weekly report) to all its recipients at once. Its
     * Message-ID is made from the notification's key, so a retry of the same notification carries
     * the same id and a mail system can drop the second copy.
     */
    public DeliveryReceipt send(Notification out) throws Exception {
        if (settings.smtpHost().isBlank()) {
            throw new IllegalStateException("setting smtp.host is not set");
        }
        List<InternetAddress> to = new ArrayList<>();
        for (OutboundMessage.Recipient r : out.to()) {
            if (r.email() == null || r.email().isBlank()) {
                throw new IllegalArgumentException("notification " + out.key() + ": a recipient has no e-mail address");
            }
            to.add(r.name() == null ? new InternetAddress(r.email(), true) : new InternetAddress(r.email(), r.name(), "UTF-8"));
        }
        String messageId = "notification-" + out.key().replaceAll("[^A-Za-z0-9.-]", "-") + "@" + settings.messageIdDomain();
        MimeMessage message = new FixedIdMessage(Session.getInstance(properties()), "<" + messageId + ">");
        message.setFrom(new InternetAddress(settings.fromAddress(), settings.fromName(), "UTF-8"));
        message.setRecipients(Message.RecipientType.TO, to.toArray(new InternetAddress[0]));
        message.setSubject(out.subject() == null ? "" : out.subject(), "UTF-8");
        message.setSentDate(Date.from(clock.instant()));
        message.setHeader("Auto-Submitted", "auto-generated");
        message.setHeader("X-Auto-Response-Suppress", "All");
        content(message, out.body(), out.attachments());
        transport(message);
        log.info("email sent: notification={} recipients={} message={}", out.key(), to.size(), messageId);
        return new DeliveryReceipt(messageId, clock.instant());
    }

    private static void content(MimeMessage message, String body, List<Attachment> attachments) throws Exception {
        if (attachments.isEmpty()) {
            message.setText(body, "UTF-8");
            return;
        }
        MimeMultipart mixed = new MimeMultipart();
        MimeBodyPart text = new MimeBodyPart();
        text.setText(body, "UTF-8");
        mixed.addBodyPart(text);
        for (Attachment a : attachments) {
            MimeBodyPart part = new MimeBodyPart();
            try (InputStream in = a.content().open()) {
                part.setDataHandler(new jakarta.activation.DataHandler(new ByteArrayDataSource(in, a.contentType())));
            }
            if (a.fileName() != null) {
                part.setFileName(jakarta.mail.internet.MimeUtility.encodeText(a.fileName(), "UTF-8", "B"));
            }
            mixed.addBodyPart(part);
        }
        message.setContent(mixed);
    }

    private void transport(MimeMessage message) throws MessagingException {
        message.saveChanges();
        if (settings.smtpUser().isBlank()) {
            Transport.send(message);
        } else {
            Transport.send(message, settings.smtpUser(), settings.smtpPassword());
        }
    }

    /** The subject with the ticket tag, added once (a reply to a reply keeps the one it has). */
    static String subject(OutboundMessage out) {
        String subject = out.subject() == null ? "" : out.subject().strip();
        if (TicketNumbers.inSubject(subject).filter(out.ticketNumber()::equalsIgnoreCase).isPresent()) {
            return subject;
        }
        String tag = "[" + out.ticketNumber() + "]";
        return subject.isEmpty() ? tag : tag + " " + subject;
    }

    private static InternetAddress recipient(OutboundMessage out) throws MessagingException, UnsupportedEncodingException {
        return out.to().name() == null
                ? new InternetAddress(out.to().email())
                : new InternetAddress(out.to().email(), out.to().name(), "UTF-8");
    }

    private Properties properties() {
        Properties p = new Properties();
        boolean ssl = settings.smtpSecurity().equals("ssl");
        p.setProperty("mail.transport.protocol", ssl ? "smtps" : "smtp");
        String prefix = ssl ? "mail.smtps." : "mail.smtp.";
        p.setProperty(prefix + "host", settings.smtpHost());
        p.setProperty(prefix + "port", Integer.toString(settings.smtpPort()));
        p.setProperty(prefix + "auth", Boolean.toString(!settings.smtpUser().isBlank()));
        p.setProperty(prefix + "connectiontimeout", "30000");
        p.setProperty(prefix + "timeout", "60000");
        p.setProperty(prefix + "writetimeout", "60000");
        p.setProperty(prefix + "from", settings.fromAddress()); // envelope sender: bounces come back to us
        if (settings.smtpSecurity().equals("starttls")) {
            p.setProperty("mail.smtp.starttls.enable", "true");
            p.setProperty("mail.smtp.starttls.required", "true");
        }
        return p;
    }

    /** A message whose Message-ID is ours, not the one saveChanges() would invent. */
    private static final class FixedIdMessage extends MimeMessage {
        private final String id;

        FixedIdMessage(Session session, String id) {
            super(session);
            this.id = id;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", id);
        }
    }
}
