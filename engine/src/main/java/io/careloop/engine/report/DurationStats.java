package io.careloop.engine.report;

import java.util.Arrays;

/**
 * Average, median and 90th percentile of durations in seconds. Median: the middle value, or the
 * mean of the two middle values (rounded down); p90: the nearest rank, the value at position
 * ceil(0.9 n) of the sorted list; average rounded to the nearest second. Null when there are none.
 */
public record DurationStats(long count, Long averageSeconds, Long medianSeconds, Long p90Seconds) {

    /** Sorts {@code seconds} in place. */
    public static DurationStats of(long[] seconds, int n) {
        if (n == 0) {
            return new DurationStats(0, null, null, null);
        }
        Arrays.sort(seconds, 0, n);
        long sum = 0;
        for (int i = 0; i < n; i++) {
            sum += seconds[i];
        }
        long median = n % 2 == 1 ? seconds[n / 2] : Math.floorDiv(seconds[n / 2 - 1] + seconds[n / 2], 2);
        int rank = (int) Math.ceil(0.9 * n);
        return new DurationStats(n, Math.round((double) sum / n), median, seconds[rank - 1]);
    }
}
