package io.careloop.plugin.api;

import java.util.Objects;

/**
 * The input an item was read from, as the integrator would see it: a CSV row, a message's
 * headers. The host keeps it with a rejected item, so that someone can read why it failed,
 * correct it and replay it.
 *
 * @param position where in the input it was: the 1-based row number of a file (counting header
 *                 rows, as a spreadsheet shows it), or the message number in a mailbox
 * @param text     the raw text; the host stores at most 64 KiB of it
 */
public record RawRecord(long position, String text) {

    public RawRecord {
        Objects.requireNonNull(text, "text");
        if (position < 0) {
            throw new IllegalArgumentException("position must not be negative: " + position);
        }
    }
}
