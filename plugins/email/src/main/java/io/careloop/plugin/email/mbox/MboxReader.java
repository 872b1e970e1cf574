package io.careloop.plugin.email.mbox;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;

/**
 * Reads an mbox file one message at a time, never the whole file: a 10,000-message mailbox
 * needs the memory of its largest message only.
 *
 * <p>A message starts at a {@code From } line at the start of the file or after an empty line
 * (the empty line belongs to the separator, not to the message). Quoted body lines are unquoted
 * the mboxrd way: {@code >From }, {@code >>From } … lose one {@code >}. That also reads mboxo
 * files (which quote only {@code From } as {@code >From }) correctly except for a body line that
 * really began with {@code >From }, which mboxo cannot represent anyway.
 */
public final class MboxReader {

    /** Receives each message's raw bytes, numbered from 1. */
    @FunctionalInterface
    public interface Handler {
        void message(long number, byte[] raw) throws Exception;
    }

    private static final byte[] FROM = "From ".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private MboxReader() {
    }

    /** True when the stream's first bytes look like an mbox (rather than a single message). */
    public static boolean looksLikeMbox(byte[] head) {
        return startsWith(head, 0, head.length, FROM);
    }

    /** Reads every message and hands it over; returns how many there were. */
    public static long read(InputStream in, Handler handler) throws Exception {
        LineReader lines = new LineReader(in);
        ByteArrayOutputStream message = new ByteArrayOutputStream();
        boolean inMessage = false;
        boolean previousBlank = true;
        boolean pendingBlank = false; // an empty line held back: it may be the separator's
        byte[] pendingBlankLine = null;
        long count = 0;
        byte[] line;
        while ((line = lines.next()) != null) {
            int length = contentLength(line);
            if (previousBlank && startsWith(line, 0, length, FROM)) {
                if (inMessage) {
                    handOver(++count, message, handler);
                }
                inMessage = true;
                pendingBlank = false;
                previousBlank = false;
                continue;
            }
            if (!inMessage) {
                previousBlank = length == 0;
                continue; // text before the first separator is not a message
            }
            if (pendingBlank) {
                message.write(pendingBlankLine);
                pendingBlank = false;
            }
            if (length == 0) {
                pendingBlank = true;
                pendingBlankLine = line;
                previousBlank = true;
                continue;
            }
            previousBlank = false;
            int quotes = 0;
            while (quotes < length && line[quotes] == '>') {
                quotes++;
            }
            if (quotes > 0 && startsWith(line, quotes, length, FROM)) {
                message.write(line, 1, line.length - 1);
            } else {
                message.write(line);
            }
        }
        if (inMessage) {
            handOver(++count, message, handler);
        }
        return count;
    }

    private static void handOver(long number, ByteArrayOutputStream message, Handler handler) throws Exception {
        if (Thread.interrupted()) {
            throw new InterruptedIOException("mbox import interrupted at message " + number);
        }
        byte[] raw = message.toByteArray();
        message.reset();
        handler.message(number, raw);
    }

    private static int contentLength(byte[] line) {
        int n = line.length;
        if (n > 0 && line[n - 1] == '\n') {
            n--;
        }
        if (n > 0 && line[n - 1] == '\r') {
            n--;
        }
        return n;
    }

    private static boolean startsWith(byte[] bytes, int offset, int end, byte[] prefix) {
        if (end - offset < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[offset + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /** Lines as bytes with their terminators, from a buffered stream. */
    private static final class LineReader {
        private final InputStream in;
        private final byte[] buffer = new byte[64 * 1024];
        private int pos;
        private int limit;
        private final ByteArrayOutputStream line = new ByteArrayOutputStream(256);

        LineReader(InputStream in) {
            this.in = in;
        }

        byte[] next() throws IOException {
            line.reset();
            while (true) {
                if (pos == limit) {
                    limit = in.read(buffer);
                    pos = 0;
                    if (limit <= 0) {
                        limit = 0;
                        return line.size() == 0 ? null : line.toByteArray();
                    }
                }
                int start = pos;
                while (pos < limit && buffer[pos] != '\n') {
                    pos++;
                }
                if (pos < limit) {
                    pos++; // include the newline
                    line.write(buffer, start, pos - start);
                    return line.toByteArray();
                }
                line.write(buffer, start, pos - start);
            }
        }
    }
}
