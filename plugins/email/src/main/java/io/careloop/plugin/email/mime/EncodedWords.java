package io.careloop.plugin.email.mime;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decodes header text: RFC 2047 encoded words and raw 8-bit bytes.
 *
 * <p>Jakarta Mail's {@code MimeUtility.decodeText} decodes every encoded word on its own. Mailers
 * cut long subjects into words of fixed byte length, so one GBK or UTF-8 character is often split
 * across two words; decoded one by one both halves turn into replacement characters. Here adjacent
 * words of the same charset are joined as bytes first and decoded once. Whitespace between two
 * encoded words is dropped, as RFC 2047 section 6.2 says.
 *
 * <p>Headers read with Jakarta Mail's default settings arrive as one char per byte (ISO-8859-1);
 * raw 8-bit headers (unlabelled GBK, UTF-8) are turned back into bytes and decoded by
 * {@link MailCharsets}.
 */
public final class EncodedWords {

    private static final Pattern WORD = Pattern.compile(
            "=\\?([^?\\s]+)\\?([BbQq])\\?([^?\\s]*)\\?=");

    private final MailCharsets charsets;

    public EncodedWords(MailCharsets charsets) {
        this.charsets = charsets;
    }

    /** Decodes an unfolded or folded header value; null stays null. */
    public String decode(String raw) {
        if (raw == null) {
            return null;
        }
        String text = unfold(rawBytesToText(raw));
        Matcher m = WORD.matcher(text);
        StringBuilder out = new StringBuilder();
        int last = 0;
        String runCharset = null;
        ByteArrayOutputStream run = new ByteArrayOutputStream();
        while (m.find()) {
            String between = text.substring(last, m.start());
            boolean adjacent = runCharset != null && between.isBlank();
            String charset = m.group(1);
            if (!adjacent || !sameCharset(runCharset, charset)) {
                flush(out, run, runCharset);
                runCharset = null;
                if (!adjacent) {
                    out.append(between);
                }
            }
            byte[] bytes = wordBytes(m.group(2), m.group(3));
            if (bytes == null) { // not a well-formed word: keep it as it stands
                flush(out, run, runCharset);
                runCharset = null;
                out.append(m.group());
            } else {
                runCharset = charset;
                run.writeBytes(bytes);
            }
            last = m.end();
        }
        flush(out, run, runCharset);
        out.append(text.substring(last));
        return out.toString();
    }

    private void flush(StringBuilder out, ByteArrayOutputStream run, String charset) {
        if (run.size() > 0) {
            out.append(charsets.decode(run.toByteArray(), charset));
            run.reset();
        }
    }

    private static boolean sameCharset(String a, String b) {
        return MailCharsets.forLabel(a).equals(MailCharsets.forLabel(b))
                || a.equalsIgnoreCase(b);
    }

    private static byte[] wordBytes(String encoding, String payload) {
        if (encoding.toUpperCase(Locale.ROOT).equals("B")) {
            try {
                return Base64.getMimeDecoder().decode(payload);
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < payload.length(); i++) {
            char c = payload.charAt(i);
            if (c == '_') {
                out.write(' ');
            } else if (c == '=' && i + 2 < payload.length() && isHex(payload.charAt(i + 1))
                    && isHex(payload.charAt(i + 2))) {
                out.write(Integer.parseInt(payload.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                out.write(c);
            }
        }
        return out.toByteArray();
    }

    private static boolean isHex(char c) {
        return Character.digit(c, 16) >= 0;
    }

    /** A header held as one char per byte with 8-bit content: decode those bytes properly. */
    private String rawBytesToText(String raw) {
        boolean eightBit = false;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c > 0xFF) {
                return raw; // already real text (e.g. parsed with mail.mime.allowutf8)
            }
            eightBit |= c > 0x7F;
        }
        if (!eightBit) {
            return raw;
        }
        return charsets.decode(raw.getBytes(StandardCharsets.ISO_8859_1), null);
    }

    private static String unfold(String s) {
        return s.replaceAll("\\r?\\n(?=[ \\t])", "");
    }
}
