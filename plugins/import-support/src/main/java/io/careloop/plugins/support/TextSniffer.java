package io.careloop.plugins.support;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Guesses how a spreadsheet export was saved, from its first bytes only (the rest is streamed):
 * a byte-order mark decides; otherwise bytes that are valid UTF-8 are UTF-8, and anything else
 * is read as GB18030, the superset of GBK and GB2312 that Excel on Chinese Windows writes. The
 * delimiter is whichever of comma, semicolon and tab occurs most in the first line outside quotes.
 */
public final class TextSniffer {

    /** How many bytes are inspected. */
    public static final int SAMPLE = 64 * 1024;
    public static final Charset GB18030 = Charset.forName("GB18030");

    private TextSniffer() {
    }

    /** What was found: the charset, how many BOM bytes to skip, and the delimiter. */
    public record Sniffed(Charset charset, int bomLength, char delimiter) {
    }

    /**
     * Inspects the start of {@code in}, which must support mark/reset (wrap it in a
     * {@link BufferedInputStream}); the stream is reset to where it was.
     */
    public static Sniffed sniff(InputStream in) throws IOException {
        in.mark(SAMPLE + 1);
        byte[] sample = in.readNBytes(SAMPLE);
        in.reset();
        boolean truncated = sample.length == SAMPLE;
        Charset charset;
        int bom = 0;
        if (startsWith(sample, 0xEF, 0xBB, 0xBF)) {
            charset = StandardCharsets.UTF_8;
            bom = 3;
        } else if (startsWith(sample, 0xFF, 0xFE)) {
            charset = StandardCharsets.UTF_16LE;
            bom = 2;
        } else if (startsWith(sample, 0xFE, 0xFF)) {
            charset = StandardCharsets.UTF_16BE;
            bom = 2;
        } else if (startsWith(sample, 0x84, 0x31, 0x95, 0x33)) {
            charset = GB18030;
            bom = 4;
        } else {
            charset = isUtf8(sample, truncated) ? StandardCharsets.UTF_8 : GB18030;
        }
        String text = decodeLenient(Arrays.copyOfRange(sample, bom, sample.length), charset);
        return new Sniffed(charset, bom, delimiter(text));
    }

    /** The charset a setting names: {@code auto} (or null) means detect. */
    public static Charset named(String setting) {
        if (setting == null || setting.isBlank() || setting.equalsIgnoreCase("auto")) {
            return null;
        }
        String s = setting.strip();
        if (s.equalsIgnoreCase("GBK") || s.equalsIgnoreCase("GB2312")) {
            // labels of the GB family often hide GBK/GB18030 bytes: the superset decodes them all
            return GB18030;
        }
        return Charset.forName(s);
    }

    /** The delimiter a setting names: comma, semicolon, tab, a single character, or null for detect. */
    public static Character delimiterNamed(String setting) {
        if (setting == null || setting.isBlank() || setting.equalsIgnoreCase("auto")) {
            return null;
        }
        return switch (setting.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "comma" -> ',';
            case "semicolon" -> ';';
            case "tab" -> '\t';
            default -> setting.length() == 1 ? setting.charAt(0) : null;
        };
    }

    static boolean isUtf8(byte[] sample, boolean truncated) {
        CharsetDecoder d = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(sample);
        CharBuffer out = CharBuffer.allocate(sample.length + 1);
        CoderResult r = d.decode(in, out, !truncated);
        if (r.isError()) {
            return false;
        }
        // a sample cut inside a multi-byte character leaves a few bytes undecoded: that is fine
        return !truncated || in.remaining() < 4;
    }

    private static String decodeLenient(byte[] bytes, Charset charset) {
        try {
            return charset.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return "";
        }
    }

    static char delimiter(String text) {
        int comma = 0;
        int semicolon = 0;
        int tab = 0;
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && (c == '\n' || c == '\r')) {
                if (comma + semicolon + tab > 0) {
                    break;
                }
            } else if (!quoted) {
                if (c == ',') {
                    comma++;
                } else if (c == ';') {
                    semicolon++;
                } else if (c == '\t') {
                    tab++;
                }
            }
        }
        if (tab > comma && tab > semicolon) {
            return '\t';
        }
        return semicolon > comma ? ';' : ',';
    }

    private static boolean startsWith(byte[] b, int... prefix) {
        if (b.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((b[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
