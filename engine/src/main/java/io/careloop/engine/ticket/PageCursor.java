package io.careloop.engine.ticket;

import io.careloop.engine.error.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;

/**
 * The keyset position after the last row of a page: its sort value and id. Sent to clients as an
 * opaque string; clients hand it back unchanged.
 */
public record PageCursor(TicketSort sort, Instant value, long id) {

    public static PageCursor after(Ticket last, TicketSort sort) {
        Instant v = sort == TicketSort.DUE ? last.resolutionDue() : last.createdAt();
        return new PageCursor(sort, v, last.id());
    }

    public String encode() {
        String raw = sort.code() + "|" + (value == null ? "" : value.toString()) + "|" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    public static PageCursor decode(String token) {
        if (token == null || token.isBlank()) {
            return null;
        }
        try {
            String raw = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            String[] parts = raw.split("\\|", -1);
            if (parts.length != 3) {
                throw new IllegalArgumentException("shape");
            }
            TicketSort sort = TicketSort.fromCode(parts[0]);
            Instant v = parts[1].isEmpty() ? null : Instant.parse(parts[1]);
            return new PageCursor(sort, v, Long.parseLong(parts[2]));
        } catch (IllegalArgumentException | DateTimeParseException | InvalidInputException e) {
            throw new InvalidInputException("cursor", "the cursor is not one this server issued");
        }
    }
}
