package io.careloop.plugin.email.mime;

import jakarta.mail.internet.ParameterList;

import java.io.ByteArrayOutputStream;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads a parameter such as {@code filename} or {@code name} from a parsed header's parameters, in
 * every form mailers send it: RFC 2231 ({@code filename*=utf-8''%E9…}, continuations
 * {@code filename*0*=…; filename*1*=…}), RFC 2047 words inside quotes (not allowed, sent by
 * Outlook and most Chinese mailers), and raw 8-bit bytes. The charset of RFC 2231 values goes
 * through {@link MailCharsets} like everything else, so gb2312 labels holding GBK bytes decode.
 * Jakarta Mail's own RFC 2231 decoding is switched off ({@code mail.mime.decodeparameters=false})
 * so that these raw forms reach this class.
 */
final class PartParameters {

    private final MailCharsets charsets;
    private final EncodedWords words;

    PartParameters(MailCharsets charsets, EncodedWords words) {
        this.charsets = charsets;
        this.words = words;
    }

    String get(ParameterList params, String name) {
        if (params == null) {
            return null;
        }
        String extended = params.get(name + "*");
        if (extended != null) {
            return decodeExtended(extended, true);
        }
        TreeMap<Integer, String> segments = new TreeMap<>();
        Map<Integer, Boolean> encodedSegments = new TreeMap<>();
        for (String n : Collections.list(params.getNames())) {
            String lower = n.toLowerCase(java.util.Locale.ROOT);
            if (!lower.startsWith(name + "*")) {
                continue;
            }
            String rest = lower.substring(name.length() + 1);
            boolean encoded = rest.endsWith("*");
            String number = encoded ? rest.substring(0, rest.length() - 1) : rest;
            if (number.matches("\\d{1,3}")) {
                segments.put(Integer.parseInt(number), params.get(n));
                encodedSegments.put(Integer.parseInt(number), encoded);
            }
        }
        if (!segments.isEmpty()) {
            return joinSegments(segments, encodedSegments);
        }
        String plain = params.get(name);
        return plain == null ? null : words.decode(plain);
    }

    private String joinSegments(TreeMap<Integer, String> segments, Map<Integer, Boolean> encoded) {
        String charset = null;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (Map.Entry<Integer, String> e : segments.entrySet()) {
            String value = e.getValue();
            if (encoded.get(e.getKey())) {
                if (e.getKey() == 0) {
                    int first = value.indexOf('\'');
                    int second = first < 0 ? -1 : value.indexOf('\'', first + 1);
                    if (second > 0) {
                        charset = value.substring(0, first);
                        value = value.substring(second + 1);
                    }
                }
                percentDecode(value, bytes);
            } else {
                bytes.writeBytes(value.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
            }
        }
        return charsets.decode(bytes.toByteArray(), charset);
    }

    private String decodeExtended(String value, boolean withCharset) {
        String charset = null;
        if (withCharset) {
            int first = value.indexOf('\'');
            int second = first < 0 ? -1 : value.indexOf('\'', first + 1);
            if (second > 0) {
                charset = value.substring(0, first);
                value = value.substring(second + 1);
            }
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        percentDecode(value, bytes);
        return charsets.decode(bytes.toByteArray(), charset);
    }

    private static void percentDecode(String value, ByteArrayOutputStream out) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '%' && i + 2 < value.length()
                    && Character.digit(value.charAt(i + 1), 16) >= 0
                    && Character.digit(value.charAt(i + 2), 16) >= 0) {
                out.write(Integer.parseInt(value.substring(i + 1, i + 3), 16));
                i += 2;
            } else if (c <= 0xFF) {
                out.write(c);
            } else {
                out.writeBytes(String.valueOf(c).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
        }
    }
}
