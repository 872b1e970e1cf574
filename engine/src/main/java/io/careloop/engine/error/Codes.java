package io.careloop.engine.error;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Parses the lower-case codes the API and the database use into enums, case-insensitively. */
public final class Codes {

    private Codes() {
    }

    /** Returns null for a null or blank value; rejects anything else that is not a known code. */
    public static <E extends Enum<E>> E parseOrNull(Class<E> type, Function<E, String> code, String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String wanted = value.trim().toLowerCase(Locale.ROOT);
        for (E e : type.getEnumConstants()) {
            if (code.apply(e).toLowerCase(Locale.ROOT).equals(wanted)) {
                return e;
            }
        }
        String allowed = Arrays.stream(type.getEnumConstants()).map(code).collect(Collectors.joining(", "));
        throw new InvalidInputException(field, "unknown " + field + " '" + value + "'; expected one of: " + allowed);
    }

    public static <E extends Enum<E>> E parse(Class<E> type, Function<E, String> code, String value, String field) {
        E e = parseOrNull(type, code, value, field);
        if (e == null) {
            throw new InvalidInputException(field, field + " is required");
        }
        return e;
    }
}
