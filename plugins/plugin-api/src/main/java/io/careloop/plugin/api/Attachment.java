package io.careloop.plugin.api;

import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;

/**
 * A file that came with an inbound item. Its bytes are streamed, never held by this value: the
 * engine calls {@link Content#open()} once while it takes the item in, copies the stream to its
 * store (by content hash) and closes it. An attachment larger than the engine's limit is
 * recorded by name and size only; the item is still taken in.
 *
 * @param fileName    the file name as the sender gave it (decoded, e.g. from RFC 2231); may be
 *                    null when the sender gave none
 * @param contentType the MIME type, e.g. {@code application/pdf}; null = application/octet-stream
 * @param size        the size in bytes, or -1 when the channel cannot tell before reading it
 * @param contentId   the Content-ID an HTML body refers to as {@code cid:…}; may be null
 * @param content     how to read the bytes
 */
public record Attachment(String fileName, String contentType, long size, String contentId,
                         Content content) {

    /** Opens the attachment's bytes. Each call opens a fresh stream. */
    @FunctionalInterface
    public interface Content {
        InputStream open() throws IOException;
    }

    public Attachment {
        Objects.requireNonNull(content, "content");
        if (size < -1) {
            throw new IllegalArgumentException("size must be -1 (unknown) or more: " + size);
        }
        contentType = contentType == null || contentType.isBlank() ? "application/octet-stream" : contentType;
    }
}
