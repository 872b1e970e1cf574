package io.careloop.plugin.email.mime;

import java.util.List;

/**
 * What a bounce (RFC 3464 multipart/report; report-type=delivery-status) says.
 *
 * @param originalMessageId  Message-ID of the returned message, without angle brackets; null if
 *                           the report did not include its headers
 * @param originalSubject    its subject; may be null
 * @param failedRecipients   addresses whose Action is failed (lower case)
 */
public record DeliveryReport(String originalMessageId, String originalSubject, List<String> failedRecipients) {

    public DeliveryReport {
        failedRecipients = List.copyOf(failedRecipients);
    }
}
