package io.careloop.plugins.survey;

import io.careloop.plugins.support.RowProblem;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads answers as survey tools export them: scores as numbers, "5分", or Chinese satisfaction
 * words; yes/no as 是/否; "(跳过)", "(空)" and blanks as not answered; time stamps in the forms
 * the tools write, in the tool's time zone.
 */
final class Answers {

    private static final Pattern LEADING_INT = Pattern.compile("^\\s*(-?\\d+)(\\s*分)?\\s*$");
    private static final Pattern LEADING_INT_LABEL = Pattern.compile("^\\s*(-?\\d+)\\s*[-–—:：.、 ]\\s*\\D.*$");
    private static final Map<String, Integer> CSAT_WORDS = Map.of(
            "非常满意", 5, "满意", 4, "一般", 3, "不满意", 2, "非常不满意", 1,
            "very satisfied", 5, "satisfied", 4, "neutral", 3, "dissatisfied", 2, "very dissatisfied", 1);
    private static final List<DateTimeFormatter> LOCAL = List.of(
            DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm:ss"),
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss"),
            DateTimeFormatter.ofPattern("yyyy/M/d H:mm:ss"),
            DateTimeFormatter.ofPattern("yyyy/M/d H:mm"),
            DateTimeFormatter.ofPattern("MM/dd/yyyy hh:mm:ss a", Locale.US),
            DateTimeFormatter.ofPattern("M/d/yyyy h:mm:ss a", Locale.US),
            DateTimeFormatter.ofPattern("M/d/yyyy H:mm", Locale.US),
            DateTimeFormatter.ISO_LOCAL_DATE_TIME);

    private Answers() {
    }

    /** Null for answers that say "not answered". */
    static String value(String raw) {
        if (raw == null) {
            return null;
        }
        String v = raw.strip();
        // 问卷星 writes (跳过) for a skipped question and -3 in its numeric exports
        if (v.isEmpty() || v.equals("(跳过)") || v.equals("(空)") || v.equals("-3") || v.equalsIgnoreCase("n/a")) {
            return null;
        }
        return v;
    }

    /** A score; a value that is no score is a problem of {@code field}. Range is the engine's to judge. */
    static Integer score(String raw, String field, boolean csat) throws RowProblem {
        String v = value(raw);
        if (v == null) {
            return null;
        }
        Matcher m = LEADING_INT.matcher(v);
        if (m.matches()) {
            return Integer.parseInt(m.group(1));
        }
        Matcher labelled = LEADING_INT_LABEL.matcher(v);
        if (labelled.matches()) {
            return Integer.parseInt(labelled.group(1));
        }
        if (csat) {
            Integer word = CSAT_WORDS.get(v.toLowerCase(Locale.ROOT));
            if (word != null) {
                return word;
            }
        }
        throw new RowProblem(field, "'" + v + "' is not a " + (csat ? "CSAT score (1–5)" : "NPS score (0–10)"));
    }

    /** For "is the problem solved?": true when the customer says it persists. */
    static Boolean persists(String raw) throws RowProblem {
        String v = value(raw);
        if (v == null) {
            return null;
        }
        String s = v.toLowerCase(Locale.ROOT);
        if (s.startsWith("是") || s.startsWith("已解决") || s.equals("yes") || s.equals("y") || s.equals("solved")) {
            return false;
        }
        if (s.startsWith("否") || s.startsWith("未解决") || s.startsWith("没有") || s.equals("no") || s.equals("n")) {
            return true;
        }
        throw new RowProblem("problemPersists", "'" + v + "' is neither yes (是) nor no (否)");
    }

    static Instant time(String raw, ZoneId zone, String field) throws RowProblem {
        String v = value(raw);
        if (v == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(v).toInstant();
        } catch (DateTimeParseException ignored) {
            // local forms below
        }
        for (DateTimeFormatter f : LOCAL) {
            try {
                return LocalDateTime.parse(v, f).atZone(zone).toInstant();
            } catch (DateTimeParseException ignored) {
                // next form
            }
        }
        throw new RowProblem(field, "'" + v + "' is not a time");
    }
}
