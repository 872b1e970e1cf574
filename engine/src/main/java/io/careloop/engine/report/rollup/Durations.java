package io.careloop.engine.report.rollup;

import java.nio.ByteBuffer;
import java.util.Arrays;

/** Sorted business-time durations (seconds) packed as big-endian 4-byte integers, as {@code kpi_day} keeps them. */
final class Durations {

    private long[] values = new long[16];
    private int size;

    void add(long seconds) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = seconds;
    }

    /** Adds every value of a packed array. */
    void addPacked(byte[] packed) {
        if (packed == null) {
            return;
        }
        ByteBuffer b = ByteBuffer.wrap(packed);
        while (b.remaining() >= 4) {
            add(b.getInt() & 0xFFFFFFFFL);
        }
    }

    long[] values() {
        return values;
    }

    int size() {
        return size;
    }

    /** The values sorted and packed; null when there are none. Durations beyond 136 years do not occur. */
    byte[] pack() {
        if (size == 0) {
            return null;
        }
        long[] sorted = Arrays.copyOf(values, size);
        Arrays.sort(sorted);
        ByteBuffer b = ByteBuffer.allocate(size * 4);
        for (long v : sorted) {
            if (v < 0 || v > 0xFFFFFFFFL) {
                throw new IllegalArgumentException("duration out of range: " + v);
            }
            b.putInt((int) v);
        }
        return b.array();
    }
}
