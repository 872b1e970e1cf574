package io.careloop.plugin.email;

import io.careloop.plugin.email.mime.MailCharsets;
import io.careloop.plugin.email.mime.MailParser;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/** Builds parsers and raw messages for tests. */
public final class TestParsers {

    private TestParsers() {
    }

    public static MailParser parser() {
        return new MailParser(new MailCharsets());
    }

    /** A raw message from text (headers, blank line, body), line ends turned into CRLF. */
    public static byte[] message(String text) {
        return text.replace("\r\n", "\n").replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
    }

    /** A raw message whose headers are one byte per char (ISO-8859-1) and whose body is the given text in a charset. */
    public static byte[] message(String headers, String body, Charset bodyCharset) {
        byte[] head = (headers.strip().replace("\n", "\r\n") + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1); // one byte per char: lets tests write raw 8-bit headers
        byte[] tail = body.getBytes(bodyCharset);
        byte[] all = new byte[head.length + tail.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(tail, 0, all, head.length, tail.length);
        return all;
    }
}
