package io.careloop.web.testing;

import io.careloop.engine.CareLoop;
import io.careloop.engine.testing.TestCareLoop;
import io.careloop.engine.testing.TestDatabases;
import io.careloop.engine.user.Role;
import io.careloop.engine.user.User;
import io.careloop.web.WebServer;
import io.javalin.Javalin;
import java.net.URI;
import java.util.EnumSet;
import java.util.List;

/**
 * A CareLoop on a fresh database with the real web server on a random port, as Main starts it.
 * One per test class; close it in {@code @AfterAll}.
 */
public final class TestServer implements AutoCloseable {

    /** Every test user's password: long and varied enough for the password rules. */
    public static final String PASSWORD = "correct-horse-42-staple";
    private static final String ACTOR = "test";

    /** Every queue classify-ticket.dmn routes to. */
    public static final List<String> QUEUES = List.of("service-desk", "pharmacovigilance", "quality", "medical-affairs",
            "key-accounts");

    private final CareLoop careLoop;
    private boolean everyQueueTeam;
    private final Javalin app;
    private final URI base;

    private TestServer(CareLoop careLoop, Javalin app) {
        this.careLoop = careLoop;
        this.app = app;
        this.base = URI.create("http://localhost:" + app.port());
    }

    public static TestServer start(TestDatabases.Kind kind, String name) {
        return start(TestCareLoop.settings(kind, name));
    }

    /** A server over a CareLoop with these settings (e.g. another plugins directory). */
    public static TestServer start(io.careloop.engine.config.Settings settings) {
        CareLoop careLoop = CareLoop.start(settings, java.time.Clock.systemUTC());
        try {
            return new TestServer(careLoop, WebServer.create(careLoop).start(0));
        } catch (RuntimeException e) {
            careLoop.close();
            throw e;
        }
    }

    /** As {@link #start(TestDatabases.Kind, String)}, on a clock the test moves. */
    public static TestServer start(TestDatabases.Kind kind, String name, java.time.Clock clock) {
        CareLoop careLoop = TestCareLoop.start(kind, name, clock);
        try {
            return new TestServer(careLoop, WebServer.create(careLoop).start(0));
        } catch (RuntimeException e) {
            careLoop.close();
            throw e;
        }
    }

    public CareLoop careLoop() {
        return careLoop;
    }

    public URI base() {
        return base;
    }

    /** A client without credentials. */
    public ApiClient client() {
        return new ApiClient(base, careLoop.json());
    }

    /** A client signed in as {@code username} (created with {@link #user}). */
    public ApiClient session(String username) {
        return client().loggedIn(username, PASSWORD);
    }

    /** A team working {@code queues}. */
    public void team(String code, String... queues) {
        careLoop.users().createTeam(code, code, List.of(queues), ACTOR);
    }

    /** A user with one role, member of {@code teams} (created first with {@link #team}). */
    public User user(String username, Role role, String... teams) {
        return careLoop.users().create(username, username, PASSWORD, EnumSet.of(role), List.of(teams), ACTOR);
    }

    /**
     * An agent in a team working every queue: sees every ticket, for tests about something other
     * than the data scope (docs/security.md).
     */
    public synchronized User agentOfEveryQueue(String username) {
        if (!everyQueueTeam) {
            team("every-queue", QUEUES.toArray(String[]::new));
            everyQueueTeam = true;
        }
        return user(username, Role.AGENT, "every-queue");
    }

    /** A user with one role and an API token; answers the token's secret. */
    public String tokenFor(String username, Role role) {
        User u = user(username, role);
        return careLoop.users().createToken(u, "test token", null).secret();
    }

    @Override
    public void close() {
        try {
            app.stop();
        } finally {
            careLoop.close();
        }
    }
}
