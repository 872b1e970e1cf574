package io.careloop.web.ticket;

import io.careloop.engine.testing.TestDatabases;

class TicketJourneyOnH2Test extends TicketJourneyTest {
    @Override
    TestDatabases.Kind kind() {
        return TestDatabases.Kind.H2;
    }
}
