package io.careloop.plugin.api;

import java.util.List;
import java.util.Objects;

/**
 * A message the engine sends that belongs to no ticket, such as the weekly report to a list of
 * managers (since API 1.1.0). A channel sends it with {@link OutboundChannel#sendNotification}.
 *
 * @param key         a stable id of this message (e.g. {@code weekly-report-3-2026-05-11}): the
 *                    same key is the same message, so a channel that can should let the receiver
 *                    de-duplicate on it (an e-mail's Message-ID) when the host retries
 * @param to          the recipients, at least one; never null
 * @param subject     the subject line (channels without subjects ignore it)
 * @param body        the text (plain text)
 * @param attachments files to send; never null
 */
public record Notification(String key, List<OutboundMessage.Recipient> to, String subject, String body,
                           List<Attachment> attachments) {

    public Notification {
        Objects.requireNonNull(key, "key");
        to = to == null ? List.of() : List.copyOf(to);
        if (to.isEmpty()) {
            throw new IllegalArgumentException("a notification needs at least one recipient");
        }
        body = body == null ? "" : body;
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }
}
