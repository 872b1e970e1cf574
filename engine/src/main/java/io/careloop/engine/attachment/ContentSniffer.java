package io.careloop.engine.attachment;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * What a file is, told from its first bytes rather than from what the sender declared: a sender
 * (or a forged mail) can call an HTML page {@code image/png}. Only types we can recognise by
 * their signature are named; everything else is {@code application/octet-stream} (or
 * {@code text/plain} when the bytes are clean UTF-8 text). Downloads are served with this type,
 * {@code Content-Disposition: attachment} and {@code nosniff} all the same.
 */
public final class ContentSniffer {

    /** How many leading bytes {@link #sniff} looks at. */
    public static final int HEAD = 512;

    private ContentSniffer() {
    }

    public static String sniff(byte[] head, int length) {
        if (length <= 0) {
            return "application/octet-stream";
        }
        if (starts(head, length, "%PDF-")) {
            return "application/pdf";
        }
        if (starts(head, length, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return "image/png";
        }
        if (starts(head, length, 0xFF, 0xD8, 0xFF)) {
            return "image/jpeg";
        }
        if (starts(head, length, "GIF87a") || starts(head, length, "GIF89a")) {
            return "image/gif";
        }
        if (starts(head, length, "RIFF") && length >= 12 && new String(head, 8, 4, StandardCharsets.ISO_8859_1).equals("WEBP")) {
            return "image/webp";
        }
        if (starts(head, length, 'P', 'K', 3, 4)) {
            return "application/zip"; // also docx/xlsx/odt: containers, told apart only by unpacking
        }
        if (starts(head, length, 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1)) {
            return "application/x-ole-storage"; // legacy .doc/.xls/.msg
        }
        if (starts(head, length, 0x1F, 0x8B)) {
            return "application/gzip";
        }
        if (!text(head, length)) {
            return "application/octet-stream";
        }
        String start = new String(head, 0, length, StandardCharsets.UTF_8).stripLeading().toLowerCase(Locale.ROOT);
        if (html(start)) {
            return "text/html";
        }
        if (start.startsWith("<?xml") || start.startsWith("<svg")) {
            return start.contains("<svg") ? "image/svg+xml" : "application/xml";
        }
        if (mailHeaders(start)) {
            return "message/rfc822";
        }
        return "text/plain";
    }

    /** The WHATWG MIME sniffing standard's HTML signatures: a tag it names, then a space or '>'. */
    private static boolean html(String start) {
        if (start.startsWith("<!--")) {
            return true;
        }
        for (String tag : new String[] {"<!doctype html", "<html", "<head", "<script", "<iframe", "<h1", "<div", "<font",
                "<table", "<a", "<style", "<title", "<b", "<body", "<br", "<p"}) {
            if (start.startsWith(tag) && start.length() > tag.length()
                    && (start.charAt(tag.length()) == ' ' || start.charAt(tag.length()) == '>')) {
                return true;
            }
        }
        return false;
    }

    private static boolean mailHeaders(String start) {
        for (String h : new String[] {"received:", "return-path:", "message-id:", "mime-version:", "from:", "date:",
                "delivered-to:", "from "}) {
            if (start.startsWith(h)) {
                return true;
            }
        }
        return false;
    }

    /** UTF-8 (a character cut at the end of the head is fine) without control bytes but tab, CR, LF, FF. */
    private static boolean text(byte[] head, int length) {
        for (int i = 0; i < length; i++) {
            int b = head[i] & 0xFF;
            if (b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f' || b == 0x7F) {
                return false;
            }
        }
        int end = length;
        // drop a multi-byte character the head cut in two
        for (int back = 0; back < 3 && end > 0 && (head[end - 1] & 0xC0) == 0x80; back++) {
            end--;
        }
        if (end > 0 && (head[end - 1] & 0xC0) == 0xC0) {
            end--;
        }
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(head, 0, end));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static boolean starts(byte[] head, int length, String ascii) {
        return starts(head, length, ascii.chars().toArray());
    }

    private static boolean starts(byte[] head, int length, int... signature) {
        if (length < signature.length) {
            return false;
        }
        for (int i = 0; i < signature.length; i++) {
            if ((head[i] & 0xFF) != signature[i]) {
                return false;
            }
        }
        return true;
    }
}
