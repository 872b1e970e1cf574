package io.careloop.engine.intake;

import io.careloop.engine.ticket.Ticket;

/** The ticket an intake made, or (duplicate = true) the one an earlier intake of the same item made. */
public record IntakeResult(Ticket ticket, boolean duplicate) {
}
