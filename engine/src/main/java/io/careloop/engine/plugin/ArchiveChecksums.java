package io.careloop.engine.plugin;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The SHA-256 of each plugin's archive as it lies in the plugins directory, shown with the plugin
 * (docs/security.md, "Plugins: the trust model") so an operator can compare it with the vendor's.
 * Computed once per file version (size and modification time) and kept, so listing plugins does
 * not hash every archive each time.
 */
final class ArchiveChecksums {

    private record Stamped(long size, long modified, String sha256) {
    }

    private final Map<Path, Stamped> known = new ConcurrentHashMap<>();

    /**
     * The checksum of the archive PF4J loaded from {@code pluginPath}: the file itself for a jar
     * plugin; for a zip plugin PF4J answers the folder it expanded the zip into, so the zip beside
     * it. Null when there is no archive (a plugin folder without one).
     */
    String of(Path pluginPath) {
        Path archive = Files.isRegularFile(pluginPath) ? pluginPath
                : pluginPath.resolveSibling(pluginPath.getFileName() + ".zip");
        try {
            if (!Files.isRegularFile(archive)) {
                return null;
            }
            long size = Files.size(archive);
            long modified = Files.getLastModifiedTime(archive).toMillis();
            Stamped s = known.get(archive);
            if (s == null || s.size() != size || s.modified() != modified) {
                s = new Stamped(size, modified, sha256(archive));
                known.put(archive, s);
            }
            return s.sha256();
        } catch (IOException e) {
            return null;
        }
    }

    static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[64 * 1024];
            int n;
            while ((n = in.read(buffer)) > 0) {
                d.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(d.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
