package io.careloop.plugin.email.mime;

/**
 * One attachment or inline image of a message. Its bytes are not copied: they are read back from
 * the raw message by {@link #partPath} when the engine takes the item in.
 *
 * @param fileName    decoded file name (RFC 2231 / RFC 2047 / raw 8-bit); null when the part has none
 * @param contentType MIME type without parameters, lower case
 * @param contentId   Content-ID without angle brackets, for {@code cid:} references; may be null
 * @param inline      true for parts shown inside the HTML (multipart/related, disposition inline)
 * @param size        decoded size in bytes
 * @param partPath    where the part is in the raw message ({@link MailParser#openPart} reads it from there)
 */
public record MailAttachment(String fileName, String contentType, String contentId, boolean inline,
                             long size, String partPath) {
}
