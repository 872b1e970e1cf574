package io.careloop.engine.text;

import java.util.regex.Pattern;

/**
 * One field of a CSV file CareLoop writes, safe to open in a spreadsheet (CSV / formula injection,
 * OWASP): a text that a spreadsheet would run as a formula, because it starts with {@code = + - @},
 * a tab or a carriage return (after any leading spaces), gets a leading {@code '} so it shows as
 * text; plain numbers ({@code -12}, {@code 3.5}) stay numbers. Then the field is quoted per RFC 4180
 * when it holds a comma, a quote or a line break. Every CSV export (reports, quarantine downloads)
 * should write its cells through {@link #of}.
 */
public final class CsvCell {

    private static final Pattern PLAIN_NUMBER = Pattern.compile("[-+]?\\d+([.,]\\d+)?");

    private CsvCell() {
    }

    /** The value as one CSV field: defused, then quoted if needed; null is the empty field. */
    public static String of(String value) {
        if (value == null) {
            return "";
        }
        String v = defuse(value);
        if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
            return '"' + v.replace("\"", "\"\"") + '"';
        }
        return v;
    }

    /** The value with a leading {@code '} when a spreadsheet would take it for a formula; otherwise unchanged. */
    public static String defuse(String value) {
        if (value == null || value.isEmpty() || PLAIN_NUMBER.matcher(value).matches()) {
            return value;
        }
        int i = 0;
        while (i < value.length() && value.charAt(i) == ' ') {
            i++;
        }
        if (i == value.length()) {
            return value;
        }
        return switch (value.charAt(i)) {
            case '=', '+', '-', '@', '\t', '\r' -> "'" + value;
            default -> value;
        };
    }

    /** One CSV line (without its line break) of {@code values}, each through {@link #of}. */
    public static String line(String... values) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(of(values[i]));
        }
        return sb.toString();
    }
}
