package io.careloop.plugins.survey;

import io.careloop.plugins.support.ColumnMapping;
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
        return ColumnMapping.parse(mapping, FIELDS);
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
