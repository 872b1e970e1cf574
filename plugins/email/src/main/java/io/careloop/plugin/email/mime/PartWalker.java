package io.careloop.plugin.email.mime;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.ContentDisposition;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.ParseException;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Walks the MIME tree of one message and collects what a user sees: the text, the HTML, the
 * attachments, forwarded messages and a delivery report. A part that cannot be decoded is
 * skipped (the raw message is kept), so one broken part never loses the rest of the message.
 */
final class PartWalker {

    /** Deeper nesting than this is an attack or a loop, not mail. */
    private static final int MAX_DEPTH = 24;

    record Content(String text, String html, List<MailAttachment> attachments,
                   List<ForwardedMessage> forwarded, DeliveryReport report) {
    }

    private final Session session;
    private final EncodedWords words;
    private final MailCharsets charsets;
    private final PartParameters parameters;

    private final List<String> plain = new ArrayList<>();
    private final List<String> html = new ArrayList<>();
    private final List<MailAttachment> attachments = new ArrayList<>();
    private final List<ForwardedMessage> forwarded = new ArrayList<>();
    private final List<String> failedRecipients = new ArrayList<>();
    private String originalMessageId;
    private String originalSubject;
    private boolean isReport;

    PartWalker(Session session, EncodedWords words, MailCharsets charsets) {
        this.session = session;
        this.words = words;
        this.charsets = charsets;
        this.parameters = new PartParameters(charsets, words);
    }

    Content walkMessage(Part message) {
        walk(message, 0, false, "");
        return collect();
    }

    private Content collect() {
        String htmlJoined = html.isEmpty() ? null : String.join("\n", html);
        String text = !plain.isEmpty() ? String.join("\n", plain).strip()
                : htmlJoined != null ? HtmlText.toText(htmlJoined) : "";
        StringBuilder withForwarded = new StringBuilder(text);
        for (ForwardedMessage f : forwarded) {
            withForwarded.append(withForwarded.isEmpty() ? "" : "\n\n")
                    .append("---------- Forwarded message ----------\n");
            appendLine(withForwarded, "From", f.from());
            appendLine(withForwarded, "Date", f.date());
            appendLine(withForwarded, "Subject", f.subject());
            withForwarded.append('\n').append(f.text());
        }
        DeliveryReport report = isReport
                ? new DeliveryReport(originalMessageId, originalSubject, failedRecipients) : null;
        return new Content(withForwarded.toString(), htmlJoined == null ? null : MailHtml.sanitise(htmlJoined),
                attachments, forwarded, report);
    }

    private static void appendLine(StringBuilder out, String name, String value) {
        if (value != null && !value.isBlank()) {
            out.append(name).append(": ").append(value).append('\n');
        }
    }

    /** @param path where the part is: see {@link PartPath} */
    private void walk(Part part, int depth, boolean inRelated, String path) {
        if (depth > MAX_DEPTH) {
            return;
        }
        ContentType type = contentType(part);
        String base = type.getBaseType().toLowerCase(Locale.ROOT);
        try {
            if (base.startsWith("multipart/")) {
                MimeMultipart multipart = new MimeMultipart(part.getDataHandler().getDataSource());
                boolean related = base.equals("multipart/related");
                if (base.equals("multipart/report")) {
                    isReport |= "delivery-status".equalsIgnoreCase(type.getParameter("report-type"));
                }
                for (int i = 0; i < multipart.getCount(); i++) {
                    BodyPart child = multipart.getBodyPart(i);
                    walk(child, depth + 1, related || inRelated, PartPath.child(path, i));
                }
                return;
            }
            if (depth > 0 && base.equals("message/rfc822")) {
                if (isReport) {
                    originalHeaders(new InternetHeaders(part.getInputStream()));
                } else {
                    forwarded(part, depth, path);
                }
                return;
            }
            if (base.equals("message/delivery-status") || base.equals("message/global-delivery-status")) {
                isReport = true;
                deliveryStatus(read(part));
                return;
            }
            if (base.equals("text/rfc822-headers") || base.equals("message/global-headers")) {
                originalHeaders(new InternetHeaders(part.getInputStream()));
                return;
            }
            String disposition = disposition(part);
            String fileName = fileName(part);
            boolean attachment = "attachment".equals(disposition) || (fileName != null && !base.startsWith("text/"));
            if (!attachment && base.equals("text/plain")) {
                plain.add(text(part, type));
            } else if (!attachment && base.equals("text/html")) {
                html.add(text(part, type));
            } else {
                attachment(part, base, fileName, inRelated || "inline".equals(disposition), path);
            }
        } catch (MessagingException | IOException | RuntimeException e) {
            // an undecodable part: the rest of the message and the raw bytes are kept
        }
    }

    /** A forwarded message: its text (with its own forwards) goes below the sender's text. */
    private void forwarded(Part part, int depth, String path) throws MessagingException, IOException {
        MimeMessage inner;
        try (InputStream in = part.getInputStream()) {
            inner = new MimeMessage(session, in);
        }
        PartWalker innerWalker = new PartWalker(session, words, charsets);
        innerWalker.walk(inner, depth + 1, false, PartPath.inner(path));
        Content content = innerWalker.collect();
        attachments.addAll(content.attachments());
        forwarded.add(new ForwardedMessage(
                words.decode(inner.getHeader("From", ", ")),
                words.decode(inner.getHeader("Subject", null)),
                inner.getHeader("Date", null),
                MailParser.firstId(inner.getHeader("Message-ID", null)),
                content.text()));
    }

    private void attachment(Part part, String base, String fileName, boolean inline, String path)
            throws MessagingException, IOException {
        String contentId = MailParser.firstId(firstHeader(part, "Content-ID"));
        long size;
        try (InputStream in = part.getInputStream()) {
            size = in.transferTo(OutputStream.nullOutputStream()); // decoded size; the bytes stay in the raw message
        }
        attachments.add(new MailAttachment(fileName, base, contentId, inline, size, path));
    }

    private String text(Part part, ContentType type) throws MessagingException, IOException {
        return charsets.decode(readBytes(part), type.getParameter("charset"))
                .replace("\r\n", "\n");
    }

    private String read(Part part) throws MessagingException, IOException {
        return charsets.decode(readBytes(part), "us-ascii");
    }

    private static byte[] readBytes(Part part) throws MessagingException, IOException {
        try (InputStream in = part.getInputStream()) {
            return in.readAllBytes();
        }
    }

    private void deliveryStatus(String status) {
        String unfolded = status.replace("\r\n", "\n").replaceAll("\n[ \t]+", " ");
        for (String group : unfolded.split("\n\\s*\n")) {
            String recipient = null;
            String action = null;
            for (String line : group.split("\n")) {
                int colon = line.indexOf(':');
                if (colon < 0) {
                    continue;
                }
                String name = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
                String value = line.substring(colon + 1).strip();
                if (name.equals("final-recipient") || (name.equals("original-recipient") && recipient == null)) {
                    int semi = value.indexOf(';');
                    recipient = (semi >= 0 ? value.substring(semi + 1) : value).strip()
                            .replaceAll("^<|>$", "").toLowerCase(Locale.ROOT);
                } else if (name.equals("action")) {
                    action = value.toLowerCase(Locale.ROOT);
                }
            }
            if (recipient != null && !recipient.isEmpty() && "failed".equals(action)
                    && !failedRecipients.contains(recipient)) {
                failedRecipients.add(recipient);
            }
        }
    }

    private void originalHeaders(InternetHeaders headers) {
        if (originalMessageId == null) {
            originalMessageId = MailParser.firstId(headers.getHeader("Message-ID", null));
        }
        if (originalSubject == null) {
            originalSubject = words.decode(headers.getHeader("Subject", null));
        }
    }

    private String fileName(Part part) {
        String name = null;
        String disposition = firstHeader(part, "Content-Disposition");
        if (disposition != null) {
            try {
                name = parameters.get(new ContentDisposition(disposition).getParameterList(), "filename");
            } catch (ParseException e) {
                name = null;
            }
        }
        if (name == null || name.isBlank()) {
            name = parameters.get(contentType(part).getParameterList(), "name");
        }
        if (name == null || name.isBlank()) {
            return null;
        }
        // a file name is shown and saved: no paths, no control characters
        String base = name.replace('\\', '/');
        base = base.substring(base.lastIndexOf('/') + 1).replaceAll("\\p{Cntrl}", "").strip();
        return base.isEmpty() ? null : base;
    }

    private static String disposition(Part part) {
        String header = firstHeader(part, "Content-Disposition");
        if (header == null) {
            return null;
        }
        try {
            return new ContentDisposition(header).getDisposition().toLowerCase(Locale.ROOT);
        } catch (ParseException | RuntimeException e) {
            return header.toLowerCase(Locale.ROOT).startsWith("attachment") ? "attachment" : null;
        }
    }

    private static ContentType contentType(Part part) {
        String header = firstHeader(part, "Content-Type");
        if (header != null) {
            try {
                return new ContentType(header);
            } catch (ParseException | RuntimeException e) {
                // RFC 2045 section 5.2: a syntactically invalid Content-Type means text/plain
            }
        }
        return new ContentType("text", "plain", null);
    }

    private static String firstHeader(Part part, String name) {
        try {
            String[] values = part.getHeader(name);
            return values == null || values.length == 0 ? null : values[0];
        } catch (MessagingException e) {
            return null;
        }
    }
}
