package io.careloop.plugin.email.mime;

import org.mozilla.universalchardet.UniversalDetector;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * Turns the bytes of a header or body into text without mojibake.
 *
 * <p>Why not just {@code new String(bytes, label)}: Chinese mail labelled {@code gb2312} very often
 * holds GBK or GB18030 bytes (Outlook and Foxmail write the label of the smallest set), Big5 mail
 * holds Microsoft's code page 950 extensions, and plenty of mail carries 8-bit text with no label
 * at all. So the GB family is always decoded with GB18030 (a superset of all three), Big5 with
 * code page 950, and text with no label (or a label its bytes contradict) is detected.
 */
public final class MailCharsets {

    private static final Charset GB18030 = Charset.forName("GB18030");
    private static final Charset BIG5 = Charset.isSupported("x-windows-950")
            ? Charset.forName("x-windows-950") : Charset.forName("Big5");

    /** 8-bit bytes needed before a non-CJK guess of the detector is believed over the fallback. */
    private static final int MIN_EVIDENCE = 24;

    private final Charset fallback;

    /** @param fallback what undetectable 8-bit text is read as (GB18030 for a Chinese mailbox) */
    public MailCharsets(Charset fallback) {
        this.fallback = fallback;
    }

    public MailCharsets() {
        this(GB18030);
    }

    /** The charset to decode a MIME label with, widened as explained above; empty if unknown. */
    public static Optional<Charset> forLabel(String label) {
        if (label == null) {
            return Optional.empty();
        }
        String name = label.trim().replace("\"", "").toLowerCase(Locale.ROOT);
        int language = name.indexOf('*'); // RFC 2231 language suffix: utf-8*en
        if (language >= 0) {
            name = name.substring(0, language);
        }
        switch (name) {
            case "gb2312", "gbk", "gb18030", "x-gbk", "cp936", "ms936", "windows-936", "euc-cn",
                 "csgb2312", "x-euc-cn", "gb_2312-80", "chinese" -> {
                return Optional.of(GB18030);
            }
            case "big5", "big-5", "cn-big5", "csbig5", "x-x-big5", "cp950", "ms950", "x-windows-950" -> {
                return Optional.of(BIG5);
            }
            case "", "unknown-8bit", "x-unknown", "unknown", "8bit", "default" -> {
                return Optional.empty();
            }
            default -> {
                try {
                    return Optional.of(Charset.forName(name));
                } catch (IllegalArgumentException e) {
                    return Optional.empty();
                }
            }
        }
    }

    /**
     * Decodes bytes labelled {@code label} (null when unlabelled). A label is trusted only as far
     * as its bytes decode cleanly; pure ASCII is ASCII whatever the label.
     */
    public String decode(byte[] bytes, String label) {
        if (isAscii(bytes)) {
            return new String(bytes, StandardCharsets.US_ASCII);
        }
        Optional<Charset> labelled = forLabel(label)
                .filter(cs -> !cs.equals(StandardCharsets.US_ASCII));
        if (labelled.isPresent()) {
            Optional<String> strict = strict(bytes, labelled.get());
            if (strict.isPresent()) {
                return strict.get();
            }
        }
        Charset detected = detect(bytes);
        return strict(bytes, detected)
                .orElseGet(() -> new String(bytes, labelled.orElse(detected)));
    }

    /** Best guess for 8-bit text without a (trustworthy) label. */
    public Charset detect(byte[] bytes) {
        if (strict(bytes, StandardCharsets.UTF_8).isPresent()) {
            return StandardCharsets.UTF_8;
        }
        UniversalDetector detector = new UniversalDetector();
        detector.handleData(bytes, 0, bytes.length);
        detector.dataEnd();
        Optional<Charset> guess = forLabel(detector.getDetectedCharset());
        if (guess.isPresent() && strict(bytes, guess.get()).isPresent()
                && (isCjk(guess.get()) || eightBitBytes(bytes) >= MIN_EVIDENCE)) {
            return guess.get();
        }
        // a few 8-bit bytes are no evidence: four bytes of Big5 look like Cyrillic to the detector
        return strict(bytes, fallback).isPresent() || guess.isEmpty() ? fallback : guess.get();
    }

    private static boolean isCjk(Charset charset) {
        String name = charset.name().toLowerCase(Locale.ROOT);
        return charset.equals(GB18030) || charset.equals(BIG5) || name.contains("jp") || name.contains("jis")
                || name.contains("kr") || name.startsWith("iso-2022");
    }

    private static int eightBitBytes(byte[] bytes) {
        int n = 0;
        for (byte b : bytes) {
            if (b < 0) {
                n++;
            }
        }
        return n;
    }

    static Optional<String> strict(byte[] bytes, Charset charset) {
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            CharBuffer chars = decoder.decode(ByteBuffer.wrap(bytes));
            return Optional.of(chars.toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    static boolean isAscii(byte[] bytes) {
        for (byte b : bytes) {
            if (b < 0) {
                return false;
            }
        }
        return true;
    }
}
