package io.careloop.web.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.careloop.engine.testing.CareLoops;
import io.careloop.engine.testing.MutableClock;
import io.careloop.engine.testing.TestDatabases;
import io.careloop.engine.user.Role;
import io.careloop.web.testing.ApiClient.Response;
import io.careloop.web.testing.Problems;
import io.careloop.web.testing.TestServer;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Repeated failed logins answer 429 with Retry-After, per account and per client address. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LoginThrottlingTest {

    private final MutableClock clock = new MutableClock(CareLoops.START);
    private TestServer server;

    @BeforeAll
    void start() {
        server = TestServer.start(TestDatabases.Kind.H2, getClass().getSimpleName(), clock);
        for (String u : new String[] {"wang", "zhao", "sun", "zhou"}) {
            server.user(u, Role.AGENT);
        }
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void afterFiveWrongPasswordsEvenTheRightOneIsRefusedUntilTheWindowHasPassed() {
        for (int i = 0; i < 5; i++) {
            Problems.assertProblem(server.client().login("wang", "wrong-password-" + i), 401);
        }

        Response blocked = server.client().login("wang", TestServer.PASSWORD);

        Problems.assertProblem(blocked, 429);
        assertThat(Long.parseLong(blocked.header("Retry-After"))).isBetween(1L, 15 * 60L);
        assertThat(blocked.setCookie("careloop_session")).isNull();

        clock.advance(Duration.ofMinutes(16));
        assertThat(server.client().login("wang", TestServer.PASSWORD).status()).isEqualTo(200);
    }

    @Test
    void anotherAccountFromTheSameAddressIsNotLockedOutByOnesFailures() {
        for (int i = 0; i < 6; i++) {
            server.client().login("zhao", "wrong-password-" + i);
        }
        Problems.assertProblem(server.client().login("zhao", TestServer.PASSWORD), 429);

        assertThat(server.client().login("sun", TestServer.PASSWORD).status()).isEqualTo(200);
    }

    @Test
    void anUnknownUsernameIsThrottledLikeAKnownOne() {
        for (int i = 0; i < 5; i++) {
            Problems.assertProblem(server.client().login("no.such.user", "wrong-password-" + i), 401);
        }
        Problems.assertProblem(server.client().login("no.such.user", "wrong-password"), 429);
    }

    @Test
    void oneAddressTryingManyAccountsIsThrottledForEveryAccount() {
        clock.advance(Duration.ofMinutes(16));
        for (int i = 0; i < 50; i++) {
            Problems.assertProblem(server.client().login("guess" + i, "wrong-password"), 401);
        }

        Problems.assertProblem(server.client().login("zhou", TestServer.PASSWORD), 429);

        clock.advance(Duration.ofMinutes(16));
        assertThat(server.client().login("zhou", TestServer.PASSWORD).status()).isEqualTo(200);
    }
}
