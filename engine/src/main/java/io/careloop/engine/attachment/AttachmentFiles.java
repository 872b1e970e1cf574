package io.careloop.engine.attachment;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Attachment content on disk, named by its SHA-256 ({@code root/ab/cd/abcd…}): the same file sent
 * to ten tickets is stored once, and a file's name is never the sender's. A stream is copied
 * through the digest into a temporary file and moved into place, so a crash leaves at most a
 * temporary file; a stream longer than the limit stops being read at the limit and leaves nothing.
 */
public final class AttachmentFiles {

    private final Path root;

    public AttachmentFiles(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    /**
     * What copying one stream gave.
     *
     * @param sha256      the content hash; null when the content was over the limit
     * @param size        bytes read (for content over the limit: at least limit + 1)
     * @param contentType the sniffed type of the first bytes
     */
    public record Copied(String sha256, long size, String contentType) {

        public boolean overLimit() {
            return sha256 == null;
        }
    }

    /** Copies {@code content} into the store, unless it is longer than {@code limit} bytes. */
    public Copied copy(InputStream content, long limit) {
        try {
            Files.createDirectories(root);
            Path temp = Files.createTempFile(root, "incoming-", ".part");
            try {
                MessageDigest digest = MessageDigest.getInstance("SHA-256");
                byte[] head = new byte[ContentSniffer.HEAD];
                int headLength = 0;
                long size = 0;
                byte[] buffer = new byte[64 * 1024];
                try (OutputStream out = new DigestOutputStream(Files.newOutputStream(temp), digest)) {
                    int n;
                    while ((n = content.read(buffer)) >= 0) {
                        if (headLength < head.length) {
                            int take = Math.min(n, head.length - headLength);
                            System.arraycopy(buffer, 0, head, headLength, take);
                            headLength += take;
                        }
                        size += n;
                        if (size > limit) {
                            // no need to read a huge stream to its end to refuse it
                            return new Copied(null, size, ContentSniffer.sniff(head, headLength));
                        }
                        out.write(buffer, 0, n);
                    }
                }
                String hash = HexFormat.of().formatHex(digest.digest());
                Path target = path(hash);
                Files.createDirectories(target.getParent());
                if (!Files.exists(target)) {
                    moveIntoPlace(temp, target);
                }
                return new Copied(hash, size, ContentSniffer.sniff(head, headLength));
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("storing an attachment under " + root, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }

    /** Where the content with this hash lives; refuses anything but a hex SHA-256. */
    public Path path(String sha256) {
        if (sha256 == null || !sha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("not a SHA-256 hex digest: " + sha256);
        }
        return root.resolve(sha256.substring(0, 2)).resolve(sha256.substring(2, 4)).resolve(sha256);
    }

    /** Opens stored content for reading. */
    public InputStream open(String sha256) throws IOException {
        return Files.newInputStream(path(sha256));
    }

    /** Removes stored content (erasure); true when there was a file. */
    public boolean delete(String sha256) {
        try {
            return Files.deleteIfExists(path(sha256));
        } catch (IOException e) {
            throw new UncheckedIOException("removing attachment content " + sha256, e);
        }
    }

    private static void moveIntoPlace(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException e) {
            // stored meanwhile by another import: same bytes
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
