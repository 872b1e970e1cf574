package io.careloop.engine.attachment;

import java.time.Instant;

/**
 * One row of {@code ticket_attachment}: a file that came with an inbound item.
 *
 * @param fileName     the sender's name made safe (display only; the file is stored by hash)
 * @param declaredType what the sender said it is
 * @param contentType  what the bytes are (sniffed)
 * @param sha256       where the content is; null when refused
 * @param state        {@code stored}, {@code refused}, or {@code erased} (with the ticket's texts)
 * @param reason       why it was refused, else null
 */
public record StoredAttachment(Long id, Long ticketId, String fileName, String declaredType, String contentType,
                               Long sizeBytes, String sha256, String state, String reason, String source,
                               Instant createdAt) {

    public static final String STORED = "stored";
    public static final String REFUSED = "refused";
    public static final String ERASED = "erased";

    public boolean stored() {
        return STORED.equals(state);
    }
}
