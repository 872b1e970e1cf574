package io.careloop.plugin.email.mime;

/**
 * Addresses a part inside a raw message, so that an attachment that was too large to keep can
 * still be read from the raw message later: dot-separated steps, a number {@code n} for the
 * n-th (0-based) body part of a multipart, {@code m} for the message inside a message/rfc822
 * part. The empty path is the message itself. Example: {@code 1.m.0}.
 */
final class PartPath {

    private PartPath() {
    }

    static String child(String path, int index) {
        return path.isEmpty() ? Integer.toString(index) : path + "." + index;
    }

    static String inner(String path) {
        return path.isEmpty() ? "m" : path + ".m";
    }

    static String[] steps(String path) {
        return path.isEmpty() ? new String[0] : path.split("\\.");
    }
}
