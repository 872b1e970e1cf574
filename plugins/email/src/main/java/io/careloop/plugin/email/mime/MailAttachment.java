package io.careloop.plugin.email.mime;

/**
 * One attachment or inline image of a message, as stored.
 *
 * @param fileName    decoded file name (RFC 2231 / RFC 2047 / raw 8-bit); null when the part has none
 * @param contentType MIME type without parameters, lower case
 * @param contentId   Content-ID without angle brackets, for {@code cid:} references; may be null
 * @param inline      true for parts shown inside the HTML (multipart/related, disposition inline)
 * @param size        decoded size in bytes
 * @param sha256      where the content is stored ({@link AttachmentStore#path}); null when over the limit
 * @param overLimit   true when the content was larger than the limit and therefore not kept
 * @param partPath    where the part is in the raw message ({@link MailParser#openPart} reads it from there)
 */
public record MailAttachment(String fileName, String contentType, String contentId, boolean inline,
                             long size, String sha256, boolean overLimit,
                             String partPath) {
}
