package io.careloop.engine.plugin;

import io.careloop.engine.error.InvalidInputException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Refuses a plugin archive that would do harm when PF4J reads or unpacks it (a {@code .zip} plugin
 * is expanded into the plugins directory): entries that leave the directory ({@code ../}, absolute
 * paths, drive letters), symbolic links, more entries than {@link Limits#entries}, more inflated bytes
 * than {@link Limits#inflatedBytes}, or a compression ratio past {@link Limits#ratio} (a zip bomb).
 * Both lists of names are checked: the central directory (what {@code ZipFile} reads; it alone
 * carries the Unix mode that marks a symlink) and the local headers (what {@code ZipInputStream},
 * and so PF4J's unzip, reads), since a crafted archive can make them disagree. Sizes are measured
 * by inflating, never taken from the headers. Archives inside the archive ({@code lib/*.jar} of a
 * zip plugin, any {@code .jar} or {@code .zip} entry) are checked the same way, their entries and
 * inflated bytes counted with the outer archive's against the same limits; an archive nested one
 * level deeper is refused (no plugin needs it, and each level multiplies what a bomb can do).
 */
public final class PluginArchiveCheck {

    private static final int EOCD = 0x06054b50;
    private static final int CENTRAL = 0x02014b50;
    private static final int UNIX = 3;
    private static final int S_IFMT = 0170000;
    private static final int S_IFLNK = 0120000;
    /** The ratio is judged once this much was inflated: small, highly compressible files are normal. */
    private static final long RATIO_AFTER = 1024 * 1024;
    private static final String REFUSED = "plugin archive refused: ";
    /** Archives inside the plugin archive are checked; one inside those is refused. */
    private static final int MAX_NESTING = 1;

    /** What the archive and the archives inside it used of the limits so far. */
    private static final class Budget {
        long inflated;
        int entries;
    }

    /**
     * What a plugin archive may be.
     *
     * @param archiveBytes  the upload's size
     * @param entries       how many files and folders it holds
     * @param inflatedBytes its content, all entries inflated
     * @param ratio         inflated bytes per compressed byte
     */
    public record Limits(long archiveBytes, int entries, long inflatedBytes, int ratio) {

        /** 64 MB archives of at most 10,000 entries and 256 MB inflated, at most 100 : 1. */
        public static final Limits DEFAULTS = new Limits(64L * 1024 * 1024, 10_000, 256L * 1024 * 1024, 100);
    }

    private PluginArchiveCheck() {
    }

    /** Throws {@link InvalidInputException} (field {@code file}) naming what is wrong with the archive. */
    public static void check(Path archive, Limits limits) {
        check(archive, limits, new Budget(), 0);
    }

    private static void check(Path archive, Limits limits, Budget budget, int depth) {
        try {
            centralDirectory(archive, limits);
            localEntries(archive, limits, budget, depth);
        } catch (IOException e) {
            throw refused("not a readable zip or jar archive: " + e.getMessage());
        }
    }

    private static void centralDirectory(Path archive, Limits limits) throws IOException {
        try (SeekableByteChannel ch = Files.newByteChannel(archive)) {
            long size = ch.size();
            int tail = (int) Math.min(size, 22 + 65535);
            ByteBuffer end = read(ch, size - tail, tail);
            int eocd = -1;
            for (int i = tail - 22; i >= 0; i--) {
                if (end.getInt(i) == EOCD) {
                    eocd = i;
                    break;
                }
            }
            if (eocd < 0) {
                throw refused("not a zip or jar archive (no central directory)");
            }
            int count = Short.toUnsignedInt(end.getShort(eocd + 10));
            long cdSize = Integer.toUnsignedLong(end.getInt(eocd + 12));
            long cdOffset = Integer.toUnsignedLong(end.getInt(eocd + 16));
            if (count == 0xFFFF || cdOffset == 0xFFFFFFFFL) {
                throw refused("ZIP64 archives are not accepted as plugins");
            }
            if (count > limits.entries()) {
                throw refused("the archive has " + count + " entries; at most " + limits.entries() + " are accepted");
            }
            if (cdOffset + cdSize > size || cdSize > Integer.MAX_VALUE) {
                throw refused("the archive's central directory lies outside the file");
            }
            ByteBuffer cd = read(ch, cdOffset, (int) cdSize);
            int at = 0;
            for (int n = 0; n < count; n++) {
                if (at + 46 > cd.limit() || cd.getInt(at) != CENTRAL) {
                    throw refused("the archive's central directory is damaged");
                }
                int madeBy = Short.toUnsignedInt(cd.getShort(at + 4)) >> 8;
                int nameLength = Short.toUnsignedInt(cd.getShort(at + 28));
                int extraLength = Short.toUnsignedInt(cd.getShort(at + 30));
                int commentLength = Short.toUnsignedInt(cd.getShort(at + 32));
                int mode = cd.getInt(at + 38) >>> 16;
                if (at + 46 + nameLength > cd.limit()) {
                    throw refused("the archive's central directory is damaged");
                }
                byte[] name = new byte[nameLength];
                cd.get(at + 46, name);
                String entry = new String(name, java.nio.charset.StandardCharsets.UTF_8);
                checkName(entry);
                if (madeBy == UNIX && (mode & S_IFMT) == S_IFLNK) {
                    throw refused("the archive holds a symbolic link: " + printable(entry));
                }
                at += 46 + nameLength + extraLength + commentLength;
            }
        }
    }

    private static void localEntries(Path archive, Limits limits, Budget budget, int depth) throws IOException {
        try (CountingStream raw = new CountingStream(Files.newInputStream(archive));
             ZipInputStream zip = new ZipInputStream(raw)) {
            byte[] buffer = new byte[64 * 1024];
            long inflated = 0;
            int entries = 0;
            ZipEntry e;
            while ((e = zip.getNextEntry()) != null) {
                entries++;
                if (++budget.entries > limits.entries()) {
                    throw refused("the archive has more than " + limits.entries() + " entries"
                            + (depth > 0 ? " (with the archives inside it)" : ""));
                }
                checkName(e.getName());
                boolean nested = !e.isDirectory() && isArchive(e.getName());
                if (nested && depth >= MAX_NESTING) {
                    throw refused("an archive inside an archive inside the plugin: " + printable(e.getName()));
                }
                Path spool = nested ? Files.createTempFile("careloop-nested-", ".zip") : null;
                try (java.io.OutputStream out = spool == null ? java.io.OutputStream.nullOutputStream()
                        : Files.newOutputStream(spool)) {
                    int n;
                    while ((n = zip.read(buffer)) > 0) {
                        inflated += n;
                        budget.inflated += n;
                        if (budget.inflated > limits.inflatedBytes()) {
                            throw refused("the archive inflates to more than " + limits.inflatedBytes() + " bytes"
                                    + (depth > 0 ? " (with the archives inside it)" : ""));
                        }
                        if (inflated > RATIO_AFTER && inflated > raw.count * limits.ratio()) {
                            throw refused("the archive is compressed more than " + limits.ratio()
                                    + " : 1 (a zip bomb?) at entry " + printable(e.getName()));
                        }
                        out.write(buffer, 0, n);
                    }
                }
                if (spool != null) {
                    try {
                        check(spool, limits, budget, depth + 1);
                    } catch (InvalidInputException inner) {
                        throw refused("in " + printable(e.getName()) + ": " + inner.getMessage().replaceFirst("^" + REFUSED, ""));
                    } finally {
                        Files.deleteIfExists(spool);
                    }
                }
            }
            if (entries == 0) {
                throw refused("the archive is empty");
            }
        }
    }

    /** A jar or zip inside the archive: PF4J puts a zip plugin's lib/*.jar on its class path. */
    static boolean isArchive(String name) {
        String n = name.toLowerCase(java.util.Locale.ROOT);
        return n.endsWith(".jar") || n.endsWith(".zip");
    }

    /** A name that stays inside the folder it is unpacked into. */
    static void checkName(String name) {
        String n = name.replace('\\', '/');
        if (n.startsWith("/") || n.matches("^[A-Za-z]:.*")) {
            throw refused("the archive holds an absolute path: " + printable(name));
        }
        for (String segment : n.split("/")) {
            if (segment.equals("..")) {
                throw refused("the archive holds a path that leaves its folder: " + printable(name));
            }
        }
        if (n.indexOf('\0') >= 0) {
            throw refused("the archive holds a name with a NUL character");
        }
    }

    private static ByteBuffer read(SeekableByteChannel ch, long position, int length) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
        ch.position(position);
        while (b.hasRemaining() && ch.read(b) > 0) {
            // fill
        }
        if (b.hasRemaining()) {
            throw new IOException("the archive ends early");
        }
        return b.flip();
    }

    private static String printable(String name) {
        String cut = name.length() > 200 ? name.substring(0, 200) + "…" : name;
        return cut.replaceAll("\\p{Cntrl}", "?");
    }

    private static InvalidInputException refused(String message) {
        return new InvalidInputException("file", REFUSED + message);
    }

    /** Counts the compressed bytes the inflater has consumed (read ahead by at most one buffer). */
    private static final class CountingStream extends FilterInputStream {
        long count;

        CountingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }
    }
}
