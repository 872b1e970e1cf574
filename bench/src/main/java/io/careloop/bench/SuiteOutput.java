package io.careloop.bench;

import java.util.Locale;

/**
 * The lines a suite part prints for {@link Suite} to collect: {@code @@ key=value}, one figure
 * each. Everything else a part prints is progress for the reader.
 */
final class SuiteOutput {

    static final String PREFIX = "@@ ";

    private SuiteOutput() {
    }

    static void figure(String key, double value) {
        System.out.println(PREFIX + key + "=" + String.format(Locale.ROOT, "%.3f", value));
        System.out.flush();
    }

    static void text(String key, String value) {
        System.out.println(PREFIX + key + "=" + value.replace('\n', ' '));
        System.out.flush();
    }
}
