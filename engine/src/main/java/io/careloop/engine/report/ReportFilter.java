package io.careloop.engine.report;

import io.careloop.engine.customer.Tier;
import io.careloop.engine.error.InvalidInputException;
import io.careloop.engine.ticket.Category;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * The period and filters of a report: the days {@code from} to {@code to} (both included, in the
 * zone of the default business calendar) and, each optional, a team (its queues), a queue, an
 * agent (assignee), a category, a product and a customer tier.
 */
public record ReportFilter(LocalDate from, LocalDate to, String team, String queue, String agent, Category category,
                           String product, Tier tier) {

    /** A dashboard looks at a quarter or a year; a longer period would read the whole history. */
    public static final int MAX_DAYS = 366;

    public ReportFilter {
        if (from == null) {
            throw new InvalidInputException("from", "from is required (YYYY-MM-DD)");
        }
        if (to == null) {
            throw new InvalidInputException("to", "to is required (YYYY-MM-DD)");
        }
        if (from.isAfter(to)) {
            throw new InvalidInputException("from", "from (" + from + ") is after to (" + to + ")");
        }
        if (ChronoUnit.DAYS.between(from, to) + 1 > MAX_DAYS) {
            throw new InvalidInputException("to", "a report covers at most " + MAX_DAYS + " days");
        }
        team = blankToNull(team, "team");
        queue = blankToNull(queue, "queue");
        agent = blankToNull(agent, "agent");
        product = blankToNull(product, "product");
    }

    /** From request parameters: every malformation is a 400 naming the parameter. */
    public static ReportFilter parse(String from, String to, String team, String queue, String agent, String category,
                                     String product, String tier) {
        return new ReportFilter(date(from, "from"), date(to, "to"), team, queue, agent, Category.fromCode(category),
                product, Tier.fromCode(tier));
    }

    /** The same filters over another period (the weekly report, the previous period). */
    public ReportFilter over(LocalDate newFrom, LocalDate newTo) {
        return new ReportFilter(newFrom, newTo, team, queue, agent, category, product, tier);
    }

    private static LocalDate date(String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, field + " must be a date YYYY-MM-DD, got '" + value + "'");
        }
    }

    private static String blankToNull(String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > 200) {
            throw new InvalidInputException(field, field + " is longer than 200 characters");
        }
        return value.trim();
    }
}
