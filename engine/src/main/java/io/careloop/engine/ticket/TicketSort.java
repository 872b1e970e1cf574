package io.careloop.engine.ticket;

import io.careloop.engine.db.Coded;
import io.careloop.engine.error.Codes;

/** Queue orders: by resolution due time (soonest first) or by creation (newest first). */
public enum TicketSort implements Coded {
    DUE("due"),
    CREATED("created");

    private final String code;

    TicketSort(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }

    public static TicketSort fromCode(String value) {
        return Codes.parseOrNull(TicketSort.class, TicketSort::code, value, "sort");
    }
}
