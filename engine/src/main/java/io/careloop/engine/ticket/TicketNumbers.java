package io.careloop.engine.ticket;

import java.time.Instant;
import java.time.ZoneOffset;

/** Formats ticket numbers: {@code CL-YYYY-NNNNNN}, the year of intake and a database sequence. */
public final class TicketNumbers {

    private TicketNumbers() {
    }

    public static String format(Instant createdAt, long sequence) {
        int year = createdAt.atZone(ZoneOffset.UTC).getYear();
        return String.format("CL-%04d-%06d", year, sequence);
    }

    public static boolean looksValid(String number) {
        return number != null && number.matches("CL-\\d{4}-\\d{6,}");
    }
}
