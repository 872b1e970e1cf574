package io.careloop.engine.ticket;

import io.careloop.engine.db.Coded;
import io.careloop.engine.error.Codes;

/** The states an agent sees; each maps to a place in ticket-lifecycle.bpmn. */
public enum TicketStatus implements Coded {
    NEW("new"),
    OPEN("open"),
    WAITING("waiting"),
    ESCALATED("escalated"),
    RESOLVED("resolved"),
    CLOSED("closed"),
    REOPENED("reopened");

    /** The codes of the statuses a ticket is open in (neither resolved nor closed): what the queue views list. */
    public static final java.util.List<String> OPEN_CODES = java.util.Arrays.stream(values())
            .filter(s -> s != RESOLVED && s != CLOSED).map(TicketStatus::code).toList();

    private final String code;

    TicketStatus(String code) {
        this.code = code;
    }

    /** The code used in the API, the database and the processes. */
    @Override
    public String code() {
        return code;
    }

    /** Parses a code case-insensitively; null or blank gives null; anything unknown is a 400. */
    public static TicketStatus fromCode(String value) {
        return Codes.parseOrNull(TicketStatus.class, TicketStatus::code, value, "status");
    }
}
