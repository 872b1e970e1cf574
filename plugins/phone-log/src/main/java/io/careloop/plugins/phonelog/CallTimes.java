package io.careloop.plugins.phonelog;

import io.careloop.plugins.support.RowProblem;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * Reads the time stamps call logs write: {@code 2026-11-02 09:01:12} (Asterisk, FreeSWITCH,
 * most exports), with slashes, with or without seconds, ISO-8601 with an offset, or Unix epoch
 * seconds. Local times are in the call centre's time zone (a setting).
 */
final class CallTimes {

    private static final List<DateTimeFormatter> LOCAL = List.of(
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss"),
            DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm:ss"),
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"),
            DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm"),
            DateTimeFormatter.ofPattern("yyyy/M/d H:mm:ss"),
            DateTimeFormatter.ofPattern("yyyy/M/d H:mm"),
            DateTimeFormatter.ISO_LOCAL_DATE_TIME);

    private final ZoneId zone;

    CallTimes(ZoneId zone) {
        this.zone = zone;
    }

    /** The instant, null for a blank value; a value that is no time is a problem of {@code field}. */
    Instant parse(String value, String field) throws RowProblem {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        if (v.matches("\\d{9,10}(\\.\\d+)?")) {
            return Instant.ofEpochMilli((long) (Double.parseDouble(v) * 1000));
        }
        try {
            return OffsetDateTime.parse(v).toInstant();
        } catch (DateTimeParseException ignored) {
            // not ISO with offset: try the local forms
        }
        for (DateTimeFormatter f : LOCAL) {
            try {
                return LocalDateTime.parse(v, f).atZone(zone).toInstant();
            } catch (DateTimeParseException ignored) {
                // next form
            }
        }
        throw new RowProblem(field, "'" + v + "' is not a time (expected e.g. 2026-11-02 09:01:12)");
    }

    static long seconds(String value, String field) throws RowProblem {
        if (value == null || value.isBlank()) {
            return 0;
        }
        try {
            long s = Math.round(Double.parseDouble(value.strip()));
            if (s < 0) {
                throw new RowProblem(field, "a duration cannot be negative: " + value.strip());
            }
            return s;
        } catch (NumberFormatException e) {
            throw new RowProblem(field, "'" + value.strip() + "' is not a number of seconds");
        }
    }
}
