package io.careloop.engine.text;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;

/**
 * A file name from outside (an e-mail attachment's, an upload's) made safe to store or to offer as a
 * download: no directories ({@code ../../etc/passwd}, {@code C:\\x}, {@code /abs}), no control or
 * reserved characters, no leading dots, not a Windows device name, at most 200 characters with the
 * extension kept. Store files under names of your own (a content hash) and keep this only as the
 * display name; where a name must become a path, use {@link #resolveInside}.
 */
public final class SafeFileName {

    static final int MAX = 200;
    static final String FALLBACK = "attachment";
    private static final Set<String> DEVICES = Set.of("con", "prn", "aux", "nul", "com1", "com2", "com3", "com4", "com5",
            "com6", "com7", "com8", "com9", "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9");

    private SafeFileName() {
    }

    public static String of(String name) {
        if (name == null) {
            return FALLBACK;
        }
        String last = name;
        int cut = Math.max(last.lastIndexOf('/'), last.lastIndexOf('\\'));
        if (cut >= 0) {
            last = last.substring(cut + 1);
        }
        StringBuilder sb = new StringBuilder();
        last.codePoints().forEach(cp -> {
            boolean bad = Character.isISOControl(cp) || "<>:\"|?*".indexOf(cp) >= 0
                    || Character.getType(cp) == Character.FORMAT; // bidi overrides (U+202E) disguise extensions
            sb.appendCodePoint(bad ? '_' : cp);
        });
        String safe = sb.toString().strip();
        while (safe.startsWith(".")) {
            safe = safe.substring(1);
        }
        while (safe.endsWith(".") || safe.endsWith(" ")) {
            safe = safe.substring(0, safe.length() - 1);
        }
        if (safe.isEmpty()) {
            return FALLBACK;
        }
        int dot = safe.indexOf('.');
        String stem = (dot < 0 ? safe : safe.substring(0, dot)).toLowerCase(Locale.ROOT);
        if (DEVICES.contains(stem)) {
            safe = "_" + safe;
        }
        if (safe.length() > MAX) {
            int ext = safe.lastIndexOf('.');
            String suffix = ext > 0 && safe.length() - ext <= 16 ? safe.substring(ext) : "";
            safe = safe.substring(0, MAX - suffix.length()) + suffix;
        }
        return safe;
    }

    /** {@code dir/of(name)}, checked to lie inside {@code dir} (throws IllegalArgumentException otherwise). */
    public static Path resolveInside(Path dir, String name) {
        Path base = dir.toAbsolutePath().normalize();
        Path p = base.resolve(of(name)).normalize();
        if (!p.getParent().equals(base)) {
            throw new IllegalArgumentException("file name " + name + " leaves " + base);
        }
        return p;
    }
}
