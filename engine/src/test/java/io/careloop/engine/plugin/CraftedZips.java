package io.careloop.engine.plugin;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Hostile plugin archives for the upload tests: built with ZipOutputStream, then patched byte by byte. */
public final class CraftedZips {

    private CraftedZips() {
    }

    /** A zip of the given entries (name → content), deflated. */
    public static byte[] zip(Map<String, byte[]> entries) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    public static byte[] zip(String name, String content) {
        return zip(Map.of(name, content.getBytes(StandardCharsets.UTF_8)));
    }

    /** One entry of {@code size} zero bytes: compresses about 1000 : 1. */
    public static byte[] bomb(int size) {
        return zip(Map.of("plugin.properties", "plugin.id=bomb\n".getBytes(StandardCharsets.UTF_8), "lib/zeros.bin", new byte[size]));
    }

    /** {@code count} tiny entries. */
    public static byte[] manyEntries(int count) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            entries.put("classes/e" + i + ".txt", new byte[0]);
        }
        return zip(entries);
    }

    /** {@code link} marked as a Unix symbolic link (to {@code /etc/passwd}) in the central directory. */
    public static byte[] symlink(String link) {
        byte[] zip = zip(Map.of(link, "/etc/passwd".getBytes(StandardCharsets.UTF_8)));
        int central = central(zip, link);
        zip[central + 4] = 20;                         // version made by: 2.0 …
        zip[central + 5] = 3;                          // … on Unix
        int attributes = 0120777 << 16;                // S_IFLNK | rwxrwxrwx
        for (int i = 0; i < 4; i++) {
            zip[central + 38 + i] = (byte) (attributes >>> (8 * i));
        }
        return zip;
    }

    /** The central directory says {@code name}; the local header (what an unzip stream reads) says {@code local}. */
    public static byte[] localNameDiffers(String name, String local) {
        if (name.length() != local.length()) {
            throw new IllegalArgumentException("names of one length, so that no offset moves");
        }
        byte[] zip = zip(name, "x");
        int at = indexOf(zip, name.getBytes(StandardCharsets.UTF_8), 0); // the local header comes first
        System.arraycopy(local.getBytes(StandardCharsets.UTF_8), 0, zip, at, local.length());
        return zip;
    }

    private static int central(byte[] zip, String name) {
        byte[] signature = {0x50, 0x4b, 0x01, 0x02};
        for (int at = indexOf(zip, signature, 0); at >= 0; at = indexOf(zip, signature, at + 1)) {
            int length = (zip[at + 28] & 0xFF) | (zip[at + 29] & 0xFF) << 8;
            if (new String(Arrays.copyOfRange(zip, at + 46, at + 46 + length), StandardCharsets.UTF_8).equals(name)) {
                return at;
            }
        }
        throw new IllegalStateException("no central header for " + name);
    }

    private static int indexOf(byte[] data, byte[] pattern, int from) {
        outer:
        for (int i = from; i <= data.length - pattern.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
