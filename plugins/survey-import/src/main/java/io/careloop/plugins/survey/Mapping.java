package io.careloop.plugins.survey;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A saved column mapping for generic survey exports: one {@code field=Column header} per line,
 * fields ticket, csat, nps, comment, problemPersists, responseId, time, completed.
 */
final class Mapping {

    static final List<String> FIELDS = List.of("ticket", "csat", "nps", "comment", "problemPersists", "responseId", "time",
            "completed");

    private Mapping() {
    }

    static Map<String, String> parse(String mapping) {
        Map<String, String> out = new LinkedHashMap<>();
        if (mapping == null) {
            return out;
        }
        for (String line : mapping.split("\\R")) {
            String l = line.strip();
            if (l.isEmpty() || l.startsWith("#")) {
                continue;
            }
            int eq = l.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("column mapping line '" + l + "' is not field=Header");
            }
            String field = l.substring(0, eq).strip();
            if (!FIELDS.contains(field)) {
                throw new IllegalArgumentException("column mapping names an unknown field '" + field + "'; fields are " + FIELDS);
            }
            out.put(field, l.substring(eq + 1).strip());
        }
        return out;
    }

    static Question question(String field) {
        return switch (field) {
            case "ticket" -> Question.TICKET;
            case "csat" -> Question.CSAT;
            case "nps" -> Question.NPS;
            case "comment" -> Question.COMMENT;
            case "problemPersists" -> Question.SOLVED;
            default -> Question.OTHER;
        };
    }
}
