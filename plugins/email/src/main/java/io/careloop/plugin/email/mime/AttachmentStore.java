package io.careloop.plugin.email.mime;

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
 * Files on disk named by the SHA-256 of their content ({@code root/ab/cd/abcd…}), so the same
 * attachment sent ten times is stored once, and a stored file can be verified against its name.
 * Content is streamed through the digest into a temporary file and moved into place: a crash
 * leaves at most a temporary file, never a wrong file under a hash name.
 */
public final class AttachmentStore {

    /** Default size limit of one attachment: 25 MB. */
    public static final long DEFAULT_LIMIT = 25L * 1024 * 1024;

    private final Path root;
    private final long limitBytes;

    public AttachmentStore(Path root, long limitBytes) {
        if (limitBytes <= 0) {
            throw new IllegalArgumentException("attachment limit must be positive: " + limitBytes);
        }
        this.root = root;
        this.limitBytes = limitBytes;
    }

    /** What storing one stream gave: the hash and size, or only the size when over the limit. */
    public record Stored(String sha256, long size, boolean overLimit) {
    }

    /** Stores content within the size limit; larger content is counted but not kept. */
    public Stored store(InputStream content) {
        return store(content, limitBytes);
    }

    /** Stores content of any size (the raw message is always kept). */
    public Stored storeUnlimited(InputStream content) {
        return store(content, Long.MAX_VALUE);
    }

    /** Where content with this hash lives (whether or not it has been stored). */
    public Path path(String sha256) {
        if (!sha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("not a SHA-256 hex digest: " + sha256);
        }
        return root.resolve(sha256.substring(0, 2)).resolve(sha256.substring(2, 4)).resolve(sha256);
    }

    private Stored store(InputStream content, long limit) {
        try {
            Files.createDirectories(root);
            Path temp = Files.createTempFile(root, "incoming-", ".part");
            try {
                MessageDigest digest = MessageDigest.getInstance("SHA-256");
                long size = 0;
                boolean over = false;
                byte[] buffer = new byte[64 * 1024];
                try (OutputStream out = new DigestOutputStream(Files.newOutputStream(temp), digest)) {
                    int n;
                    while ((n = content.read(buffer)) > 0) {
                        size += n;
                        if (size > limit) {
                            over = true; // keep reading to report the real size, write nothing more
                            continue;
                        }
                        out.write(buffer, 0, n);
                    }
                }
                if (over) {
                    return new Stored(null, size, true);
                }
                String hash = HexFormat.of().formatHex(digest.digest());
                Path target = path(hash);
                Files.createDirectories(target.getParent());
                if (!Files.exists(target)) {
                    moveIntoPlace(temp, target);
                }
                return new Stored(hash, size, false);
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("storing content under " + root, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }

    private static void moveIntoPlace(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException e) {
            // another import stored the same content meanwhile: same bytes, nothing to do
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
