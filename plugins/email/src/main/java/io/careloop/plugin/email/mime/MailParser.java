package io.careloop.plugin.email.mime;

import jakarta.mail.Header;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.SharedByteArrayInputStream;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses one raw RFC 5322 message into a {@link ParsedMail}: keeps the raw bytes, decodes headers
 * and bodies without mojibake, sanitises HTML and stores attachments by content hash.
 * Thread-safe; one instance serves a whole import.
 */
public final class MailParser {

    private static final Pattern MESSAGE_ID = Pattern.compile("<([^<>\\s]+)>");

    private final Session session;
    private final EncodedWords words;
    private final MailCharsets charsets;
    public MailParser(MailCharsets charsets) {
        this.charsets = charsets;
        this.words = new EncodedWords(charsets);
        this.session = Session.getInstance(parsingProperties());
    }

    /** Session settings for reading mail from the wild rather than writing it. */
    static Properties parsingProperties() {
        Properties p = new Properties();
        p.setProperty("mail.mime.decodeparameters", "false"); // PartParameters decodes RFC 2231 itself
        p.setProperty("mail.mime.base64.ignoreerrors", "true");
        p.setProperty("mail.mime.address.strict", "false");
        p.setProperty("mail.mime.parameters.strict", "false");
        p.setProperty("mail.mime.multipart.ignoremissingendboundary", "true");
        p.setProperty("mail.mime.multipart.allowempty", "true");
        p.setProperty("mail.mime.allowutf8", "false"); // 8-bit headers arrive byte per char: EncodedWords decodes them
        return p;
    }

    /** Parses a message; throws {@link MalformedMailException} only when nothing of it can be read. */
    public ParsedMail parse(byte[] raw) {
        MimeMessage message;
        try {
            message = new MimeMessage(session, new SharedByteArrayInputStream(raw));
        } catch (MessagingException e) {
            throw new MalformedMailException("unreadable message: " + e.getMessage(), e);
        }
        PartWalker walker = new PartWalker(session, words, charsets);
        PartWalker.Content content = walker.walkMessage(message);

        String messageId = firstId(header(message, "Message-ID"));
        String key = messageId != null ? messageId : "sha256:" + contentHash(message, raw);
        InternetAddress from = firstAddress(header(message, "From"));
        return new ParsedMail(
                key,
                messageId,
                nullToEmpty(words.decode(header(message, "Subject"))).strip(),
                from == null ? null : from.getAddress().toLowerCase(Locale.ROOT),
                from == null ? null : displayName(from),
                sentDate(message),
                ids(header(message, "In-Reply-To")),
                ids(header(message, "References")),
                content.text(),
                content.html(),
                content.attachments(),
                content.forwarded(),
                content.report(),
                allHeaders(message),
                raw);
    }

    /**
     * Reads one part's decoded content from the raw message: an attachment's bytes, decoded as
     * they are read, so an attachment is never held twice in memory nor written to disk here.
     */
    public InputStream openPart(byte[] raw, String partPath) throws IOException {
        SharedByteArrayInputStream file = new SharedByteArrayInputStream(raw);
        try {
            Part part = new MimeMessage(session, file);
            for (String step : PartPath.steps(partPath)) {
                if (step.equals("m")) {
                    part = new MimeMessage(session, part.getInputStream());
                } else {
                    part = new MimeMultipart(part.getDataHandler().getDataSource()).getBodyPart(Integer.parseInt(step));
                }
            }
            return new FilterInputStream(part.getInputStream()) {
                @Override
                public void close() throws IOException {
                    try {
                        super.close();
                    } finally {
                        file.close();
                    }
                }
            };
        } catch (MessagingException | RuntimeException e) {
            file.close();
            throw new IOException("part " + partPath + " of the message cannot be read", e);
        }
    }

    /** All ids in angle brackets, e.g. of In-Reply-To or References, without the brackets. */
    public static List<String> ids(String header) {
        if (header == null) {
            return List.of();
        }
        List<String> ids = new ArrayList<>();
        Matcher m = MESSAGE_ID.matcher(header);
        while (m.find()) {
            ids.add(m.group(1));
        }
        return ids;
    }

    static String firstId(String header) {
        List<String> ids = ids(header);
        if (!ids.isEmpty()) {
            return ids.get(0);
        }
        String bare = header == null ? "" : header.strip();
        return bare.isEmpty() || bare.contains(" ") ? null : bare; // a Message-ID some mailer wrote without brackets
    }

    String header(jakarta.mail.Part part, String name) {
        try {
            String[] values = part.getHeader(name);
            return values == null || values.length == 0 ? null : values[0];
        } catch (MessagingException e) {
            return null;
        }
    }

    InternetAddress firstAddress(String header) {
        if (header == null) {
            return null;
        }
        try {
            InternetAddress[] parsed = InternetAddress.parseHeader(header, false);
            for (InternetAddress a : parsed) {
                if (a.getAddress() != null && !a.getAddress().isBlank()) {
                    return a;
                }
            }
        } catch (MessagingException | RuntimeException e) {
            // an unreadable From header: the message is still imported, without a sender address
        }
        return null;
    }

    /** The display name decoded by {@link EncodedWords} (Jakarta Mail decodes word by word). */
    String displayName(InternetAddress address) {
        String formatted = address.toString(); // keeps the phrase as it was in the header
        int bracket = formatted.lastIndexOf(" <");
        if (bracket <= 0) {
            return null;
        }
        String phrase = formatted.substring(0, bracket).strip();
        if (phrase.length() >= 2 && phrase.startsWith("\"") && phrase.endsWith("\"")) {
            phrase = phrase.substring(1, phrase.length() - 1).replace("\\\"", "\"").replace("\\\\", "\\");
        }
        String decoded = words.decode(phrase).strip();
        return decoded.isEmpty() ? null : decoded;
    }

    private static Instant sentDate(MimeMessage message) {
        try {
            java.util.Date date = message.getSentDate();
            return date == null ? null : date.toInstant();
        } catch (MessagingException | RuntimeException e) {
            return null;
        }
    }

    private static Map<String, List<String>> allHeaders(MimeMessage message) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        try {
            for (Header h : Collections.list(message.getAllHeaders())) {
                headers.computeIfAbsent(h.getName().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                        .add(h.getValue() == null ? "" : h.getValue().strip());
            }
        } catch (MessagingException e) {
            // headers unreadable past some point: keep what was read
        }
        headers.replaceAll((k, v) -> List.copyOf(v));
        return headers;
    }

    /**
     * Key of a message without Message-ID: the hash of who, when, what and the body bytes. Trace
     * headers (Received, Return-Path, Delivered-To) are left out, so the same message delivered
     * twice through different relays still gets one key.
     */
    private String contentHash(MimeMessage message, byte[] raw) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (String name : List.of("From", "To", "Cc", "Date", "Subject")) {
                digest.update((name + ":" + nullToEmpty(header(message, name)) + "\n")
                        .getBytes(StandardCharsets.UTF_8));
            }
            int body = bodyStart(raw);
            digest.update(raw, body, raw.length - body);
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }

    private static int bodyStart(byte[] raw) {
        for (int i = 0; i + 1 < raw.length; i++) {
            if (raw[i] == '\n' && raw[i + 1] == '\n') {
                return i + 2;
            }
            if (raw[i] == '\n' && raw[i + 1] == '\r' && i + 2 < raw.length && raw[i + 2] == '\n') {
                return i + 3;
            }
        }
        return raw.length;
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
