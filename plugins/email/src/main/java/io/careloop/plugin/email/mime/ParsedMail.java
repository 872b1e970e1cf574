package io.careloop.plugin.email.mime;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A message as the rest of CareLoop sees it: decoded text, sanitised HTML, attachments (read
 * from the raw message on demand).
 *
 * @param key          idempotency key: the Message-ID, or {@code sha256:…} of the content when the
 *                     message has none
 * @param messageId    Message-ID without angle brackets; null when absent
 * @param subject      decoded subject; empty string when absent
 * @param fromAddress  sender's address, lower case; null when unreadable
 * @param fromName     sender's decoded display name; may be null
 * @param date         Date header; null when absent or unreadable
 * @param inReplyTo    In-Reply-To ids without angle brackets
 * @param references   References ids without angle brackets, oldest first
 * @param text         the plain text a user reads (from text/plain, else derived from the HTML),
 *                     forwarded messages appended
 * @param html         sanitised HTML, null when the message has no HTML part
 * @param attachments  attachments and inline images
 * @param forwarded    message/rfc822 parts
 * @param report       the delivery-status report when this is a bounce, else null
 * @param headers      all top-level headers, name lower case → raw values (for noise detection)
 * @param raw          the raw message as received (attachments and {@code original.eml} are read
 *                     from it; nothing of the message is written to disk by the plugin)
 */
public record ParsedMail(String key, String messageId, String subject, String fromAddress, String fromName,
                         Instant date, List<String> inReplyTo, List<String> references, String text,
                         String html, List<MailAttachment> attachments, List<ForwardedMessage> forwarded,
                         DeliveryReport report, Map<String, List<String>> headers, byte[] raw) {

    public ParsedMail {
        inReplyTo = List.copyOf(inReplyTo);
        references = List.copyOf(references);
        attachments = List.copyOf(attachments);
        forwarded = List.copyOf(forwarded);
        headers = Map.copyOf(headers);
    }

    /** The raw message's size in bytes. */
    public long rawSize() {
        return raw.length;
    }

    /** First value of a header (name in any case), or null. */
    public String header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
