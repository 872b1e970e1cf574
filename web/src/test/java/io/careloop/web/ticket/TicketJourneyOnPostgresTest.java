package io.careloop.web.ticket;

import io.careloop.engine.testing.TestDatabases;

class TicketJourneyOnPostgresTest extends TicketJourneyTest {
    @Override
    TestDatabases.Kind kind() {
        return TestDatabases.Kind.POSTGRES;
    }
}
