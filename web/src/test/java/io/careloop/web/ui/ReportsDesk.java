package io.careloop.web.ui;

import io.careloop.engine.testing.MutableClock;
import io.careloop.engine.testing.TestDatabases;
import io.careloop.engine.user.Role;
import io.careloop.web.testing.TestServer;
import java.time.Instant;

/**
 * The node the report screens' browser tests (DashboardIT, SchedulesIT) start: H2, its clock on
 * 10 May 2026, team "desk" on queue "service" with supervisor {@code zhou.supervisor} and agent
 * {@code wu.agent}.
 */
final class ReportsDesk {

    private ReportsDesk() {
    }

    static TestServer start(String name) {
        TestServer server = TestServer.start(TestDatabases.Kind.H2, name, new MutableClock(Instant.parse("2026-05-10T00:00:00Z")));
        server.team("desk", "service");
        server.user("zhou.supervisor", Role.SUPERVISOR, "desk");
        server.user("wu.agent", Role.AGENT, "desk");
        return server;
    }
}
