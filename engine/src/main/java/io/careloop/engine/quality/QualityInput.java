package io.careloop.engine.quality;

import io.careloop.engine.error.InvalidInputException;
import io.careloop.engine.error.ReasonRequiredException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;

/** What quality and agents send about a complaint, checked field by field (400 naming the field). */
final class QualityInput {

    private QualityInput() {
    }

    static String requireReason(String number, String reason) {
        if (reason == null || reason.isBlank()) {
            throw new ReasonRequiredException("ticket " + number + " is a regulated record (product-quality): "
                    + "say why you record this");
        }
        if (reason.length() > 2000) {
            throw new InvalidInputException("reason", "the reason is longer than 2000 characters");
        }
        return reason.strip();
    }

    static String text(String field, Object value, int max, boolean required) {
        if (value != null && !(value instanceof String)) {
            throw new InvalidInputException(field, field + " must be text");
        }
        String s = value == null ? null : ((String) value).strip();
        if (s == null || s.isEmpty()) {
            if (required) {
                throw new InvalidInputException(field, field + " is required");
            }
            return null;
        }
        if (s.length() > max) {
            throw new InvalidInputException(field, field + " is longer than " + max + " characters");
        }
        return s;
    }

    static boolean bool(Map<String, Object> in, String field) {
        if (!(in.get(field) instanceof Boolean b)) {
            throw new InvalidInputException(field, field + " must be true or false");
        }
        return b;
    }

    static LocalDate date(String expiry) {
        if (expiry == null || expiry.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(expiry.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("expiry", "expiry must be a date like 2027-06-30");
        }
    }
}
